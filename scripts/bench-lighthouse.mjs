// Lighthouse 12 (mobile preset, its default) against the release build served on 127.0.0.1,
// in Debian's Chromium: prints the median of `runs` runs of each category score, LCP and total
// blocking time. Usage: node scripts/bench-lighthouse.mjs [dist-dir] [runs]. Asserts nothing.

import { execFile } from 'node:child_process';
import { get } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serveDirectory } from '../tests/e2e/support.mjs';

const run = promisify(execFile);
const [dist = 'dist', runsText = '5'] = process.argv.slice(2);
const runs = Number(runsText);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveDirectory(resolve(dist));
// The test server compresses each file on its first request, which takes seconds for the wasm
// and the food table; asked once here so that no run measures it.
for (const entry of await readdir(resolve(dist), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath, entry.name).slice(resolve(dist).length + 1);
  await new Promise((done, fail) =>
    get(new URL(path, server.url), { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) =>
      response.resume().on('end', done),
    ).on('error', fail),
  );
}
const work = await mkdtemp(join(tmpdir(), 'lighthouse-'));
const results = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const out = join(work, `run-${i}.json`);
    await run('node_modules/.bin/lighthouse', [
      server.url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } });
    results.push(JSON.parse(await readFile(out, 'utf8')));
  }
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
const score = (r, c) => Math.round(r.categories[c].score * 100);
const audit = (r, a) => r.audits[a].numericValue;
const line = [
  ['performance', (r) => score(r, 'performance')],
  ['accessibility', (r) => score(r, 'accessibility')],
  ['best_practices', (r) => score(r, 'best-practices')],
  ['seo', (r) => score(r, 'seo')],
  ['fcp_ms', (r) => Math.round(audit(r, 'first-contentful-paint'))],
  ['lcp_ms', (r) => Math.round(audit(r, 'largest-contentful-paint'))],
  ['tbt_ms', (r) => Math.round(audit(r, 'total-blocking-time'))],
].map(([name, f]) => {
  const values = results.map(f);
  return `${name}=${median(values)} (${Math.min(...values)}–${Math.max(...values)})`;
});
console.log(`lighthouse runs=${runs} ${line.join(' ')}`);
