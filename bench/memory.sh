#!/usr/bin/env bash
# Peak memory of the native CLI (`newslens extract`) against input size, so the
# "peak memory under 20x the input" target is checked by a command:
#   bash bench/memory.sh
# Inputs: news-like text made by repeating the seed article (tests/fixtures)
# to 1 MB and 10 MB. Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "bench/memory.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release -q --bin newslens
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "input      seconds   peak RSS     peak / input"
for mb in 1 10; do
  node -e '
    const fs = require("fs");
    const seed = fs.readFileSync("tests/fixtures/seed-article.txt", "utf8") + "\n\n";
    const n = Number(process.argv[1]) * 1e6;
    fs.writeFileSync(process.argv[2], seed.repeat(Math.ceil(n / seed.length)).slice(0, n));
  ' "$mb" "$tmp/in.txt"
  /usr/bin/time -f "%e %M" -o "$tmp/time" ./target/release/newslens extract "$tmp/in.txt" > /dev/null
  read -r secs kb < "$tmp/time"
  awk -v mb="$mb" -v s="$secs" -v kb="$kb" \
    'BEGIN { printf "%3d MB   %7.2f   %7.0f MB   %6.1fx\n", mb, s, kb / 1024, kb * 1024 / (mb * 1e6) }'
done
