#!/usr/bin/env bash
# The main job: set up, build the wasm package and serve the page on
# http://127.0.0.1:8080 (the "Sample article" button loads the seed article).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
exec node scripts/serve.mjs
