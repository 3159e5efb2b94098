// Measures the food table's download size, whole and block by block, as scripts/sizes.mjs
// measures a build (raw, gzip -9, brotli q11, Node's zlib): `node scripts/measure-food-table.mjs
// [table]` (default data/foods.tsv). Used to weigh layouts of the table (BENCHMARKS.md, "The
// food table's layout"): a block's figures are for that block compressed alone, so they add up
// to a little more than the whole file, whose compressor also finds repeats across blocks.

import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const path = process.argv[2] ?? 'data/foods.tsv';
const text = await readFile(path, 'utf8');

const sizes = (body) => {
  const bytes = Buffer.from(body, 'utf8');
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

// Blocks start at lines beginning with `@` (data/README.md): the header lines before the first
// count as one part. A value line may begin with `@` too, but no SR28 value does, and this is a
// measurement, not the reader.
const parts = [];
let current = { name: '(header)', lines: [] };
for (const line of text.split('\n').slice(0, -1)) {
  if (line.startsWith('@')) {
    parts.push(current);
    current = { name: line.split('\t')[0], lines: [] };
  }
  current.lines.push(line);
}
parts.push(current);

const row = (name, s) => console.log(`| ${name} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
console.log('| block | raw bytes | gzip -9 | brotli 11 |');
console.log('|---|---:|---:|---:|');
for (const part of parts) row(`\`${part.name}\``, sizes(part.lines.map((l) => `${l}\n`).join('')));
row('**whole file**', sizes(text));
