#!/usr/bin/env bash
# Scores `tarikh extract` on the development set (../shared/corpus/seeds) with
# ../shared/eval/score.py: once with the gold article dates given (--dates), once without.
# Measuring only: the seeds are never fixtures of the engine.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
[ -d "$shared/corpus/seeds" ] || { echo "no $shared/corpus/seeds: nothing to score"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$shared/corpus/seeds-gold.json" > "$tmp/dates.csv" <<'PY'
import json, sys
print("file,date")
for d in json.load(open(sys.argv[1]))["documents"]:
    if d.get("dct"):
        print(f'{d["file"]},{d["dct"]}')
PY
cargo build -q --release --no-default-features
bin=${CARGO_TARGET_DIR:-target}/release/tarikh
"$bin" extract "$shared/corpus/seeds" --dates "$tmp/dates.csv" --out "$tmp/with.json"
"$bin" extract "$shared/corpus/seeds" --out "$tmp/without.json"
score() { python3 "$shared/eval/score.py" --gold "$shared/corpus/seeds-gold.json" --docs "$shared/corpus/seeds" --pred "$1" "${@:2}"; }
echo "== with gold article dates (--dates)"
score "$tmp/with.json" "$@"
echo "== without (article dates inferred)"
score "$tmp/without.json" | grep -E '^(dct|SUMMARY)'
