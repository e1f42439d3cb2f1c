#!/usr/bin/env bash
# Installs what building and testing newslens needs, skipping what is already there:
# the wasm32 target, wasm-bindgen-cli at the crate's pinned version, the npm
# dev-dependencies (playwright-core, typescript, vite, fflate for the
# extension's zip, the benchmark's peers)
# and, with --browser, Debian's Chromium for the page tests.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
command -v cargo-clippy >/dev/null && command -v rustfmt >/dev/null || rustup component add clippy rustfmt
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $want"; then
  echo "setup: installing wasm-bindgen-cli $want (about 5 minutes, once)" >&2
  # Not --locked: its published lock file fails to resolve on some registries.
  cargo install wasm-bindgen-cli --version "$want"
fi
# npm records what it installed in node_modules/.package-lock.json: reinstall when the lock is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null; then
  echo "setup: installing Debian's chromium for the page tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
