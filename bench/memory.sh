#!/usr/bin/env bash
# Peak memory of the native CLI (`newslens extract`) against input size, so the
# "peak memory under 20x the input" target is checked by a command:
#   bash bench/memory.sh            1 MB and 10 MB single articles
#   bash bench/memory.sh --jsonl N [--jobs=J]
#                                   N articles as JSON Lines (streamed; memory must stay
#                                   flat), on J threads (default: the CLI's, one per core)
# Inputs: news-like text made by repeating the seed article (tests/fixtures)
# to 1 MB and 10 MB. Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "bench/memory.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release -q --bin newslens
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "${1:-}" = "--jsonl" ]; then
  n=${2:?usage: bench/memory.sh --jsonl N}
  node -e '
    const fs = require("fs");
    const seed = fs.readFileSync("tests/fixtures/seed-article.txt", "utf8");
    const out = fs.openSync(process.argv[2], "w");
    for (let i = 0; i < Number(process.argv[1]); i++) {
      // Vary each article a little so no two lines are the same.
      fs.writeSync(out, JSON.stringify({ id: i, text: seed.replace("Putin", "Putin " + i) }) + "\n");
    }
  ' "$n" "$tmp/in.jsonl"
  size=$(stat -c %s "$tmp/in.jsonl")
  /usr/bin/time -f "%e %M" -o "$tmp/time" ./target/release/newslens extract --jsonl ${3:-} "$tmp/in.jsonl" > /dev/null
  read -r secs kb < "$tmp/time"
  awk -v n="$n" -v size="$size" -v s="$secs" -v kb="$kb" \
    'BEGIN { printf "%d articles (%.0f MB of JSON Lines): %.1f s, %.0f articles/s, peak RSS %.0f MB\n", n, size / 1e6, s, n / s, kb / 1024 }'
  exit 0
fi
# The fixed part (binary, models, caches) is what the CLI holds for the seed
# article alone; the marginal ratio is what the input adds on top of it.
/usr/bin/time -f "%e %M" -o "$tmp/time" ./target/release/newslens extract tests/fixtures/seed-article.txt > /dev/null
read -r _ fixed_kb < "$tmp/time"
awk -v kb="$fixed_kb" 'BEGIN { printf "fixed: %.1f MB peak RSS for the seed article alone\n", kb / 1024 }'
echo "input      seconds   peak RSS     peak / input   (peak - fixed) / input"
for mb in 1 10; do
  node -e '
    const fs = require("fs");
    const seed = fs.readFileSync("tests/fixtures/seed-article.txt", "utf8") + "\n\n";
    const n = Number(process.argv[1]) * 1e6;
    fs.writeFileSync(process.argv[2], seed.repeat(Math.ceil(n / seed.length)).slice(0, n));
  ' "$mb" "$tmp/in.txt"
  /usr/bin/time -f "%e %M" -o "$tmp/time" ./target/release/newslens extract "$tmp/in.txt" > /dev/null
  read -r secs kb < "$tmp/time"
  awk -v mb="$mb" -v s="$secs" -v kb="$kb" -v fixed="$fixed_kb" \
    'BEGIN { printf "%3d MB   %7.2f   %7.1f MB   %6.1fx        %6.1fx\n", mb, s, kb / 1024, kb * 1024 / (mb * 1e6), (kb - fixed) * 1024 / (mb * 1e6) }'
done
