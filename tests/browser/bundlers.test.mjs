// The npm package as an app developer meets it: `npm pack ./pkg`, installed
// from the tarball into a fresh project whose code imports `newslens` and
// `newslens/annotate` by name, bundled by Vite (`vite build`) and by webpack 5,
// then loaded in Chromium under a strict Content-Security-Policy. The app
// also starts its own module worker that imports the package. The same app
// with the package's files named by path runs as a plain module-script page.
// Needs pkg/ (bash scripts/build-package.sh), Chromium and the npm
// dev-dependencies (npm ci: playwright-core, vite, webpack): node --test tests/browser/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '../../scripts/serve.mjs';
import { ROOT, launch, newPage } from './harness.mjs';
import { installPackage } from '../install-package.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'";
const STORY = 'GENEVA (Reuters) - French President Emmanuel Macron met Angela Merkel in Berlin on Monday. '
  + '"We agree on the essentials," Merkel told reporters.';

// The app's code, the same for both bundlers: the package's own entry points
// by name, with the wasm found where the package keeps it (`init()` with no
// argument), and the embedding layer's worker.
const MAIN = `
import init, { extract } from 'newslens';
import { annotate } from 'newslens/annotate';

(async () => {
  try {
    await init();
    const a = extract(${JSON.stringify(STORY)});
    const story = document.getElementById('story');
    const handle = await annotate(story);
    // The app's own module worker, importing the package too.
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    const fromWorker = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error('worker: ' + (e.message || 'failed')));
      worker.postMessage(${JSON.stringify(STORY)});
    });
    window.__result = {
      people: a.entities.filter((e) => e.label === 'PERSON').map((e) => e.name),
      quotes: a.quotes.map((q) => q.speaker?.text ?? null),
      marks: handle.marks.length,
      mode: handle.timings.mode,
      fromWorker,
    };
  } catch (err) {
    window.__result = { error: String(err?.stack ?? err) };
  }
})();
`;

// The app's worker, as the package README shows it.
const WORKER = `
import init, { extract } from 'newslens';
const ready = init();
onmessage = async (e) => {
  await ready;
  postMessage(extract(e.data).entities.map((x) => x.name));
};
`;

const page = (script) => `<!doctype html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="icon" href="data:,">
<title>consumer</title>
</head><body>
<article id="story"><p>${STORY.replace(/"/g, '&quot;')}</p></article>
${script}
</body></html>
`;

let project;
let browser;
let close;

before(async () => {
  const problems = [];
  if (!existsSync(join(ROOT, 'pkg/package.json'))) problems.push('pkg/ is missing: run `bash scripts/build-package.sh` (after scripts/build-wasm.sh).');
  for (const dep of ['vite/bin/vite.js', 'webpack/package.json']) {
    if (!existsSync(join(ROOT, 'node_modules', dep))) problems.push(`node_modules/${dep} is missing: run \`npm ci\` (scripts/setup.sh does).`);
  }
  ({ browser, close } = await launch('bundler tests', problems));

  // A fresh project with the package installed from its tarball, as `npm install newslens` would.
  project = installPackage();
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/main.js'), MAIN);
  writeFileSync(join(project, 'src/worker.js'), WORKER);
});

after(async () => {
  await close?.();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Serves `dir`, opens it in a fresh context and returns what the app reported, with errors and requests. */
async function run(t, dir, path = '/') {
  const server = await serve({ root: dir, port: 0, host: '127.0.0.1' });
  // Connections the browser still holds must not keep close() waiting.
  t.after(() => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { page: tab, errors, requests } = await newPage(browser, t);
  await tab.goto(`${origin}${path}`);
  await tab.waitForFunction(() => window.__result, null, { timeout: 30_000 });
  const { result, csp } = await tab.evaluate(() => ({ result: window.__result, csp: window.__cspViolations }));
  return { origin, result, csp, errors, requests };
}

function check({ origin, result, csp, errors, requests }) {
  assert.equal(result.error, undefined, 'the app ran');
  assert.ok(result.people.includes('Emmanuel Macron') && result.people.includes('Angela Merkel'), `people: ${result.people}`);
  assert.deepEqual(result.quotes, ['Merkel'], 'the quote and its speaker');
  assert.ok(result.marks >= 4, `annotate() marked ${result.marks} mentions`);
  assert.equal(result.mode, 'worker', 'the bundled worker ran the analysis');
  assert.ok(result.fromWorker.includes('Angela Merkel'), `the app's own worker analysed the text: ${result.fromWorker}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, []);
  assert.ok(requests.some((u) => u.startsWith(`${origin}/`) && u.endsWith('.wasm')), 'the wasm came from the bundle');
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')), [],
    'nothing fetched from another origin');
}

test('Vite 8: an app importing the installed package builds and runs', { timeout: 180_000 }, async (t) => {
  writeFileSync(join(project, 'index.html'), page('<script type="module" src="/src/main.js"></script>'));
  const out = join(project, 'dist-vite');
  const { stdout } = await promisify(execFile)(process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir'],
    { cwd: project, timeout: 120_000 });
  assert.match(stdout, /built in/);
  const assets = readdirSync(join(out, 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the wasm is emitted as an asset (${assets})`);
  check(await run(t, out));
});

test('webpack 5: an app importing the installed package builds without warnings and runs', { timeout: 180_000 }, async (t) => {
  const { default: webpack } = await import('webpack');
  const out = join(project, 'dist-webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: project,
      entry: './src/main.js',
      target: 'web',
      output: { path: out, clean: true },
      // The wasm is large by design (the models are in it).
      performance: { hints: false },
    }, (err, s) => (err ? reject(err) : resolve(s)));
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true, assets: true });
  assert.deepEqual(info.errors, [], 'no build errors');
  assert.deepEqual(info.warnings.map((w) => w.message), [], 'no build warnings');
  assert.ok(info.assets.some((a) => a.name.endsWith('.wasm')), 'the wasm is emitted as an asset');
  writeFileSync(join(out, 'index.html'), page('<script src="./main.js"></script>'));
  check(await run(t, out));
});

test('no bundler: a plain <script type="module"> page loads the installed package from node_modules', { timeout: 180_000 }, async (t) => {
  const dir = join(project, 'plain');
  mkdirSync(dir, { recursive: true });
  // The app's code with the package's files named by path, as its README shows for a plain page.
  const main = MAIN
    .replace("from 'newslens/annotate'", "from '../node_modules/newslens/annotate.js'")
    .replace("from 'newslens'", "from '../node_modules/newslens/newslens.js'");
  writeFileSync(join(dir, 'main.js'), main);
  writeFileSync(join(dir, 'worker.js'), WORKER.replace("from 'newslens'", "from '../node_modules/newslens/newslens.js'"));
  writeFileSync(join(dir, 'index.html'), page('<script type="module" src="./main.js"></script>'));
  // Served from the project root, so the page is /plain/ and the package /node_modules/newslens/.
  const r = await run(t, project, '/plain/');
  check(r);
  assert.ok(r.requests.some((u) => u.endsWith('/node_modules/newslens/newslens_bg.wasm')), 'the wasm next to the module');
});
