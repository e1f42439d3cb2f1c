#!/usr/bin/env bash
# The CLI's analyses of the reference sets, to show a refactor changed no
# output: CoNLL-2003 train, dev and test (as bench/conll.mjs writes them),
# PolNeAR train and dev, and the seed article.
#   bash scripts/identity.sh DIR            writes DIR/*.out.jsonl
#   bash scripts/identity.sh DIR BASELINE   ... and compares them with BASELINE's
# Needs ../shared/data; DIR is best outside the repository (say target/identity).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: bash scripts/identity.sh DIR [BASELINE]}
base=${2:-}
shared=../shared/data
[ -d "$shared/conll2003" ] || { echo "identity: needs $shared (CoNLL-2003, PolNeAR)" >&2; exit 2; }
cargo build --release --quiet --bin newslens
mkdir -p "$out"
for s in train dev test; do node bench/conll.mjs "$s" > "$out/conll-$s.in.jsonl"; done
for s in train dev; do
  node -e 'for (const l of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
    if (!l) continue; const r = JSON.parse(l);
    if (r.primary) console.log(JSON.stringify({ id: r.id, text: r.text })); }' \
    "$shared/quotes/polnear/$s.jsonl" > "$out/polnear-$s.in.jsonl"
done
node -e 'console.log(JSON.stringify({ id: "seed", text: require("fs").readFileSync(process.argv[1], "utf8") }))' \
  tests/fixtures/seed-article.txt > "$out/seed.in.jsonl"
status=0
for f in "$out"/*.in.jsonl; do
  o=${f%.in.jsonl}.out.jsonl
  target/release/newslens extract --jsonl "$f" > "$o"
  name=$(basename "$o")
  if [ -n "$base" ]; then
    if cmp -s "$o" "$base/$name"; then
      echo "identity: $name identical ($(wc -l < "$o") lines)"
    else
      n=$(diff <(cat "$o") <(cat "$base/$name") | grep -c '^<' || true)
      echo "identity: $name DIFFERS on $n lines"
      status=1
    fi
  fi
done
exit $status
