// Takes screenshots of the release build (dist/) at phone and desktop widths, for a person to
// look at: `node scripts/screenshots.mjs` after `trunk build --release --offline`. Writes PNGs to
// screenshots/ (not committed).

import { mkdir } from 'node:fs/promises';
import { launchChromium, openApp, serveDirectory } from '../tests/e2e/support.mjs';

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

await mkdir('screenshots', { recursive: true });
const server = await serveDirectory();
const browser = await launchChromium();
try {
  for (const { name, width, height } of WIDTHS) {
    const { context, page } = await openApp(browser, server.url, { width, height });
    await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
    // The same page with a refused age, to see how errors look.
    await page.getByTestId('profile-age').fill('-2');
    await page.getByRole('alert').waitFor();
    await page.screenshot({ path: `screenshots/${name}-error.png`, fullPage: true });
    await context.close();
    console.log(`screenshots/${name}.png, screenshots/${name}-error.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
