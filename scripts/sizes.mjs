// Measures a release build's download sizes (raw, gzip -9, brotli q11) and prints a Markdown
// table: `node scripts/sizes.mjs [dist-dir]`. Used for BENCHMARKS.md.

import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
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
const total = rows.reduce(
  (sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const kb = (bytes) => (bytes / 1000).toFixed(1);
console.log('| file | kind | raw KB | gzip KB | brotli KB |');
console.log('|---|---|---:|---:|---:|');
for (const r of rows) {
  const file = r.name.replace(/-[0-9a-f]{8,}/, '-<hash>');
  console.log(`| ${file} | ${r.kind} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
}
console.log(`| **first visit, all of the above** | | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);
