// Shared by the end-to-end tests: serves the release build (dist/) on 127.0.0.1 and launches
// Debian's Chromium through playwright-core. Nothing here reaches beyond this machine.

import { after, before } from 'node:test';
import { createServer } from 'node:http';
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const DIST_DIR = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
};

/** Compressed bodies, by encoding and path, so each file is compressed once per server. */
const compressed = new Map();

/** Compresses as a static host would: brotli where the browser accepts it, else gzip. */
function encode(file, body, acceptEncoding = '') {
  const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
  if (!encoding) return { encoding: null, body };
  const key = `${encoding}:${file}`;
  if (!compressed.has(key)) {
    compressed.set(
      key,
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return { encoding, body: compressed.get(key) };
}

/**
 * Serves `root` on an ephemeral port of 127.0.0.1, compressed like a static host, under
 * `prefix` (a sub-path such as "/tools/magnesium/", or "/"); resolves to { url, close, setRoot },
 * where setRoot serves another build in place of the first.
 */
export async function serveDirectory(initialRoot = DIST_DIR, { prefix = '/' } = {}) {
  let root = initialRoot;
  const server = createServer(async (request, response) => {
    const fullPath = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    if (!fullPath.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const path = `/${fullPath.slice(prefix.length)}`;
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    try {
      const raw = await readFile(file);
      const { encoding, body } = encode(file, raw, request.headers['accept-encoding']);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((done) => server.close(done)),
    setRoot: (next) => {
      root = next;
      compressed.clear();
    },
  };
}

/** Chromium flags that keep it quiet on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium from /usr/bin (never a downloaded browser). */
export function launchChromium() {
  return chromium.launch({ executablePath: EXECUTABLE, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Launches Chromium with a real (not incognito) profile in `userDataDir`, for checks that a
 * browser makes only outside incognito, such as whether an app can be installed.
 */
export function launchPersistentChromium(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * Opens the app in a fresh context and waits until the app (not the static shell) is up: until
 * `ready` shows, the reference values by default; on a phone, where the page opens on the day,
 * the food search.
 */
export async function openApp(browser, url, { width = 1280, height = 900 } = {}) {
  const ready = width < 1000 ? 'food-search' : 'target-mg';
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  // Content Security Policy violations and failed loads are reported as console errors.
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.getByTestId(ready).waitFor();
  return { context, page, errors };
}

/** The first number in an element's text, as the UI contract defines its value. */
export async function valueOf(page, testId) {
  const text = await page.getByTestId(testId).innerText();
  const match = text.match(/-?\d+(?:\.\d+)?/);
  return match ? Number(match[0]) : null;
}

/**
 * Waits until the element's value equals `expected`, failing with what the page shows. The app
 * renders asynchronously after an input, so reading once could see the previous value.
 */
export async function expectValue(page, testId, expected, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await valueOf(page, testId);
    if (shown === expected) return;
    if (Date.now() > deadline) {
      const text = await page.getByTestId(testId).innerText();
      throw new Error(`${testId}: expected ${expected}, the page shows ${JSON.stringify(text)}`);
    }
    await page.waitForTimeout(20);
  }
}

/**
 * For a test file: serves the release build and launches Chromium before its tests and stops
 * both after them. The returned object's `server` and `browser` are set once they are up.
 */
export function servedApp() {
  const app = { server: null, browser: null };
  before(async () => {
    app.server = await serveDirectory();
    app.browser = await launchChromium();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * Shows the page's section `name` ("day", "supplements", "profile", "plans", "guide") the way a
 * person would, by its `nav-<name>` link or button, where the page has one at this width
 * (ui-contract: a panel not on screen is opened by a `nav-` element). Where every section is
 * already on screen there is no such element, and nothing is clicked.
 */
export async function showSection(page, name) {
  const nav = page.getByTestId(`nav-${name}`);
  if ((await nav.count()) > 0 && (await nav.first().isVisible())) {
    await nav.first().click();
  }
}

/** Twelve everyday foods of SR28 with a household portion each: [NDB, portion, grams, meal]. */
const YEAR_FOODS = [
  [8121, '1 cup (234 g)', 234, 'breakfast'],
  [1211, '1 cup (244 g)', 244, 'breakfast'],
  [9040, '1 cup, sliced (150 g)', 150, 'breakfast'],
  [18075, '1 slice (32 g)', 32, 'lunch'],
  [11457, '1 cup (30 g)', 30, 'lunch'],
  [16015, '1 cup (172 g)', 172, 'lunch'],
  [20037, '1 cup (202 g)', 202, 'dinner'],
  [11090, '1 cup chopped (91 g)', 91, 'dinner'],
  [20137, '1 cup (185 g)', 185, 'dinner'],
  [12061, '1 cup, whole (143 g)', 143, 'snacks'],
  [19904, '1 oz (28.35 g)', 28.35, 'snacks'],
  [12014, '1 oz (28.35 g)', 28.35, 'snacks'],
];

/** The calendar date `days` after `iso` (YYYY-MM-DD), computed in UTC so no clock shifts it. */
export function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The stored plan book (format 4, as `magnesium-planner.plan` holds it) of `count` days ending
 * on `lastDate`, each with 12 foods, 2 doses, a night rating and a short note: issue 14's year
 * of days, for the end-to-end test and the benchmark.
 */
export function storedDays(lastDate, count = 365) {
  const plans = [];
  const start = Date.UTC(2025, 0, 1);
  for (let n = 0; n < count; n += 1) {
    const date = addDays(lastDate, n - count + 1);
    const entries = YEAR_FOODS.map(([ndb, portion_label, portion_grams, meal], id) => ({
      id,
      ndb,
      portion_label,
      portion_grams,
      quantity: 1,
      meal,
    }));
    plans.push({
      id: n,
      name: date,
      updated_at_ms: start + n * 86_400_000,
      next_id: 14,
      entries,
      doses: [
        { id: 12, form: 'citrate', variant: 'anhydrous', basis: 'elemental', amount_mg: 150, units: 1, time: '08:00' },
        { id: 13, form: 'bisglycinate', variant: 'anhydrous', basis: 'elemental', amount_mg: 100, units: 1, time: '21:30' },
      ],
      date,
      night: { rating: n % 11, cramps_woke: n % 3 === 0, note: `Night ${n + 1}: calves tight after the walk.` },
    });
  }
  return JSON.stringify({
    version: 4,
    data: { current: count - 1, next_id: count, plans, tombstones: [] },
  });
}

/**
 * What a redeploy of the release build looks like, in a new temporary folder (the caller removes
 * it): the page changed, and in sw.js the build's identity and the page's SHA-256 (the service
 * worker stores only files with the digests it was built with). The wasm, JS, CSS and food
 * table are the same files. Resolves to the folder.
 */
export async function nextBuild() {
  const second = await mkdtemp(join(tmpdir(), 'magnesium-build-'));
  await cp(DIST_DIR, second, { recursive: true });
  const index = await readFile(join(second, 'index.html'), 'utf8');
  const nextIndex = index.replace('Magnesium Planner</h1>', 'Magnesium Planner</h1><!-- next -->');
  await writeFile(join(second, 'index.html'), nextIndex);
  const hex = (text) => createHash('sha256').update(text).digest('hex');
  const sw = await readFile(join(second, 'sw.js'), 'utf8');
  assert.ok(sw.includes(hex(index)), "sw.js holds the page's SHA-256");
  assert.match(sw, /const BUILD_ID\s*=\s*"[0-9a-f]+"/, 'sw.js names its build');
  // sw.js is minified, so the spacing around "=" is whatever terser wrote.
  const nextSw = sw
    .replace(/const BUILD_ID\s*=\s*"([0-9a-f]+)"/, 'const BUILD_ID="$1-next"')
    .replace(hex(index), hex(nextIndex));
  assert.ok(nextSw.includes('-next"') && !nextSw.includes(hex(index)), 'the build id and the page digest changed');
  await writeFile(join(second, 'sw.js'), nextSw);
  return second;
}
