#!/bin/bash
# Instructions per check of one dispatch, under valgrind (callgrind): a count that,
# unlike time, does not move with the machine's speed, to compare two builds.
#   cargo bench --bench long_docs --no-run    # prints the bench binary's path
#   bash benches/instructions.sh target/release/deps/long_docs-HASH
# It runs the binary's `--loop` mode (the pairs/ dispatches in turn) for 12 and for 48
# checks; the difference over 36 leaves out start-up.
set -eu
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: benches/instructions.sh LONG_DOCS_BINARY (from cargo bench --bench long_docs --no-run)" >&2; exit 2; }
BIN=$(realpath "$1")
command -v valgrind >/dev/null || { echo "error: valgrind is not installed" >&2; exit 2; }
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$1" "$BIN" --loop "$1" \
    >/dev/null 2>"$tmp/err.$1"
  grep -o 'Collected : [0-9]*' "$tmp/err.$1" | awk '{print $3}'
}
a=$(count 12)
b=$(count 48)
awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2fM instructions per check\n", (b - a) / 36 / 1e6 }'
