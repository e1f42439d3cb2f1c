// The function bodies of a wasm module, largest first, with their names
// when the module has a name section (the build before wasm-bindgen does:
// target/wasm32-unknown-unknown/release/newslens.wasm).
//   node bench/wasm-functions.mjs [WASM] [--top N]
// tests/js/wasm.test.mjs uses functionSizes() to keep function bodies small.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** [{ size, name }] for every function body of the module at `path`, in index order. */
export function functionSizes(path) {
  const b = readFileSync(path);
  let i = 8;
  const leb = () => {
    let r = 0;
    for (let s = 0; ; s += 7) {
      const x = b[i++];
      r += (x & 0x7f) * 2 ** s;
      if (x < 0x80) return r;
    }
  };
  const skipLimits = () => {
    const flags = b[i++];
    leb();
    if (flags & 1) leb();
  };
  let imported = 0;
  const sizes = [];
  const names = new Map();
  while (i < b.length) {
    const id = b[i++];
    const end = leb() + i;
    if (id === 2) {
      // Imported functions come first in the function index space.
      for (let n = leb(); n > 0; n--) {
        for (let name = 0; name < 2; name++) {
          const len = leb(); // the module's, then the field's name
          i += len;
        }
        const kind = b[i++];
        if (kind === 0) (leb(), imported++);
        else if (kind === 1) (i++, skipLimits());
        else if (kind === 2) skipLimits();
        else if (kind === 3) i += 2;
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const body = leb();
        sizes.push(body);
        i += body;
      }
    } else if (id === 0) {
      const len = leb();
      const section = b.subarray(i, i + len).toString();
      i += len;
      while (section === 'name' && i < end) {
        const sub = b[i++];
        const subEnd = leb() + i;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const l = leb();
            names.set(index, b.subarray(i, i + l).toString());
            i += l;
          }
        }
        i = subEnd;
      }
    }
    i = end;
  }
  return sizes.map((size, k) => ({ size, name: names.get(k + imported) ?? null }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a))
    ?? fileURLToPath(new URL('../target/wasm32-unknown-unknown/release/newslens.wasm', import.meta.url));
  const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 20;
  const all = functionSizes(path).sort((a, b) => b.size - a.size);
  for (const { size, name } of all.slice(0, top)) console.log(String(size).padStart(7), name ?? '(no name)');
}
