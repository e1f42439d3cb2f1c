// A file's bytes as text, as the page reads an opened or dropped file
// (www/lib/decode.js): the same order as the command line's decode_html
// (src/page/decode.rs): BOM, declared charset, UTF-8, windows-1252.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHtml, decodeText, declaredCharset, isHtml, readFile } from '../../www/lib/decode.js';

// Node 20's TextDecoder reads windows-1252's bytes 0x80-0x9F (curly quotes, the
// euro sign) as ISO-8859-1 control characters, unlike browsers: those bytes are
// tested in Chromium (tests/browser/web-pages.test.mjs, "Open file"), not here.

const latin1 = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s) => new TextEncoder().encode(s);

test('a page is read in the charset it declares, in either form', () => {
  assert.ok(decodeHtml(latin1('<meta charset="iso-8859-1"><p>caf\xe9')).endsWith('café'));
  const equiv = latin1("<meta http-equiv=Content-Type content='text/html; charset=windows-1251'><p>\xcf\xf0\xe8");
  assert.ok(decodeHtml(equiv).endsWith('При'));
  // Only a Content-Type http-equiv counts; a comment is not a declaration.
  assert.equal(declaredCharset(latin1('<meta name="x" content="charset=koi8-r"><meta charset=utf-8>')), 'utf-8');
  assert.equal(declaredCharset(latin1('<!-- <meta charset=koi8-r> --><p>x')), null);
  // Past the first 4 KB, a declaration is not looked for.
  assert.equal(declaredCharset(latin1(`<!-- ${'x'.repeat(5000)} --><meta charset=koi8-r>`)), null);
});

test('a BOM wins; UTF-16 declared in ASCII bytes means UTF-8; unknown labels are ignored', () => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...latin1('<meta charset=latin1><p>')]);
  assert.equal(decodeHtml(new Uint8Array([...bom, ...utf8('café')])), '<meta charset=latin1><p>café');
  const le = new Uint8Array([0xff, 0xfe, ...[...'<p>é'].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.equal(decodeHtml(le), '<p>é');
  assert.equal(decodeHtml(new Uint8Array([...latin1('<meta charset=utf-16><p>'), ...utf8('café')])), '<meta charset=utf-16><p>café');
  assert.equal(decodeHtml(latin1('<meta charset=no-such-thing><p>caf\xe9')), '<meta charset=no-such-thing><p>café', 'undeclared: not UTF-8, so windows-1252');
});

test('undeclared: UTF-8 when the bytes are UTF-8, else windows-1252', () => {
  assert.equal(decodeHtml(utf8('<p>café — “q”')), '<p>café — “q”');
  assert.equal(decodeHtml(latin1('<p>caf\xe9 \xabq\xbb \xa3')), '<p>café «q» £');
  assert.equal(decodeText(latin1('caf\xe9')), 'café');
  assert.equal(decodeText(utf8('café')), 'café');
});

test('a web page is known by its name or by a doctype or <html> near the start', () => {
  assert.equal(isHtml('story.HTM', latin1('')), true);
  assert.equal(isHtml('story.xhtml', latin1('<?xml version="1.0"?>')), true);
  assert.equal(isHtml('saved.txt', latin1('<!-- saved from url=(0043)https://example.com/ -->\n<html lang="en">')), true);
  assert.equal(isHtml('saved', latin1('\n  <!DOCTYPE html>')), true);
  assert.equal(isHtml('notes.txt', latin1('Angela Merkel met <b>Joe Biden</b>')), false, 'markup is not a page');
});

test('readFile: a File\'s text and whether it is a page', async () => {
  const page = await readFile(new File([latin1('<html><meta charset=windows-1252><p>\xabHi\xbb')], 'a.htm'));
  assert.deepEqual(page, { text: '<html><meta charset=windows-1252><p>«Hi»', html: true });
  const text = await readFile(new File([utf8('Plain “text”.')], 'a.txt'));
  assert.deepEqual(text, { text: 'Plain “text”.', html: false });
});
