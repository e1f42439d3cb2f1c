// The npm package as a user installs it: `npm pack ./pkg`, install the
// tarball into a fresh directory, then use it from Node: an ES module, and
// CommonJS by require() and by import(). pkg/ is built by scripts/build-package.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PKG_DIR, installPackage } from '../install-package.mjs';

const pkgDir = PKG_DIR;
if (!existsSync(join(pkgDir, 'package.json'))) {
  throw new Error('pkg/ is missing: run `bash scripts/build-wasm.sh && bash scripts/build-package.sh` first');
}
const seedPath = fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url));

/** A fresh project directory with the package installed from its tarball (removed when `t` ends). */
function install(t) {
  const dir = installPackage('newslens-pkg-');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the package installs from its tarball and works in Node by import and by require', (t) => {
  const dir = install(t);

  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/newslens/package.json'), 'utf8'));
  // The licence texts and the embedded data's notices travel with the code.
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE', 'NOTICE.md', 'models/ner.md', 'models/quotes.md']) {
    assert.ok(existsSync(join(dir, 'node_modules/newslens', f)), `${f} is in the package`);
  }
  assert.equal(manifest.name, 'newslens');
  assert.ok(manifest.types && manifest.exports['.'].types, 'types are declared');
  for (const target of Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))) {
    assert.ok(existsSync(join(dir, 'node_modules/newslens', target)), `exported file ${target} is in the package`);
  }

  writeFileSync(join(dir, 'esm.mjs'), `
    import { readFileSync } from 'node:fs';
    import { extract } from 'newslens';
    const a = extract(readFileSync(${JSON.stringify(seedPath)}, 'utf8'));
    console.log(JSON.stringify({ title: a.article.title.text, source: a.article.source.text, mentions: a.mentions.length }));`);
  const esm = JSON.parse(execFileSync('node', ['esm.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.equal(esm.title, 'Putin begs North Korea for military assistance: US');
  assert.equal(esm.source, 'Anadolu Agency');
  assert.ok(esm.mentions > 20);

  // Code written for the browser (await init() first) runs unchanged in Node.
  writeFileSync(join(dir, 'shared.mjs'), `
    import init, { extract } from 'newslens';
    await init();
    console.log(extract('Angela Merkel visited Paris.').mentions.length);`);
  assert.ok(Number(execFileSync('node', ['shared.mjs'], { cwd: dir, encoding: 'utf8' }).trim()) >= 2, 'await init() then extract() in Node');

  // CommonJS: require() of the ES module entry (Node 20.19+ and 22.12+, where
  // process.features.require_module is true); older Node versions import().
  writeFileSync(join(dir, 'cjs.cjs'), `
    const { extract } = require('newslens');
    console.log(extract('Angela Merkel visited Paris.').mentions.length);`);
  writeFileSync(join(dir, 'cjs-import.cjs'), `
    import('newslens').then(({ extract }) => console.log(extract('Angela Merkel visited Paris.').mentions.length));`);
  for (const file of process.features.require_module ? ['cjs.cjs', 'cjs-import.cjs'] : ['cjs-import.cjs']) {
    const out = execFileSync('node', [file], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const n = Number(out.trim());
    assert.ok(n >= 2, `CommonJS consumer ${file} found ${n} mentions`);
  }
});

test('TypeScript resolves the types of every entry point of the installed package', (t) => {
  const dir = install(t);
  writeFileSync(join(dir, 'app.ts'), `
    import init, { extract, type Analysis } from 'newslens';
    import { annotate, type Annotation } from 'newslens/annotate';
    import 'newslens/news-lens';
    type IsAny<T> = 0 extends 1 & T ? true : false;
    const typed: [IsAny<Analysis>, IsAny<Annotation>] = [false, false];
    export async function run(el: HTMLElement): Promise<number> {
      await init();
      const a: Analysis = extract('Putin met Kim.');
      const h: Annotation = await annotate(el, { labels: 'PERSON' });
      const lens = document.createElement('news-lens');
      return a.mentions.length + h.marks.length + (lens.analysis?.entities.length ?? 0) + typed.length;
    }`);
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  // Fails (non-zero exit, the errors on stdout) if an import has no types or a type is wrong.
  execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext',
    '--moduleResolution', 'bundler', 'app.ts'], { cwd: dir, encoding: 'utf8' });
});

test('every export of the embedding layer is declared in its .d.ts', async () => {
  const layer = await import(new URL('annotate.js', new URL(`file://${pkgDir}`)).href);
  // annotate.js and annotate.d.ts at the root re-export the layer in lib/.
  const dts = readFileSync(join(pkgDir, 'lib/annotate.d.ts'), 'utf8');
  const declared = [...dts.matchAll(/^export (?:function|const|class) (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, Object.keys(layer).sort());
});
