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

# No wasm-opt: measured here, `wasm-opt -O2`, `-O3` and `-Os` (npm
# binaryen 132) each made extract about 25% slower in V8, and they and -O4
# made the gzipped module 165 KB larger; `--memory-packing` alone changed neither speed nor
# the gzipped size for the better. `node bench/ab.mjs DIR...` compares builds.
raw=$(stat -c %s www/pkg/newslens_bg.wasm)
gz=$(gzip -9 -c www/pkg/newslens_bg.wasm | wc -c)
echo "www/pkg/newslens_bg.wasm: $raw bytes, $gz gzipped"
