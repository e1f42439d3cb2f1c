#!/usr/bin/env bash
# The NER model's dev signal on every set it may be tuned on, one line a set:
# overall F1 and F1 per type. Never scores a test split.
#   bash scripts/ner_dev_signal.sh [WEIGHTS [LEXICONS]]   (default: the embedded model)
# Needs the splits of scripts/split_ner_extra.py in target/ner-data.
set -euo pipefail
cd "$(dirname "$0")/.."
conll=../shared/data/conll2003
data=target/ner-data
[ -f "$data/wikigold.dev.txt" ] || python3 scripts/split_ner_extra.py >/dev/null
w=()
[ $# -ge 1 ] && w=(--weights "$1")
[ $# -ge 2 ] && w+=(--lexicons "$2")
bin=target/release/ner-eval
[ -x "$bin" ] || cargo build --release --features train --bin ner-eval
summary() {
  awk -v name="$1" '
    /tokens\/s/ { tps = $(NF-1) }
    $1 ~ /^(PER|ORG|LOC|MISC|overall):$/ { f[$1] = $(NF-6) }
    END { printf "%-22s %6s   PER %6s  ORG %6s  LOC %6s  MISC %6s   (%s tok/s)\n",
          name, f["overall:"], f["PER:"], f["ORG:"], f["LOC:"], f["MISC:"], tps }'
}
"$bin" "${w[@]}" "$conll/dev.txt" | summary "conll dev"
"$bin" "${w[@]}" --unseen "$conll/train.txt" "$conll/dev.txt" | summary "conll dev, unseen"
for set in wikigold re3d wnut17; do
  "$bin" "${w[@]}" "$data/$set.dev.txt" | summary "$set dev"
done
"$bin" "${w[@]}" --no-misc "$data/btc.dev.txt" | summary "btc dev (no MISC)"
