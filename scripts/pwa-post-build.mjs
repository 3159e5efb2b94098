// Trunk post-build hook (see Trunk.toml). For release builds it
//   -. shortens the names by which the JS glue and the wasm find each other
//      (scripts/wasm-names.mjs: about 6 KB gzip of hashes and repeated module names) and writes
//      the wasm's new sha384 into index.html's `integrity`;
//      minifies wasm-bindgen's JS glue with terser (Trunk's own minifier gives up on its
//      `export default` and leaves it whole: 50.8 KB, 8.9 KB gzip, against 22.8 and 6.9) and
//      writes the new file's sha384 into index.html's `integrity`, so the check still holds;
//   0. names the food table for its content (foods.tsv becomes foods-<hash>.tsv, like Trunk's
//      names for the wasm, JS and CSS) and writes that name into index.html's
//      <meta name="food-table">, where the app finds it, so any cache may keep the table for good
//      and a new table is never mistaken for the old one;
//   1. writes sw.js from pwa/sw.js with the build's identity and the real (hashed) names of every
//      file the build produced, each with its SHA-256, so the service worker stores exactly this
//      build and can take the files from whichever cache already holds them;
//   2. adds a Content-Security-Policy to index.html that allows only this origin, plus the
//      sha256 of each inline script (Trunk's one that starts the wasm; so no 'unsafe-inline'
//      is needed) and 'wasm-unsafe-eval', which WebAssembly needs.
// Development builds are left alone: they register no service worker and keep Trunk's
// auto-reload script working.

import { createHash } from 'node:crypto';
import { access, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { minify } from 'terser';
import { shortenWasmNames } from './wasm-names.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is unset)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

const sha256 = (data) => createHash('sha256').update(data);
const exists = (path) => access(path).then(() => true, () => false);

const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');

// Writes `body` as `name` and its sha384 into the `integrity` of each <link> naming it. Trunk's
// minifier may drop attribute quotes and reorder attributes, so each element that names the
// file is found whole and its integrity replaced.
async function rewrite(name, body) {
  await writeFile(join(staging, name), body);
  const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  const naming = new RegExp(`<link\\b[^>]*${name.replace(/[.]/g, '\\.')}[^>]*>`, 'g');
  let found = 0;
  index = index.replace(naming, (link) => {
    found += 1;
    return link.replace(/\bintegrity=["']?sha384-[A-Za-z0-9+/=]+["']?/, `integrity=${integrity}`);
  });
  if (found === 0) throw new Error(`index.html has no <link> naming ${name}`);
}

// -. The names between the glue and the wasm shortened, then the glue minified as an ES module
// (its exports keep their names).
for (const name of await readdir(staging)) {
  if (!/^magnesium-planner-[0-9a-f]+\.js$/.test(name)) continue;
  const wasmName = name.replace(/\.js$/, '_bg.wasm');
  const short = shortenWasmNames(await readFile(join(staging, wasmName)), await readFile(join(staging, name), 'utf8'));
  await rewrite(wasmName, short.wasm);
  const result = await minify(short.glue, { module: true, compress: true, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`terser gave no code for ${name}`);
  await rewrite(name, result.code);
  console.log(`${wasmName}: ${short.imports} imports and ${short.exports} exports renamed`);
}

// 0. The food table's name. (The embedded-table variant of scripts/bench.sh ships no table.)
// Trunk's minifier may drop attribute quotes and reorder attributes, so the element is found by
// its name in any form.
let tableName = null;
if (await exists(join(staging, 'foods.tsv'))) {
  const table = await readFile(join(staging, 'foods.tsv'));
  tableName = `foods-${sha256(table).digest('hex').slice(0, 16)}.tsv`;
  await rename(join(staging, 'foods.tsv'), join(staging, tableName));
  const tableMeta = /<meta\b[^>]*\bname=["']?food-table\b[^>]*>/;
  const meta = tableMeta.exec(index)?.[0];
  if (!meta || !/\bcontent=["']?foods\.tsv\b/.test(meta)) {
    throw new Error('index.html has no <meta name="food-table" content="foods.tsv">');
  }
  index = index.replace(meta, meta.replace(/\bfoods\.tsv\b/, tableName));
}

// 2. The CSP, before the build id is taken, so the id covers the final index.html.
const inlineScripts = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const scriptHashes = inlineScripts.map((body) => `'sha256-${sha256(body).digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
if (!index.includes('http-equiv=Content-Security-Policy')) {
  index = index.replace(/<meta charset=[^>]*>/i, (charset) => `${charset}<meta http-equiv=Content-Security-Policy content="${policy}">`);
}
await writeFile(indexPath, index);

// 1. The service worker.
const files = (await filesUnder(staging))
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((path) => path !== 'sw.js')
  .sort();
const identity = createHash('sha256');
const digests = new Map();
for (const file of files) {
  const body = await readFile(join(staging, file));
  identity.update(file).update(body);
  digests.set(file, sha256(body).digest('hex'));
}
const buildId = identity.digest('hex').slice(0, 16);
// What the page loads to start and to search: stored when the service worker installs. The
// page itself is stored under the folder's address (`./`), which is how it was fetched.
const startsTheApp = (file) => /\.(html|js|wasm|css|tsv)$/.test(file) && !file.includes('/');
const entry = (file) => [file === 'index.html' ? './' : `./${file}`, digests.get(file)];
const precache = JSON.stringify(files.filter(startsTheApp).map(entry));
const onDemand = JSON.stringify(files.filter((file) => !startsTheApp(file)).map(entry));
// The template's comments are for its readers, not for every first visit: whole-line comments
// and doc blocks are left out of the built file (about a kilobyte of gzip), and the rest is
// minified by terser like the JS glue.
const template = (await readFile(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'pwa', 'sw.js'), 'utf8'))
  .replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, '')
  .replace(/^\s*\/\/.*\n/gm, '')
  .replace(/\n{2,}/g, '\n');
const worker = await minify(
  template
    .replace("'__BUILD_ID__'", JSON.stringify(buildId))
    .replace('__PRECACHE__', precache)
    .replace('__ON_DEMAND__', onDemand),
  { compress: true, mangle: true },
);
if (typeof worker.code !== 'string') throw new Error('terser gave no code for sw.js');
await writeFile(join(staging, 'sw.js'), worker.code);
console.log(
  `sw.js: build ${buildId}, ${files.filter(startsTheApp).length} files stored on install, ` +
    `${files.length - files.filter(startsTheApp).length} when first asked for; ${tableName ?? 'no food table'}; ` +
    `CSP with ${scriptHashes.length} script hash(es)`,
);
