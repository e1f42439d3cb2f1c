#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg (wasm-bindgen --target web):
# the page loads it as ./pkg/newslens.js, Node and bundlers import the same files.
# Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

cargo build --release --target wasm32-unknown-unknown --lib --no-default-features
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg --out-name newslens \
  target/wasm32-unknown-unknown/release/newslens.wasm
# The page's "Sample article" button fetches this copy of the test fixture.
cp tests/fixtures/seed-article.txt www/sample-article.txt

# wasm-opt from npm's binaryen (Debian's binaryen 108 silently writes broken wasm).
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    www/pkg/newslens_bg.wasm -o www/pkg/newslens_bg.opt.wasm
  mv www/pkg/newslens_bg.opt.wasm www/pkg/newslens_bg.wasm
else
  echo "note: node_modules/.bin/wasm-opt not found (npm ci installs it); wasm left unoptimised" >&2
fi
raw=$(stat -c %s www/pkg/newslens_bg.wasm)
gz=$(gzip -9 -c www/pkg/newslens_bg.wasm | wc -c)
echo "www/pkg/newslens_bg.wasm: $raw bytes, $gz gzipped"
