// Assembles the browser extension from extension/ (manifest, service worker,
// content script, lens.js), the embedding layer www/lib/ as it is, and the
// wasm build in www/pkg/ (run by scripts/build-extension.sh, which builds the
// wasm first when it is missing or older than the sources):
//
//   target/extension/            the unpacked extension (manifest.json at its root)
//   target/newslens-extension.zip  the same files, zipped reproducibly for a store upload
//   target/extension-test/       the same plus host access to http://127.0.0.1/* only, for the tests
//
// The layout is the npm package's: lib/ imports the wasm-bindgen module as
// '../newslens.js', which is the generated module itself at the root. The
// icons are drawn here (a ring, the panel's logo) and written as PNGs with
// Node's zlib. The zip is byte-for-byte the same on every build of the same
// files: entries sorted by path, one fixed time stamp, no extra fields.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The one time stamp of every zip entry (the zip format's epoch is 1980). */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
/** Icon sizes a Chromium extension's manifest names. */
const ICON_SIZES = [16, 32, 48, 128];
/** What the test build may reach without a click: the tests' own server, nothing else. */
const TEST_HOSTS = ['http://127.0.0.1/*'];

/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The manifest from extension/manifest.json, with the crate's version (and `hosts` for the test build). */
export function manifest({ hosts = null } = {}) {
  const m = JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  m.version = /^version = "([0-9.]+)"/m.exec(cargo)[1];
  if (hosts) m.host_permissions = hosts;
  return `${JSON.stringify(m, null, 2)}\n`;
}

// ---------------------------------------------------------------- icons

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A `size`-pixel RGBA PNG of the logo: a blue ring on a light disc, edges smoothed by coverage. */
export function iconPng(size) {
  const rows = [];
  const c = size / 2;
  const outer = size * 0.46;
  const ring = Math.max(1.5, size * 0.13);
  const SUB = 4;   // subsamples per axis, for smooth edges
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);   // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      let inRing = 0;
      let inDisc = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const d = Math.hypot(x + (sx + 0.5) / SUB - c, y + (sy + 0.5) / SUB - c);
          if (d <= outer) inDisc++;
          if (d <= outer && d >= outer - ring) inRing++;
        }
      }
      const n = SUB * SUB;
      const r = inRing / Math.max(1, inDisc);
      const px = 1 + x * 4;
      row[px] = Math.round(0x35 * r + 0xff * (1 - r));
      row[px + 1] = Math.round(0x52 * r + 0xff * (1 - r));
      row[px + 2] = Math.round(0xc8 * r + 0xff * (1 - r));
      row[px + 3] = Math.round((255 * inDisc) / n);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);   // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- assembling

/** Writes the extension into `out` (emptied first); `hosts` for the test build. */
export function assemble(out, { hosts = null } = {}) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const pkg = join(ROOT, 'www/pkg');
  for (const file of listFiles(pkg)) {
    if (file === '.gitignore' || file.endsWith('.d.ts')) continue;
    mkdirSync(dirname(join(out, file)), { recursive: true });
    cpSync(join(pkg, file), join(out, file));
  }
  mkdirSync(join(out, 'lib'));
  for (const file of listFiles(join(ROOT, 'www/lib'))) {
    if (file.endsWith('.js')) cpSync(join(ROOT, 'www/lib', file), join(out, 'lib', file));
  }
  for (const file of listFiles(join(ROOT, 'extension'))) {
    if (file !== 'manifest.json') cpSync(join(ROOT, 'extension', file), join(out, file));
  }
  writeFileSync(join(out, 'manifest.json'), manifest({ hosts }));
  mkdirSync(join(out, 'icons'));
  for (const size of ICON_SIZES) writeFileSync(join(out, 'icons', `${size}.png`), iconPng(size));
}

/** The files of `dir` as a zip: sorted entries, one fixed time stamp, deflated at level 9. */
export function zipDir(dir) {
  const entries = {};
  for (const file of listFiles(dir)) entries[file] = [readFileSync(join(dir, file)), { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 9, mtime: ZIP_TIME });
}

/** Builds target/extension/, target/extension-test/ and the zip; resolves to { files, zipBytes }. */
export function build() {
  const target = join(ROOT, 'target');
  const shipped = join(target, 'extension');
  assemble(shipped);
  assemble(join(target, 'extension-test'), { hosts: TEST_HOSTS });
  const zip = zipDir(shipped);
  const zipFile = join(target, 'newslens-extension.zip');
  writeFileSync(zipFile, zip);
  return { files: listFiles(shipped).length, zipBytes: zip.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, zipBytes } = build();
  console.log(`target/extension/: ${files} files; target/newslens-extension.zip: ${zipBytes} bytes`);
}
