// The page's start-up as a visitor meets it, in headless Chromium: each run a
// fresh browser context (nothing cached) opens the page and presses "Sample
// article" at once; measured from navigation to the analyser being ready and
// to the sample's first render. Prints medians and ranges.
//   node bench/page-start.mjs [--runs N]
// Needs the wasm package (`bash scripts/build-wasm.sh`) and Chromium.
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { CHROMIUM, LAUNCH_ARGS } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve({ port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.click('#sample');
    await page.waitForFunction(() => window.newslensTimings?.firstRenderMs != null, null, { timeout: 30_000 });
    rows.push(await page.evaluate(() => ({ ...window.newslensTimings })));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const keys = ['downloadMs', 'instantiateMs', 'warmupMs', 'readyAtMs', 'firstExtractMs', 'firstRenderMs'];
for (const k of keys) {
  const xs = rows.map((r) => r[k]).filter((x) => x != null);
  if (xs.length) console.log(`${k.padEnd(16)} median ${median(xs).toFixed(1).padStart(7)} ms   (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`);
}
