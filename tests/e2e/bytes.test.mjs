// Bytes over the wire. A first visit downloads each file once: what crosses the wire, for the
// page and its service worker together, stays within 10 % of the files' own sizes as the server
// sends them (compressed), and no file comes from the network twice. An update downloads only
// the files that changed. Counted by a proxy between the browser and the test server, so no
// request goes uncounted, whoever makes it; the proxy also slows the line to Lighthouse's slow
// 4G, so the service worker installs while the food table is still arriving, as on a phone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { get } from 'node:http';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST_DIR, nextBuild, servedApp } from './support.mjs';

const app = servedApp();

/** Lighthouse's slow 4G: 1.6 Mbps down, 150 ms round trip. */
const BYTES_PER_MS = (1.6 * 1024 * 1024) / 8 / 1000;
const ONE_WAY_LATENCY_MS = 75;
/** How long the line must stay quiet before the visit counts as over. */
const QUIET_MS = 1500;

/**
 * A TCP proxy to `target` (host:port) that counts what the server sends, per request path, and
 * delivers it no faster than slow 4G, all connections sharing the one line. Resolves to
 * { url, received, lastByteAt, close }: `received` is a list of { path, bytes }, one per
 * request, in the order made.
 */
async function countingProxy(targetPort) {
  const received = [];
  let lineFreeAt = 0;
  let lastByteAt = Date.now();
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    // HTTP/1.1 without pipelining: a response belongs to the latest request on its socket.
    const onThisSocket = [];
    client.on('data', (data) => {
      for (const [, path] of data.toString('latin1').matchAll(/^(?:GET|HEAD) (\S+) HTTP\/1\.1\r$/gm)) {
        const entry = { path, bytes: 0 };
        received.push(entry);
        onThisSocket.push(entry);
      }
      upstream.write(data);
    });
    upstream.on('data', (data) => {
      const entry = onThisSocket.at(-1);
      if (entry) entry.bytes += data.length;
      const now = Date.now();
      lineFreeAt = Math.max(now, lineFreeAt) + data.length / BYTES_PER_MS;
      setTimeout(() => {
        lastByteAt = Date.now();
        if (!client.destroyed) client.write(data);
      }, lineFreeAt - now + ONE_WAY_LATENCY_MS);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', () => setTimeout(end, lineFreeAt - Date.now() + ONE_WAY_LATENCY_MS + 10));
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    received,
    lastByteAt: () => lastByteAt,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => server.close(done));
    },
  };
}

/** The files of the build, as paths of the server (`/icons/icon-192.png`). */
async function buildFiles(dir = DIST_DIR, prefix = '/') {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(...(await buildFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else files.push(`${prefix}${entry.name}`);
  }
  return files;
}

/** The bytes of the body the server sends for `path` to a browser that accepts brotli. */
function servedBodyBytes(baseUrl, path) {
  return new Promise((done, fail) => {
    get(new URL(`.${path}`, baseUrl), { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => done(bytes));
    }).on('error', fail);
  });
}

/**
 * Each file of the build with the bytes the test server sends for it, compressed as a browser
 * gets it. Asking once also has the server compress each file before the visit (it does so on
 * a file's first request, which takes seconds for the wasm and the table).
 */
async function servedSizes(baseUrl) {
  const sizes = new Map();
  for (const path of await buildFiles()) sizes.set(path, await servedBodyBytes(baseUrl, path));
  // The page is fetched as the folder's address.
  sizes.set('/', sizes.get('/index.html'));
  return sizes;
}

describe('bytes over the wire', () => {
  test('transfers each file once, page and service worker together', async () => {
    const sizes = await servedSizes(app.server.url);
    const proxy = await countingProxy(new URL(app.server.url).port);
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(proxy.url);
      await page.getByTestId('food-search').waitFor({ timeout: 30000 });
      await page.evaluate(() => navigator.serviceWorker.ready);
      // Installed and in charge: the service worker has stored the build (or failed to).
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
      while (Date.now() - proxy.lastByteAt() < QUIET_MS) await page.waitForTimeout(200);
      const cached = await page.evaluate(async () => {
        const cache = await caches.open((await caches.keys())[0]);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });

      const paths = proxy.received.map((r) => r.path.split('?')[0]);
      const breakdown = proxy.received.map((r) => `${r.path}: ${r.bytes} bytes (served body ${sizes.get(r.path.split('?')[0])})`).join('; ');
      const twice = paths.filter((path, i) => paths.indexOf(path) !== i);
      assert.deepEqual(twice, [], `fetched from the network more than once: ${breakdown}`);
      assert.deepEqual(paths.filter((path) => !sizes.has(path)), [], 'every request is for a file of the build');
      // What the app needs to start and work offline: the page, its JS and CSS, the wasm, the
      // table, and sw.js; all of them but sw.js are in the service worker's cache.
      const needed = [...sizes.keys()].filter((p) => /^\/[^/]+\.(js|wasm|css|tsv)$/.test(p)).concat('/');
      assert.deepEqual(needed.filter((p) => !paths.includes(p)), [], `every file the app needs came: ${breakdown}`);
      assert.deepEqual(needed.filter((p) => p !== '/sw.js' && !cached.includes(p)), [], `all stored: ${cached}`);

      const own = paths.reduce((sum, path) => sum + sizes.get(path), 0);
      const transferred = proxy.received.reduce((sum, r) => sum + r.bytes, 0);
      assert.ok(transferred >= own, `less arrived than the files hold: ${transferred} < ${own}; ${breakdown}`);
      assert.ok(transferred <= own * 1.1, `over 10 % more than the files' own ${own} bytes: ${transferred}; ${breakdown}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await proxy.close();
    }
  });

  test('an update downloads only the files that changed', async () => {
    // The next build: a new page, so a new sw.js (its identity and the page's SHA-256); the
    // wasm, JS, CSS and food table are the same files.
    const second = await nextBuild();
    const proxy = await countingProxy(new URL(app.server.url).port);
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(proxy.url);
      await page.getByTestId('food-search').waitFor({ timeout: 30000 });
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
      while (Date.now() - proxy.lastByteAt() < QUIET_MS) await page.waitForTimeout(200);
      const firstVisit = proxy.received.length;

      app.server.setRoot(second);
      const installed = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration.update();
        const worker = registration.installing ?? registration.waiting;
        if (!worker) return false;
        if (worker.state === 'installing') {
          await new Promise((done) => worker.addEventListener('statechange', () => worker.state !== 'installing' && done()));
        }
        return worker.state === 'installed';
      });
      assert.ok(installed, 'the next build installed');
      const paths = proxy.received.slice(firstVisit).map((r) => r.path);
      assert.deepEqual(paths.sort(), ['/', '/sw.js'], 'only the page and sw.js came again');
    } finally {
      app.server.setRoot(DIST_DIR);
      await context.close();
      await proxy.close();
      await rm(second, { recursive: true, force: true });
    }
  });
});
