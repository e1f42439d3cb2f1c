// Where start-up time goes, in headless Chromium (the browser the page test
// uses) and in Node: downloading the wasm, compiling, instantiating, the
// first call (V8 compiles each function on its first call, and the models'
// one-time set-up runs), then the seed article twice.
//   node bench/startup.mjs [--runs N]
// Needs the wasm package (`bash scripts/build-wasm.sh`) and Chromium.
import { execFileSync } from 'node:child_process';
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
