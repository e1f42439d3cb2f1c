// Where start-up time goes, in headless Chromium (the browser the page test
// uses) and in Node: downloading the wasm, compiling, instantiating, the
// first call (V8 compiles each function on its first call, and the models'
// one-time set-up runs), then the seed article twice. Last, the page itself
// on a first and on repeat visits with one browser profile: a repeat visit
// takes the wasm from the HTTP cache (the server answers 304) and V8's
// cached machine code.
//   node bench/startup.mjs [--runs N] [--js-flags 'FLAGS|FLAGS...']
// --js-flags also runs the Chromium worker steps once per set of V8 flags
// ('|' between sets), to show what V8's compilation costs: for example
// '--no-wasm-lazy-compilation' (every function compiled by the baseline
// compiler before instantiation), '--liftoff-only' (no tier-up to the
// optimising compiler), '--no-liftoff --no-wasm-lazy-compilation' (every
// function optimised up front, so the later steps time the analyser alone).
// Needs the wasm package (`bash scripts/build-wasm.sh`) and Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { CHROMIUM, LAUNCH_ARGS } from '../tests/browser/harness.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const flagSets = args.includes('--js-flags') ? args[args.indexOf('--js-flags') + 1].split('|') : [];
const STEPS = ['download', 'compile', 'instantiate', 'firstCall', 'firstSeed', 'secondSeed'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = (name, results) => {
  const cells = STEPS.filter((s) => results[0][s] != null)
    .map((s) => `${s} ${median(results.map((r) => r[s])).toFixed(1)}`);
  console.log(`${name.padEnd(22)} ${cells.join('  ')}  (ms, median of ${results.length})`);
};

// Node: the same steps with the bytes read from disk, each run a fresh process.
{
  const probe = fileURLToPath(new URL('./startup/node-probe.mjs', import.meta.url));
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })));
  }
  report('Node (file read)', results);
  // V8's optimising compiler (TurboFan) works in background threads while the
  // first extracts run on Liftoff code; on two cores it competes with them.
  // Its time grows faster than a function's size, which is why the
  // per-document steps are kept out of line (see src/lib.rs).
  const trace = execFileSync(process.execPath, ['--trace-wasm-compilation-times', probe], { encoding: 'utf8' });
  const tf = [...trace.matchAll(/using TurboFan, took (\d+) ms.*?bodysize (\d+)/g)].map((m) => [+m[1], +m[2]]);
  const top = tf.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([ms, size]) => `${ms} ms (${size} B)`);
  console.log(`${''.padEnd(22)} TurboFan during one probe: ${tf.reduce((a, [ms]) => a + ms, 0)} ms over ` +
    `${tf.length} functions, the longest ${top.join(', ')}`);
  // What the baseline compiler (Liftoff) compiled as functions were first called.
  const lo = [...trace.matchAll(/using Liftoff, took \d+ ms.*?bodysize (\d+)/g)].map((m) => +m[1]);
  console.log(`${''.padEnd(22)} Liftoff during one probe: ${lo.length} functions, ` +
    `${(lo.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KB of function bodies`);
}

const server = await serve({ root: ROOT, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const probeChromium = async (name, flags, queries) => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...LAUNCH_ARGS, ...(flags ? [`--js-flags=${flags}`] : [])],
  });
  try {
    for (const [where, query] of queries) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage();
        await page.goto(`${origin}/bench/startup/index.html${query}`);
        await page.waitForFunction(() => window.probeResult, null, { timeout: 60_000 });
        const r = await page.evaluate(() => window.probeResult);
        await page.close();
        if (r.error) throw new Error(r.error);
        results.push(r);
      }
      report(where ? `${name} ${where}` : name, results);
    }
  } finally {
    await browser.close();
  }
};
try {
  await probeChromium('Chromium', '', [['main thread', ''], ['worker', '?worker']]);
  for (const flags of flagSets) await probeChromium(`Chromium worker, ${flags}:`, flags, [['', '?worker']]);
} finally {
  server.close();
}

// The page (www/, served as `bash scripts/run.sh` does), visited `runs` times
// with one persistent profile.
{
  const www = await serve({ port: 0 });
  const url = `http://127.0.0.1:${www.address().port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'newslens-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const visits = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.newslensTimings?.instantiateMs != null, null, { timeout: 60_000 });
      await page.click('#sample');
      await page.waitForFunction(() => window.newslensTimings?.firstExtractMs != null, null, { timeout: 60_000 });
      const t = await page.evaluate(() => window.newslensTimings);
      visits.push({
        fromPage: t.instantiateMs + t.warmupMs + t.firstExtractMs,
        inWorker: t.workerInstantiateMs + t.warmupMs + t.firstExtractMs,
      });
      // Let V8 finish tiering up and write its code cache before the next visit.
      await page.waitForTimeout(3000);
      await page.close();
    }
  } finally {
    await context.close();
    www.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const rest = visits.slice(1);
  const line = (name, v) => console.log(`${name.padEnd(22)} instantiate + warm-up + first extract: ` +
    `${v.fromPage.toFixed(1)} ms from the page's first script line, ${v.inWorker.toFixed(1)} ms from the worker holding the module`);
  line('page, first visit', visits[0]);
  line(`page, repeat visits`, { fromPage: median(rest.map((v) => v.fromPage)), inWorker: median(rest.map((v) => v.inWorker)) });
  console.log(`${''.padEnd(22)} (repeat visits: medians of ${rest.length})`);
}
