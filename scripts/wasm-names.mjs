// Shortens the names by which wasm-bindgen's JS glue and the wasm find each other, for release
// builds (scripts/pwa-post-build.mjs calls it before terser minifies the glue). wasm-bindgen
// names each of the ~170 functions the wasm imports from the glue like
// `__wbg_addEventListener_5e57fb3f2a6ab7d3` and some exports like
// `wasm_bindgen__convert__closures_____invoke__h434c692973db2e4c`, and every import repeats
// the module name `./magnesium-planner_bg.js`; each name is written once in the wasm and once in
// the glue, and their 16 hex digits of hash cannot be compressed. Renamed to `a`, `b`, ... in both
// files they cost about 6 KB less gzip (BENCHMARKS.md, "Issue 14: the last kilobytes").
//
// Only the wasm's import and export sections change (the code refers to imports and exports by
// index, never by name), plus the glue's text. Every name renamed must occur in the glue, and
// the exports' new names must not occur there before, so a wasm-bindgen release that writes its
// glue differently fails the build instead of producing a page that cannot start.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    if (at >= bytes.length) throw new Error('wasm: LEB128 number runs past the end');
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

const name = (text) => {
  const utf8 = encoder.encode(text);
  return [...leb(utf8.length), ...utf8];
};

/** Skips an import's description (after its kind byte); returns where the next import starts. */
function skipImportDescription(bytes, kind, at) {
  const skipLimits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: // function: type index
      return readLeb(bytes, at)[1];
    case 1: // table: reference type, limits
      return skipLimits(at + 1);
    case 2: // memory: limits
      return skipLimits(at);
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type index
      return readLeb(bytes, at + 1)[1];
    default:
      throw new Error(`wasm: unknown import kind ${kind}`);
  }
}

/** `a`, `b`, ..., `z`, `A`, ..., `Z`, `ba`, ...: the shortest identifiers first. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let text = '';
  do {
    text = letters[index % letters.length] + text;
    index = Math.floor(index / letters.length);
  } while (index);
  return text;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Renames the glue's imports (to `a`, `b`, ...: keys of the glue's import object), the exports
 * only the glue uses (wasm-bindgen's own, to `_w0`, `_w1`, ...: they also name functions of the
 * glue) and the import module (to `w`), in `wasm` (bytes) and `glue` (text) alike.
 * Returns `{ wasm, glue, imports, exports }` (the new files and how many names changed).
 */
export function shortenWasmNames(wasm, glue) {
  if (decoder.decode(wasm.subarray(0, 4)) !== '\0asm') throw new Error('wasm: not a wasm module');
  const renamed = new Map();
  const modules = new Map();
  let imports = 0;
  let exports = 0;
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    let body = wasm.subarray(start, end);
    if (id === 2) {
      let [count, p] = readLeb(body, 0);
      const out = [...leb(count)];
      for (let i = 0; i < count; i++) {
        let module;
        let field;
        [module, p] = readName(body, p);
        [field, p] = readName(body, p);
        const kind = body[p];
        const description = p;
        p = skipImportDescription(body, kind, p + 1);
        if (!modules.has(module)) modules.set(module, modules.size === 0 ? 'w' : `w${modules.size}`);
        // The import object holds wasm-bindgen's names alone, so its new keys cannot meet an
        // old one there (elsewhere in the glue a key `a` names nothing).
        if (!/^__wbg_|^__wbindgen_/.test(field)) throw new Error(`wasm: import ${field} is not wasm-bindgen's`);
        if (!renamed.has(field)) {
          renamed.set(field, shortName(imports));
          imports += 1;
        }
        out.push(...name(modules.get(module)), ...name(renamed.get(field)), ...body.subarray(description, p));
      }
      if (p !== body.length) throw new Error('wasm: import section longer than its imports');
      body = Uint8Array.from(out);
    } else if (id === 7) {
      let [count, p] = readLeb(body, 0);
      const out = [...leb(count)];
      for (let i = 0; i < count; i++) {
        let field;
        [field, p] = readName(body, p);
        const description = p;
        p = readLeb(body, p + 1)[1];
        // wasm-bindgen's own exports, which only the glue calls; `main`, `memory` and the
        // like keep their names.
        if (/^__wbindgen_|^__externref_|^wasm_bindgen__.*_h[0-9a-f]{16}$/.test(field)) {
          renamed.set(field, `_w${exports}`);
          exports += 1;
        }
        out.push(...name(renamed.get(field) ?? field), ...body.subarray(description, p));
      }
      if (p !== body.length) throw new Error('wasm: export section longer than its exports');
      body = Uint8Array.from(out);
    }
    parts.push(Uint8Array.from([id, ...leb(body.length)]), body);
    at = end;
  }

  for (const [from, to] of renamed) {
    // The exports' new names also name functions of the glue, so they must be new to it.
    if (to.startsWith('_w') && new RegExp(`\\b${escapeRegExp(to)}\\b`).test(glue)) {
      throw new Error(`glue already uses the name ${to}`);
    }
    const pattern = new RegExp(`\\b${escapeRegExp(from)}\\b`, 'g');
    let found = 0;
    glue = glue.replace(pattern, () => {
      found += 1;
      return to;
    });
    if (found === 0) throw new Error(`glue never names the wasm's ${from}`);
  }
  for (const [from, to] of modules) {
    const literal = JSON.stringify(from);
    if (!glue.includes(literal)) throw new Error(`glue never names the import module ${literal}`);
    glue = glue.split(literal).join(JSON.stringify(to));
  }
  return { wasm: Buffer.concat(parts), glue, imports, exports };
}
