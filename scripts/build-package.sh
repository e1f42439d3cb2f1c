#!/usr/bin/env bash
# Builds the npm package `newslens` into pkg/ from the wasm build in www/pkg
# (run scripts/build-wasm.sh first): the wasm-bindgen module and its types, a
# Node entry that loads the wasm from disk, the embedding layer (annotate(),
# <news-lens>), package.json and README. `npm pack ./pkg` makes the tarball.
# Nothing is rewritten: the package's root holds what www/pkg/ holds plus the
# entry points www/ has at its root, and lib/ is www/lib/ as it is (it imports
# the module as '../newslens.js', which is www/newslens.js or the package's own).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f www/pkg/newslens.js ] || { echo "build-package: run scripts/build-wasm.sh first" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
rm -rf pkg && mkdir -p pkg
# The wasm-bindgen module, its wasm, its types and its JavaScript snippets (src/wasm/*.js).
cp -r www/pkg/. pkg/
rm -f pkg/.gitignore
# The embedding layer, and its entry points at the paths the docs give.
cp -r www/lib pkg/lib
cp www/annotate.js www/annotate.d.ts www/news-lens.js www/news-lens.d.ts pkg/
# The licences, and the notices and model cards of the embedded data.
cp LICENSE-MIT LICENSE-APACHE NOTICE.md pkg/
mkdir -p pkg/models
cp data/ner/MODEL.md pkg/models/ner.md
cp data/quotes/MODEL.md pkg/models/quotes.md

# Node: load the wasm from the package directory, synchronously, on import.
cat > pkg/node.js <<'JS'
// Node entry: `import { extract } from 'newslens'` works with no init call.
import { readFileSync } from 'node:fs';
import init, { initSync, extract } from './newslens.js';
initSync({ module: readFileSync(new URL('./newslens_bg.wasm', import.meta.url)) });
// The browser entry's exports too, so code shared with the browser runs
// unchanged: the module is already initialised, and init() returns at once.
export { extract, initSync };
export default init;
JS

cat > pkg/package.json <<JSON
{
  "name": "newslens",
  "version": "$version",
  "description": "Reads the structure out of an English news article: headline, entities, who said what. WebAssembly, runs locally.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./node.js",
  "module": "./newslens.js",
  "types": "./newslens.d.ts",
  "exports": {
    ".": {
      "types": "./newslens.d.ts",
      "node": "./node.js",
      "default": "./newslens.js"
    },
    "./annotate": {
      "types": "./annotate.d.ts",
      "default": "./annotate.js"
    },
    "./news-lens": {
      "types": "./news-lens.d.ts",
      "default": "./news-lens.js"
    },
    "./newslens_bg.wasm": "./newslens_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["*.js", "*.d.ts", "lib/", "snippets/", "newslens_bg.wasm", "README.md", "LICENSE-MIT", "LICENSE-APACHE", "NOTICE.md", "models/"],
  "sideEffects": ["./node.js", "./news-lens.js", "./lib/news-lens.js"],
  "keywords": ["nlp", "ner", "named-entity-recognition", "quotes", "news", "wasm"],
  "engines": { "node": ">=20" }
}
JSON

cat > pkg/README.md <<'MD'
# newslens

Reads the structure out of an English news article in the browser or in
Node: headline and paragraphs, people, organisations and places grouped into
entities, and who said what. WebAssembly; nothing leaves the machine.

## Browser (plain module script)

```html
<script type="module">
  import init, { extract } from './node_modules/newslens/newslens.js';
  await init();   // fetches newslens_bg.wasm next to newslens.js
  console.log(extract(document.body.innerText).entities);
</script>
```

## Bundlers (Vite, webpack)

```js
import init, { extract } from 'newslens';
await init();   // the bundler emits newslens_bg.wasm as an asset; init() finds it there
```

Tested with `vite build` (and the Vite dev server) and webpack 5, with no
configuration and no build warnings: `annotate()`'s worker is bundled too.

## Node 20+

```js
import { extract } from 'newslens';   // loads the wasm synchronously on import
const analysis = extract(text);
```

Code shared with the browser can keep its `await init()`: in Node it
returns at once.

From CommonJS, `const { extract } = require('newslens')` works on Node 20.19+
and 22.12+ (which load ES modules with `require`); on older versions use
`await import('newslens')`.

## Web Worker

```js
// worker.js, started with new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
import init, { extract } from 'newslens';
await init();
onmessage = (e) => postMessage(extract(e.data));
```

## Annotating an article already on the page

```js
import { annotate } from 'newslens/annotate';
const handle = await annotate(document.querySelector('article'));
handle.remove();   // the DOM exactly as it was
```

or `import 'newslens/news-lens'` and wrap the article in `<news-lens>`.

Browsers need WebAssembly SIMD: Chrome and Edge 91+, Firefox 89+, Safari
16.4+. Elsewhere loading fails with a message that says so.

Offsets are UTF-16 code units: `text.slice(m.start, m.end) === m.text`.
TypeScript: the result's types are in `newslens.d.ts`, the embedding layer's
in `annotate.d.ts` and `news-lens.d.ts` (`<news-lens>` in
`HTMLElementTagNameMap`, its events in `HTMLElementEventMap`).

## Licence

The code: MIT OR Apache-2.0 (`LICENSE-MIT`, `LICENSE-APACHE`). The module
embeds weights and lexicons derived from data with its own terms, some for
research use only: `NOTICE.md` lists them, and `models/ner.md` and
`models/quotes.md` are the model cards.
MD
echo "pkg/: newslens $version ($(du -sh pkg | cut -f1))"
