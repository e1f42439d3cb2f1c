// The result's TypeScript declaration is written by hand (src/wasm/types.d.ts,
// appended to www/pkg/newslens.d.ts by wasm-bindgen) while the result itself
// comes from the serde types in src/analysis.rs. This test reads the
// declaration and checks real results against it: every key of every object
// must be declared in its interface, every declared key must be there, and
// values must have the declared kind (number, string, null, a listed string,
// an array of, another interface). A field added in Rust and not in the
// declaration fails here, with its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const pkg = new URL('../../www/pkg/', import.meta.url);
if (!existsSync(new URL('newslens.js', pkg))) {
  throw new Error('www/pkg/newslens.js is missing: run `bash scripts/build-wasm.sh` first');
}
const { initSync, extract, extractHtml, findArticle } = await import(new URL('newslens.js', pkg));
initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });

/** The interfaces (fields with their type text, `extends` resolved) and type aliases of a .d.ts. */
function readDeclarations(dts) {
  const source = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const aliases = new Map();
  for (const [, name, type] of source.matchAll(/export type (\w+)\s*=([^;]+);/g)) aliases.set(name, type.trim());
  const raw = new Map();
  for (const [, name, base, body] of source.matchAll(/export interface (\w+)(?:\s+extends\s+(\w+))?\s*\{([^}]*)\}/g)) {
    const fields = new Map();
    for (const [, key, optional, type] of body.matchAll(/(\w+)(\?)?\s*:\s*([^;]+);/g)) {
      fields.set(key, { type: type.trim(), optional: Boolean(optional) });
    }
    raw.set(name, { base, fields });
  }
  const interfaces = new Map();
  const resolve = (name) => {
    if (!interfaces.has(name)) {
      const { base, fields } = raw.get(name);
      interfaces.set(name, new Map([...(base ? resolve(base) : []), ...fields]));
    }
    return interfaces.get(name);
  };
  for (const name of raw.keys()) resolve(name);
  return { interfaces, aliases };
}

/**
 * Checks `value` against the declared `type` (text such as `Span | null`,
 * `number[]`, `"a" | "b"`); returns the problems found, each with its path,
 * and adds each interface met to `seen`.
 */
function checkType(decls, value, type, path, seen = new Set()) {
  const problems = [];
  const alternatives = type.split('|').map((t) => t.trim()).filter(Boolean);
  const fits = (alt) => {
    if (alt === 'null') return value === null;
    if (alt === 'number' || alt === 'string' || alt === 'boolean') return typeof value === alt;
    if (/^".*"$/.test(alt)) return value === JSON.parse(alt);
    if (alt.endsWith('[]')) {
      if (!Array.isArray(value)) return false;
      value.forEach((v, i) => problems.push(...checkType(decls, v, alt.slice(0, -2), `${path}[${i}]`, seen)));
      return true;
    }
    if (decls.aliases.has(alt)) return checkType(decls, value, decls.aliases.get(alt), path, seen).length === 0;
    const fields = decls.interfaces.get(alt);
    if (!fields) throw new Error(`${path}: the declaration names an unknown type ${alt}`);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    seen.add(alt);
    for (const key of Object.keys(value)) {
      if (!fields.has(key)) problems.push(`${path}.${key} is in the result but not declared in interface ${alt}`);
    }
    for (const [key, { type: t, optional }] of fields) {
      if (!(key in value)) {
        if (!optional) problems.push(`${path}.${key} is declared in interface ${alt} but not in the result`);
      } else {
        problems.push(...checkType(decls, value[key], t, `${path}.${key}`, seen));
      }
    }
    return true;
  };
  if (!alternatives.some(fits)) problems.push(`${path} is ${JSON.stringify(value)?.slice(0, 80)}, not ${type}`);
  return problems;
}

/** The interfaces a value of interface `name` can hold, itself included. */
function reachable(decls, name, found = new Set()) {
  if (found.has(name)) return found;
  found.add(name);
  for (const { type } of decls.interfaces.get(name).values()) {
    for (const word of type.match(/\w+/g)) {
      const t = decls.aliases.get(word) ?? word;
      if (decls.interfaces.has(t)) reachable(decls, t, found);
    }
  }
  return found;
}

const decls = readDeclarations(readFileSync(new URL('newslens.d.ts', pkg), 'utf8'));
const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
// Between them, these texts give every field a value that is not null.
const SAMPLES = [
  seed,
  'By Jane Doe\nUpdated 14:02 GMT\n\nMOSCOW (Reuters) - "We will not," the Kremlin said.\n\nShare this article',
  'Émigrés 😀 in 東京\r\n\r\nPresident Joe Biden met Cafe\u0301 owners in Paris on Monday.',
  '',
];
// A page, for extractHtml: metadata, the article's text, what was set aside.
const PAGE = `<html lang="en"><head><title>Rain returns | The Daily</title>
  <meta property="og:site_name" content="The Daily"><meta name="description" content="Rain at last.">
  <link rel="canonical" href="https://daily.example/rain">
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rain returns",
    "datePublished": "2024-05-02T08:00:00Z", "dateModified": "2024-05-02T09:30:00Z",
    "author": {"@type": "Person", "name": "Jane Doe"}}</script></head>
  <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <article><h1>Rain returns</h1><p>Heavy rain fell across Kenya on Tuesday, ending a dry spell of six weeks, forecasters said.</p>
  <p>"We have waited long enough," farmer John Kamau said in Nakuru.</p></article>
  <footer>Copyright The Daily. All rights reserved.</footer></body></html>`;

test('every field of the result is declared in newslens.d.ts, with its type, in every offsets unit', () => {
  const seen = new Set();
  for (const [i, text] of SAMPLES.entries()) {
    for (const offsets of ['utf16', 'chars', 'bytes']) {
      assert.deepEqual(checkType(decls, extract(text, { offsets }), 'Analysis', `sample ${i} (${offsets})`, seen), []);
    }
  }
  for (const offsets of ['utf16', 'chars', 'bytes']) {
    const page = extractHtml(PAGE, { offsets });
    assert.ok(page.text.startsWith('Rain returns') && page.article.set_aside.length > 0);
    assert.deepEqual(checkType(decls, page, 'Analysis', `the page (${offsets})`, seen), []);
  }
  // Every interface the result can hold was checked against a real object at least once.
  assert.deepEqual([...reachable(decls, 'Analysis')].filter((n) => !seen.has(n)), [], 'interfaces no sample reached');
});

test('findArticle\'s result is declared as FoundArticle, in every offsets unit', () => {
  const seen = new Set();
  for (const offsets of ['utf16', 'chars', 'bytes']) {
    const found = findArticle(PAGE, { offsets });
    assert.ok(found.title && found.blocks.length >= 2);
    assert.deepEqual(checkType(decls, found, 'FoundArticle', `the page (${offsets})`, seen), []);
  }
  assert.deepEqual([...reachable(decls, 'FoundArticle')].filter((n) => !seen.has(n)), [], 'interfaces no sample reached');
});

test('the check finds an undeclared field, a missing one and a wrong kind', () => {
  const a = extract('Putin met Kim in Moscow.');
  a.mentions[0].confidence = 0.9;
  delete a.article.byline;
  a.entities[0].salience = 'high';
  a.mentions[1].label = 'PERSONS';
  assert.deepEqual(checkType(decls, a, 'Analysis', 'a').sort(), [
    'a.article.byline is declared in interface Article but not in the result',
    'a.entities[0].salience is "high", not number',
    'a.mentions[0].confidence is in the result but not declared in interface Mention',
    'a.mentions[1].label is "PERSONS", not Label',
  ]);
});
