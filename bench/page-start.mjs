// The page's start-up as a visitor meets it, in headless Chromium: each run a
// fresh browser context (nothing cached) opens the page and presses "Sample
// article" at once; measured from navigation (see `newslensTimings` in
// www/app.js). Prints medians and ranges.
//   node bench/page-start.mjs [--runs N] [--root DIR ...]
// With several --root directories (copies of www/, each with its built pkg/)
// the runs alternate between them, so the machine's load falls on each alike:
// an A/B of two versions of the page. Default: www/.
// Needs the wasm package (`bash scripts/build-wasm.sh`) and Chromium.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, WWW } from '../scripts/serve.mjs';
import { CHROMIUM, LAUNCH_ARGS } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 9;
const roots = args.flatMap((a, i) => (a === '--root' ? [resolve(args[i + 1])] : []));
if (!roots.length) roots.push(WWW);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const servers = await Promise.all(roots.map((root) => serve({ root, port: 0 })));
const origins = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
const rows = roots.map(() => []);
try {
  for (let i = 0; i < runs; i++) {
    // Alternate, and swap the order every other round.
    const order = roots.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origins[k]}/`);
      await page.click('#sample');
      await page.waitForFunction(() => window.newslensTimings?.firstRenderMs != null, null, { timeout: 30_000 });
      const t = await page.evaluate(() => ({ ...window.newslensTimings }));
      // The measure: instantiate + first extract, here with the
      // worker's warm-up, from the worker holding the compiled module.
      if (t.workerInstantiateMs != null) t.inWorkerMs = t.workerInstantiateMs + t.warmupMs + t.firstExtractMs;
      rows[k].push(t);
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
const keys = [
  'pageStartMs', 'workerLoadedAtMs', 'downloadMs', 'instantiateMs', 'workerInstantiateMs', 'warmupMs', 'readyAtMs', 'firstExtractMs',
  'firstRenderMs', 'inWorkerMs',
];
roots.forEach((root, k) => {
  if (roots.length > 1) console.log(`${root} (${runs} runs)`);
  for (const key of keys) {
    const xs = rows[k].map((r) => r[key]).filter((x) => x != null);
    if (xs.length) console.log(`  ${key.padEnd(20)} median ${median(xs).toFixed(1).padStart(7)} ms   (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`);
  }
});
