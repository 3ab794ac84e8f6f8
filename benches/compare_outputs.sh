#!/bin/bash
# Findings, verdict and alignment of every pair, normalised, one file per pair:
# run it with two builds and diff the folders to show a speed change altered no
# result.
#   bash benches/compare_outputs.sh OLD_BINARY /tmp/out-old
#   bash benches/compare_outputs.sh target/release/wirecheck /tmp/out-new
#   diff -r /tmp/out-old /tmp/out-new
# Reads pairs/ and, when present, ../shared/{dev,dev13}/{clean,perturbed,adapted}
# (evaluation data, read in place, never copied).
set -u
BIN=$1; OUT=$2
if [ -e "$OUT" ]; then echo "error: $OUT exists; give a new folder" >&2; exit 2; fi
mkdir -p "$OUT"
one() {
  "$BIN" check "$1" --format json 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
for f in r["findings"]:
    print(json.dumps(f, sort_keys=True, ensure_ascii=False))
print("verdict", r["verdict"])
print("align", json.dumps(r.get("alignment"), sort_keys=True))
' > "$2"
}
for data in dev dev13; do
  for set in clean perturbed adapted; do
    [ -d "../shared/$data/$set" ] || continue
    for d in ../shared/$data/$set/*/; do one "$d" "$OUT/$data-$set-$(basename "$d").txt"; done
  done
done
for d in pairs/*/; do one "$d" "$OUT/pairs-$(basename "$d").txt"; done
echo "$(ls "$OUT" | wc -l) pairs written to $OUT"
