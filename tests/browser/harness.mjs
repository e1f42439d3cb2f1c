// What the browser tests share: checking that the build and Chromium are
// there (a missing piece fails the run with a message; nothing is skipped),
// serving www/ on a free port, and launching Debian's Chromium headless with
// the flags this machine's closed network needs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Checks the built package and Chromium (plus `extraProblems` the caller
 * found), then serves www/ and launches the browser.
 * Resolves to { origin, browser, close }.
 */
export async function launch(suite, extraProblems = []) {
  const problems = [...extraProblems];
  if (!existsSync(join(ROOT, 'www/pkg/newslens.js')) || !existsSync(join(ROOT, 'www/pkg/newslens_bg.wasm'))) {
    problems.push('www/pkg/newslens.js or newslens_bg.wasm is missing: build the package first with `bash scripts/build-wasm.sh`.');
  }
  if (!existsSync(CHROMIUM)) {
    problems.push(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  if (problems.length) throw new Error(`${suite} cannot run:\n  - ${problems.join('\n  - ')}`);
  const server = await serve({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const close = async () => {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  };
  return { origin, browser, close };
}

/**
 * A fresh browser context and page that record page errors and console errors
 * (`errors`), every request (`requests`) and the page's CSP violations
 * (`window.__cspViolations`). The context closes when test `t` ends.
 */
export async function newPage(browser, t, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  t.after(() => context.close());
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  context.on('request', (r) => requests.push(r.url()));
  return { context, page, errors, requests };
}
