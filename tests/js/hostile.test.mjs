// extract() under hostile arguments (issue 23, items 1 and 5): objects whose
// reading throws (Proxy traps, getters, revoked Proxies), values of every
// type, huge strings. Each must end in an Error with a message, and the
// module must stay healthy: the arguments are read in JavaScript before any
// text is copied into wasm memory (src/wasm/args.js), so no exception crosses
// wasm frames. Before that, ~2,840 calls with a throwing Proxy poisoned the
// module for good and each leaked its copy of the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

const pkg = new URL('../../www/pkg/', import.meta.url);
if (!existsSync(new URL('newslens.js', pkg))) {
  throw new Error('www/pkg/newslens.js is missing: run `bash scripts/build-wasm.sh` first');
}
const { initSync, extract } = await import(new URL('newslens.js', pkg));
const wasm = initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });
const memory = () => wasm.memory.buffer.byteLength;

/** A Proxy of {} whose `trap` throws `err`. */
const throwingProxy = (trap, err) => new Proxy({}, { [trap]() { throw err; } });
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
/** Checks that `f` throws an Error of this realm whose message matches `pattern`; returns it. */
function throwsError(f, pattern) {
  let caught;
  assert.throws(f, (e) => {
    caught = e;
    return e instanceof Error && pattern.test(e.message);
  });
  return caught;
}

/** 3,000 calls with a 1.3 MB text and options that throw: each a clean Error, no memory kept, the module still right. */
function assertHealthyAfterThrowingCalls() {
  const big = 'Angela Merkel met Joe Biden in Berlin. '.repeat(1 << 15);
  extract('Putin met Kim.');
  const before = memory();
  // wasm-bindgen's table of JavaScript values held by the module: a value
  // kept for each failed call (as an import with `catch` once kept its
  // exception) grows it.
  const slots = () => wasm.__wbindgen_externrefs.length;
  const slotsBefore = slots();
  const p = throwingProxy('ownKeys', new Error('x'));
  for (let i = 0; i < 3000; i++) throwsError(() => extract(big, p), /could not read the options: x/);
  assert.equal(memory(), before, 'no copy of the text was left behind');
  assert.equal(slots(), slotsBefore, 'no value of a failed call was kept');
  const a = extract('Putin met Kim Jong-un in Vladivostok.');
  assert.deepEqual(a.mentions.map((m) => m.text), ['Putin', 'Kim Jong-un', 'Vladivostok']);
}

test('thousands of calls whose options throw: the module stays healthy and its memory flat', () => {
  assertHealthyAfterThrowingCalls();
});

test('revoked Proxies as text and as options', () => {
  throwsError(() => extract(revoked()), /^extract: text must be a string, got a revoked Proxy$/);
  const e = throwsError(() => extract('x', revoked()), /^extract: could not read the options: .*revoked/);
  assert.ok(e.cause instanceof TypeError, 'the engine\'s own error is the cause');
});

test('a throwing getter is reported with its own error, whatever it throws', () => {
  const boom = new Error('boom');
  const e = throwsError(() => extract('x', { get offsets() { throw boom; } }), /^extract: could not read the options: boom$/);
  assert.equal(e.cause, boom);
  const odd = [
    ['a string', 'plain', /: plain$/],
    ['a Symbol', Symbol('sym'), /: Symbol\(sym\)$/],
    ['undefined', undefined, /: undefined$/],
    ['an object whose toString throws', { toString() { throw new Error('no'); } }, /: an exception that cannot be shown$/],
    ['a revoked Proxy', revoked(), /: an exception that cannot be shown$/],
  ];
  for (const [what, thrown, pattern] of odd) {
    const err = throwsError(() => extract('x', { get offsets() { throw thrown; } }), pattern);
    assert.equal(err.cause, thrown, what);
  }
  // A getter for a key that is not an option is never called: the key is refused first.
  throwsError(() => extract('x', { get colour() { throw boom; } }), /unknown option 'colour'/);
});

test('every Proxy trap extract() may touch can throw', () => {
  for (const trap of ['ownKeys', 'getOwnPropertyDescriptor', 'get', 'getPrototypeOf']) {
    const target = { offsets: 'chars' };
    const p = new Proxy(target, { [trap]() { throw new Error(`trap ${trap}`); } });
    let result;
    try {
      result = extract('Paris.', p);
    } catch (e) {
      assert.ok(e instanceof Error && e.message === `extract: could not read the options: trap ${trap}`, `${trap}: ${e.message}`);
      continue;
    }
    assert.equal(result.offsets, 'chars', `${trap} is not touched, and the options were read`);
  }
});

test('Symbols, BigInts and other types as text, options and offsets', () => {
  for (const [value, name] of [[Symbol('s'), 'symbol'], [10n, 'bigint'], [() => 'x', 'function'], [new String('x'), 'object'], [['a'], 'array']]) {
    throwsError(() => extract(value), new RegExp(`^extract: text must be a string, got ${name}$`));
  }
  for (const [value, name] of [[Symbol('s'), 'symbol'], [10n, 'bigint'], [7, 'number'], ['utf16', 'string'], [() => ({}), 'function'], [[], 'array']]) {
    throwsError(() => extract('x', value), new RegExp(`^extract: options must be an object, got ${name}$`));
  }
  for (const value of [Symbol('utf16'), 16n, 16, null, { toString: () => 'utf16' }, 'UTF16', 'miles']) {
    throwsError(() => extract('x', { offsets: value }), /^extract: options.offsets must be "utf16", "chars", "bytes" or undefined$/);
  }
});

test('options.offsets undefined is the default, as the declaration says', () => {
  assert.equal(extract('Paris.', { offsets: undefined }).offsets, 'utf16');
  assert.equal(extract('Paris.', {}).offsets, 'utf16');
  assert.equal(extract('Paris.', null).offsets, 'utf16');
  assert.equal(extract('Paris.', Object.create({ offsets: 'bytes' })).offsets, 'bytes', 'an inherited option is read too');
});

test('huge strings: refused fast and quoted in part, never copied', () => {
  const huge = 'x'.repeat(1 << 25);   // 32M characters
  const before = memory();
  const t0 = performance.now();
  throwsError(() => extract(huge, { offsets: huge }), /offsets must be/);
  const key = throwsError(() => extract('x', { [huge]: 1 }), /^extract: unknown option 'x{200}…' \(known: offsets\)$/);
  throwsError(() => extract(huge, { get offsets() { throw new Error(huge); } }), /^extract: could not read the options: x{200}…$/);
  assert.ok(performance.now() - t0 < 2000, 'refused without analysing');
  assert.ok(key.message.length < 300);
  assert.equal(memory(), before);
});

// The fuzz target for the argument path: random mixtures of valid and
// hostile texts and options. A call with valid arguments returns an
// analysis; any other call throws an Error of this realm whose message
// starts with "extract: ". Afterwards the module still works.
test('property: any mixture of arguments gives an analysis or a clean Error, and the module stays healthy', () => {
  const thrown = fc.oneof(
    fc.string().map((s) => new Error(s)),
    fc.string(),
    fc.constant(Symbol('thrown')),
    fc.constantFrom(undefined, null, 0),
    fc.constant({ toString() { throw new Error('toString'); } }),
  );
  const trap = fc.constantFrom('ownKeys', 'getOwnPropertyDescriptor', 'get', 'has', 'getPrototypeOf');
  // Each arbitrary makes { make, ok }: `make` builds the value afresh (a revoked Proxy cannot be reused).
  const validText = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('Angela Merkel met Joe Biden.', '"We will," Putin said.', '\uD800 lone', ''))
    .map((s) => ({ make: () => s, ok: true }));
  const badText = fc.oneof(
    fc.oneof(fc.integer(), fc.boolean(), fc.bigInt(), fc.constantFrom(null, undefined, Symbol('t'))).map((v) => () => v),
    fc.tuple(trap, thrown).map(([t, err]) => () => throwingProxy(t, err)),
    fc.constant(revoked),
    fc.constant(() => ['array']),
  ).map((make) => ({ make, ok: false }));
  const unit = fc.constantFrom('utf16', 'chars', 'bytes');
  const validOptions = fc.oneof(
    fc.constantFrom(undefined, null).map((v) => () => v),
    fc.option(unit, { nil: undefined }).map((u) => () => ({ offsets: u })),
    unit.map((u) => () => new Proxy({ offsets: u }, {})),
  ).map((make) => ({ make, ok: true }));
  const badOptions = fc.oneof(
    fc.oneof(fc.integer(), fc.string(), fc.bigInt(), fc.constant(Symbol('o'))).map((v) => () => v),
    fc.string({ minLength: 1 }).filter((k) => k !== 'offsets').map((k) => () => ({ [k]: 1 })),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null)).filter((v) => !['utf16', 'chars', 'bytes'].includes(v)).map((v) => () => ({ offsets: v })),
    thrown.map((err) => () => ({ get offsets() { throw err; } })),
    fc.tuple(fc.constantFrom('ownKeys', 'getOwnPropertyDescriptor', 'get'), thrown).map(([t, err]) => () => new Proxy({ offsets: 'utf16' }, { [t]() { throw err; } })),
    fc.constant(revoked),
    fc.constant(() => [1]),
  ).map((make) => ({ make, ok: false }));
  const text = fc.oneof(validText, badText);
  const options = fc.oneof(validOptions, badOptions);

  fc.assert(fc.property(text, options, fc.boolean(), (t, o, passOptions) => {
    const args = passOptions ? [t.make(), o.make()] : [t.make()];
    const ok = t.ok && (!passOptions || o.ok);
    let result;
    try {
      result = extract(...args);
    } catch (e) {
      assert.ok(e instanceof Error, `thrown: ${String(e)}`);
      assert.match(e.message, /^extract: /);
      assert.ok(!ok, `valid arguments threw: ${e.message}`);
      return;
    }
    assert.ok(ok, 'invalid arguments gave a result');
    assert.equal(typeof result.version, 'string');
    if (result.offsets === 'utf16') {
      for (const m of result.mentions) assert.equal(args[0].slice(m.start, m.end), m.text);
    }
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });
  // Valid calls grow the word caches, so memory is checked where nothing should grow.
  assertHealthyAfterThrowingCalls();
});
