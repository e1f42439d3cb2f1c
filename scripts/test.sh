#!/usr/bin/env bash
# Every test: Rust unit, integration, property and CLI tests; the wasm build
# under Node; the TypeScript declarations; the page, the embedding layer and
# the browser extension in headless Chromium.
# Tests that need ../shared/data skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

echo "== format and lints"
cargo fmt --check
cargo clippy --all-targets --all-features -- -D warnings
# The wasm build's configuration: no CLI, no training code.
cargo clippy --lib --no-default-features -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
echo "== cargo test"
cargo test --all-features
echo "== wasm build, npm package, browser extension"
bash scripts/build-wasm.sh
bash scripts/build-package.sh
bash scripts/build-extension.sh
echo "== wasm under Node, the npm package"
node --test tests/js/
echo "== TypeScript declarations"
node_modules/.bin/tsc --noEmit --strict --target es2022 --module es2022 --moduleResolution bundler tests/js/types-check.ts
echo "== page, embedding layer and extension in Chromium"
node --test tests/browser/
