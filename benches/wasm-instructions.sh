#!/usr/bin/env bash
# Instructions V8 executes per parse() of one text through a built wasm
# package, counted by valgrind: this machine's timings drift by tens of
# percent, instruction counts by about 2 %. Node runs with TurboFan only
# (--no-liftoff), on one thread and with --predictable; the program is run
# twice, N1 and N2 parses, and the difference divided by N2 - N1, so that
# start-up and compiling cancel out. Needs valgrind (not installed by
# scripts/setup.sh); takes about a minute per text.
#
#   bash benches/wasm-instructions.sh PKG_DIR FILE [N1 N2]
#
# PKG_DIR may be a copy of an earlier build (benches/js/load.mjs reads both).
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=("$@")
if [ "${#ARGS[@]}" -lt 2 ]; then
  echo "usage: bash benches/wasm-instructions.sh PKG_DIR FILE [N1 N2]" >&2
  exit 2
fi
PKG=${ARGS[0]}
FILE=${ARGS[1]}
N1=${ARGS[2]:-10}
N2=${ARGS[3]:-50}
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 1; }
count() {
  valgrind --tool=callgrind --smc-check=all --callgrind-out-file=/dev/null \
    node --no-liftoff --single-threaded --predictable benches/js/iterate.mjs "$PKG" "$FILE" "$1" 2>&1 |
    sed -n 's/.*refs: *//p' | tr -d ,
}
a=$(count "$N1")
b=$(count "$N2")
echo "$(basename "$FILE"): $(( (b - a) / (N2 - N1) )) instructions per parse ($PKG)"
