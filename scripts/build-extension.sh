#!/usr/bin/env bash
# Builds the browser extension (issue 24): target/extension/ (unpacked,
# manifest.json at its root; chrome://extensions, developer mode, "Load
# unpacked"), target/newslens-extension.zip (the same, zipped reproducibly for
# a store upload) and target/extension-test/ (host access to 127.0.0.1 only,
# for tests/browser/extension.test.mjs). Builds the wasm into www/pkg first
# when it is missing or older than the sources; the rest is
# scripts/build-extension.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm=www/pkg/newslens_bg.wasm
if [ ! -f "$wasm" ] || [ -n "$(find src data build.rs Cargo.toml Cargo.lock -newer "$wasm" -print -quit)" ]; then
  bash scripts/build-wasm.sh
fi
[ -d node_modules/fflate ] || bash scripts/setup.sh
node scripts/build-extension.mjs
