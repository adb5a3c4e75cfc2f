#!/usr/bin/env bash
# Where V8 spends the instructions of parse() in the wasm, per function
# (the parse and the report's serialisation into JavaScript objects):
# valgrind counts every instruction node executes (TurboFan only, one
# thread, --predictable) while benches/js/iterate.mjs parses FILE N times;
# node's --perf-basic-prof map names the machine code of each wasm
# function, and benches/js/wasm-profile.mjs adds the counts up per function
# (self cost, divided by N). The module is the one scripts/build-wasm.sh
# built, optimised again with its names kept (wasm-opt -g), in a temporary
# package. Needs valgrind; takes a minute or two.
#
#   bash benches/wasm-profile.sh FILE [N] [TOP]
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:?usage: bash benches/wasm-profile.sh FILE [N] [TOP]}
N=${2:-40}
TOP=${3:-40}
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 1; }
T=${CARGO_TARGET_DIR:-target}
RAW="$T/wasm-bindgen/govreport_core_bg.wasm"
[ -f "$RAW" ] && [ -f pkg/core.js ] || { echo "build the package first: bash scripts/build-wasm.sh" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r pkg "$WORK/pkg"
# The release flags of scripts/build-wasm.sh, with the names section kept.
node_modules/.bin/wasm-opt -Oz -g --strip-producers "$RAW" -o "$WORK/pkg/govreport_core_bg.wasm"
FILE=$(realpath "$FILE")
ITERATE=$(realpath benches/js/iterate.mjs)
touch "$WORK/start"
(cd "$WORK" && valgrind --tool=callgrind --smc-check=all --dump-instr=yes --compress-pos=no \
  --compress-strings=no --callgrind-out-file="$WORK/callgrind.out" \
  node --perf-basic-prof --no-liftoff --single-threaded --predictable "$ITERATE" "$WORK/pkg" "$FILE" "$N" \
  >/dev/null 2>&1)
# node writes its map to /tmp/perf-PID.map.
MAP=$(find /tmp -maxdepth 1 -name 'perf-*.map' -newer "$WORK/start" | head -1)
[ -n "$MAP" ] || { echo "node wrote no perf map" >&2; exit 1; }
mv "$MAP" "$WORK/perf.map"
node benches/js/wasm-profile.mjs "$WORK/callgrind.out" "$WORK/perf.map" "$N" "$TOP"
