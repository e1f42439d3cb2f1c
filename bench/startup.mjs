// Where start-up time goes, in headless Chromium (the browser the page test
// uses) and in Node: downloading the wasm, compiling, instantiating, the
// first call (V8 compiles each function on its first call, and the models'
// one-time set-up runs), then the seed article twice. Last, the page itself
// on a first and on repeat visits with one browser profile: a repeat visit
// takes the wasm from the HTTP cache (the server answers 304) and V8's
// cached machine code.
//   node bench/startup.mjs [--runs N]
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
}

const server = await serve({ root: ROOT, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
try {
  for (const [name, query] of [['Chromium main thread', ''], ['Chromium worker', '?worker']]) {
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
    report(name, results);
  }
} finally {
  await browser.close();
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
      visits.push(t.instantiateMs + t.warmupMs + t.firstExtractMs);
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
  console.log(`${'page, first visit'.padEnd(22)} instantiate + warm-up + first extract ${visits[0].toFixed(1)} ms`);
  console.log(`${'page, repeat visits'.padEnd(22)} instantiate + warm-up + first extract ${median(rest).toFixed(1)} ms (median of ${rest.length})`);
}
