// Trunk post-build hook (see Trunk.toml). For release builds it
//   1. writes sw.js from pwa/sw.js with the build's identity and the real (hashed) names of every
//      file the build produced, so the service worker precaches exactly this build;
//   2. adds a Content-Security-Policy to index.html that allows only this origin, plus the
//      sha256 of the one inline module script Trunk writes to start the wasm (so no
//      'unsafe-inline' is needed) and 'wasm-unsafe-eval', which WebAssembly needs.
// Development builds are left alone: they register no service worker and keep Trunk's
// auto-reload script working.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

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

// 2. The CSP, before the build id is taken, so the id covers the final index.html.
const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');
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
  await writeFile(indexPath, index);
}

// 1. The service worker.
const files = (await filesUnder(staging))
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((path) => path !== 'sw.js')
  .sort();
const identity = createHash('sha256');
for (const file of files) identity.update(file).update(await readFile(join(staging, file)));
const buildId = identity.digest('hex').slice(0, 16);
const template = await readFile(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'pwa', 'sw.js'), 'utf8');
const precache = JSON.stringify(files.map((file) => `./${file}`));
await writeFile(
  join(staging, 'sw.js'),
  template.replace("'__BUILD_ID__'", JSON.stringify(buildId)).replace('__PRECACHE__', precache),
);
console.log(`sw.js: build ${buildId}, ${files.length} files precached; CSP with ${scriptHashes.length} script hash(es)`);
