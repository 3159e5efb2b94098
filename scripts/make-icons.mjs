// Renders the app's icons from the one source drawing, pwa/icon.svg, with headless Chromium:
// 192 and 512 px icons, a 180 px Apple touch icon, and a 512 px maskable icon whose drawing sits
// inside the central 80 % safe zone on a full-bleed background. The PNGs are committed in
// pwa/icons/; run this after changing the drawing: `node scripts/make-icons.mjs`.

import { mkdir, readFile } from 'node:fs/promises';
import { launchChromium } from '../tests/e2e/support.mjs';

const BACKGROUND = '#1f5f50';
const svg = await readFile('pwa/icon.svg', 'utf8');
const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const icons = [
  { file: 'icon-180.png', size: 180, maskable: false },
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

await mkdir('pwa/icons', { recursive: true });
const browser = await launchChromium();
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // A maskable icon may be cut to any shape inside the outer 10 %, so its drawing is scaled
    // to the middle 80 % and the background fills the rest.
    const inner = maskable ? Math.round(size * 0.8) : size;
    await page.setContent(`<html><body style="margin:0;background:${maskable ? BACKGROUND : 'transparent'}">
      <img src="${source}" width="${inner}" height="${inner}"
        style="position:absolute;left:${(size - inner) / 2}px;top:${(size - inner) / 2}px">
      </body></html>`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: `pwa/icons/${file}`, omitBackground: !maskable });
    await page.close();
    console.log(`pwa/icons/${file}`);
  }
} finally {
  await browser.close();
}
