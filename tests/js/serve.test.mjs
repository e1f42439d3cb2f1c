// scripts/serve.mjs, the static server of the page and the browser tests,
// serves only what is inside its root (issue 23, item 7): a sibling folder
// whose name starts with the root's name ("site" and "site-private") is
// outside, however the request spells its way there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inside, serve } from '../../scripts/serve.mjs';

/** GETs `path` exactly as written (no URL normalisation on the way). */
function get(port, path) {
  return new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => ok({ status: res.statusCode, body }));
    }).on('error', fail).end();
  });
}

test('a sibling folder that shares the root\'s prefix is not served', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'site'));
  mkdirSync(join(dir, 'site-private'));
  writeFileSync(join(dir, 'site/index.html'), 'home');
  writeFileSync(join(dir, 'site/..notes.txt'), 'a file whose name starts with two dots');
  writeFileSync(join(dir, 'site-private/secret.txt'), 'secret');
  const server = await serve({ root: join(dir, 'site'), port: 0 });
  t.after(() => new Promise((ok) => server.close(ok)));
  const { port } = server.address();

  assert.deepEqual(await get(port, '/'), { status: 200, body: 'home' });
  assert.deepEqual(await get(port, '/..notes.txt'), { status: 200, body: 'a file whose name starts with two dots' });
  for (const path of ['/..%2fsite-private/secret.txt', '/../site-private/secret.txt', '/%2e%2e/site-private/secret.txt',
    '/..%5csite-private/secret.txt', '/..%2f..%2f' + dir.slice(1).replace(/\//g, '%2f') + '%2fsite-private%2fsecret.txt']) {
    const res = await get(port, path);
    assert.equal(res.status, 404, `${path} is refused`);
    assert.ok(!res.body.includes('secret'), path);
  }
});

test('inside(): the root itself and what is under it, nothing else', () => {
  assert.equal(inside('/srv/www', '/srv/www'), true);
  assert.equal(inside('/srv/www', '/srv/www/pkg/newslens.js'), true);
  assert.equal(inside('/srv/www', '/srv/www/..hidden'), true);
  assert.equal(inside('/srv/www', '/srv/www-private/secret.txt'), false);
  assert.equal(inside('/srv/www', '/srv'), false);
  assert.equal(inside('/srv/www', '/etc/passwd'), false);
});
