// Measures a release build's download sizes (raw, gzip -9, brotli q11) and prints a Markdown
// table: `node scripts/sizes.mjs [dist-dir]`. With `--check` it also holds the size budgets
// (the test command runs it so): it prints one line per budget and exits 1 if one is broken.
// Sizes are deterministic for a given toolchain, unlike timings, so a test may hold them.

import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Budgets in KB (1,000 bytes) of gzip. The first visit's is issue 7's 450, which issues 13 and 14
 * ask for again (it held 472 for a round while issue 13's water, own foods, usual meals and
 * products were paid for by cuts elsewhere: BENCHMARKS.md, "Size budgets"); issue 15 asks for
 * 350. Lower it, never raise it, without a reason written there.
 */
const FIRST_VISIT_BUDGET_KB = 450;
const APP_CODE_BUDGET_KB = 200;
/**
 * The app code is over its 200 KB budget and BENCHMARKS.md ("Size budgets") says what meeting
 * it would cost and what the bytes above 256 KB bought (medicines, the phone layout and quick
 * add, the safety work of issue 12, issue 14's days, issue 13's water, own foods, usual meals
 * and products). This ceiling, a little above today's size, stops it growing unnoticed: raise
 * it only with a reason written there.
 */
const APP_CODE_CEILING_KB = 311;

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const KIND = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML', '.tsv': 'food data' };

const rows = [];
for (const name of (await readdir(dist)).sort()) {
  const kind = KIND[extname(name)];
  if (!kind) continue;
  const body = await readFile(join(dist, name));
  rows.push({
    kind,
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  });
}
const sum = (selected) =>
  selected.reduce(
    (total, r) => ({ raw: total.raw + r.raw, gzip: total.gzip + r.gzip, brotli: total.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
// The service worker is the app's own code too, but it is not what the page runs to start.
const appCode = sum(rows.filter((r) => ['wasm', 'CSS'].includes(r.kind) || (r.kind === 'JS' && r.name !== 'sw.js')));
const firstVisit = sum(rows);
const kb = (bytes) => (bytes / 1000).toFixed(1);

console.log('| file | kind | raw KB | gzip KB | brotli KB |');
console.log('|---|---|---:|---:|---:|');
for (const r of rows) {
  const file = r.name.replace(/-[0-9a-f]{8,}/, '-&lt;hash&gt;');
  console.log(`| ${file} | ${r.kind} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
}
console.log(`| **app code: wasm, JS, CSS** | | ${kb(appCode.raw)} | ${kb(appCode.gzip)} | ${kb(appCode.brotli)} |`);
console.log(`| **first visit, all of the above** | | ${kb(firstVisit.raw)} | ${kb(firstVisit.gzip)} | ${kb(firstVisit.brotli)} |`);

if (check) {
  const firstVisitKb = firstVisit.gzip / 1000;
  const appCodeKb = appCode.gzip / 1000;
  const broken = [];
  console.log(
    `size budget: first visit ${kb(firstVisit.gzip)} KB gzip, budget ${FIRST_VISIT_BUDGET_KB} KB: ` +
      (firstVisitKb <= FIRST_VISIT_BUDGET_KB ? 'within' : 'OVER'),
  );
  if (firstVisitKb > FIRST_VISIT_BUDGET_KB) broken.push('first visit');
  if (appCodeKb <= APP_CODE_BUDGET_KB) {
    console.log(`size budget: app code ${kb(appCode.gzip)} KB gzip, budget ${APP_CODE_BUDGET_KB} KB: within`);
  } else {
    console.log(
      `size budget: app code ${kb(appCode.gzip)} KB gzip, over the ${APP_CODE_BUDGET_KB} KB budget ` +
        `(why: BENCHMARKS.md, "Size budgets"); held under its ${APP_CODE_CEILING_KB} KB ceiling: ` +
        (appCodeKb <= APP_CODE_CEILING_KB ? 'within' : 'OVER'),
    );
    if (appCodeKb > APP_CODE_CEILING_KB) broken.push('app code');
  }
  if (broken.length > 0) {
    console.error(`size budgets broken: ${broken.join(', ')}`);
    process.exit(1);
  }
}
