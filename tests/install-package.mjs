// The npm package as a user gets it: `npm pack ./pkg`, then the tarball
// installed into a fresh project directory (no network: the package has no
// dependencies). Shared by the Node package test and the bundler tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PKG_DIR = fileURLToPath(new URL('../pkg/', import.meta.url));

/** A new directory holding an ES-module project with `newslens` installed; the caller removes it. */
export function installPackage(prefix = 'newslens-consumer-') {
  if (!existsSync(join(PKG_DIR, 'package.json'))) {
    throw new Error('pkg/ is missing: run `bash scripts/build-wasm.sh && bash scripts/build-package.sh` first');
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const tgz = execFileSync('npm', ['pack', PKG_DIR, '--silent', '--pack-destination', dir], { encoding: 'utf8' })
    .trim().split('\n').pop();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, tgz)], { cwd: dir, stdio: 'pipe' });
  return dir;
}
