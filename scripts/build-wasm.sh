#!/usr/bin/env bash
# Builds the widget package into pkg/: the wasm module (wasm-bindgen
# output, optimised by binaryen's wasm-opt from npm) plus the JavaScript
# shim and its TypeScript declarations. pkg/ is what a portal copies to
# its static folder.
#
#   scripts/build-wasm.sh          release build (size-optimised)
#   scripts/build-wasm.sh --dev    debug build with readable panics, no wasm-opt
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

PROFILE=wasm-release
FEATURES=()
OPT=1
if [ "${1:-}" = "--dev" ]; then
  PROFILE=dev
  FEATURES=(--features debug-panic)
  OPT=0
fi
DIR=$PROFILE
[ "$PROFILE" = dev ] && DIR=debug

# Cargo writes to $CARGO_TARGET_DIR when it is set.
T=${CARGO_TARGET_DIR:-target}
# Flags of the wasm build only (a user's RUSTFLAGS come first):
# - LLVM inlines less than at opt-level 3's defaults (thresholds 250, and
#   325 for #[inline] functions): the module is 5.5 KB (6 %) smaller
#   gzipped and, counted in V8, runs 2–4 % fewer instructions per parse;
#   V8 also has less code to compile on a first render. The pair was
#   chosen by measurement (BENCHMARKS.md, "Size").
# - the registry's absolute path out of the module's panic locations.
FLAGS=()
read -r -a FLAGS <<< "${RUSTFLAGS:-}"
FLAGS+=(-C llvm-args=-inline-threshold=100 -C llvm-args=-inlinehint-threshold=175)
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$d" ] && FLAGS+=("--remap-path-prefix=${d%/}=crates")
done
CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${FLAGS[*]}") \
  cargo build --quiet --lib --target wasm32-unknown-unknown --profile "$PROFILE" "${FEATURES[@]}"
mkdir -p pkg "$T/wasm-bindgen"
wasm-bindgen --target web --out-dir "$T/wasm-bindgen" --out-name govreport_core \
  "$T/wasm32-unknown-unknown/$DIR/govreport.wasm"

RAW="$T/wasm-bindgen/govreport_core_bg.wasm"
# Features: those rustc enables for wasm32-unknown-unknown, read from the
# module's target_features section; never --all-features (it turns on
# encodings that Chromium rejects).
OPT_FLAGS=(-Oz --strip-debug --strip-producers)
SUM=$( (sha256sum "$RAW"; echo "${OPT_FLAGS[*]}") | sha256sum | cut -c1-16)
if [ "$OPT" = 1 ]; then
  # wasm-opt (JavaScript, about 20 s) runs only when the module changed.
  if [ ! -f "$T/wasm-bindgen/.opt-sum" ] || [ "$(cat "$T/wasm-bindgen/.opt-sum")" != "$SUM" ] || [ ! -f "$T/wasm-bindgen/opt.wasm" ]; then
    node_modules/.bin/wasm-opt "${OPT_FLAGS[@]}" "$RAW" -o "$T/wasm-bindgen/opt.wasm"
    echo "$SUM" > "$T/wasm-bindgen/.opt-sum"
  fi
  cp "$T/wasm-bindgen/opt.wasm" pkg/govreport_core_bg.wasm
else
  cp "$RAW" pkg/govreport_core_bg.wasm
fi
cp "$T/wasm-bindgen/govreport_core.js" "$T/wasm-bindgen/govreport_core.d.ts" pkg/
cp www/govreport.js www/element.js www/viewer.js www/styles.js www/transport.js www/govreport.d.ts pkg/
cp README.md pkg/README.md 2>/dev/null || true
# The entry a page loads is one file (its imports joined in): one request
# before the wasm and the text, not two waves. The separate modules stay in
# pkg/ for pages that import element.js or viewer.js on their own.
node scripts/bundle.mjs pkg/govreport.js "$T/wasm-bindgen/govreport.bundle.js"
if [ "$OPT" = 1 ]; then
  # Minified (terser, from npm): 10 KB gzipped instead of 16.
  node_modules/.bin/terser "$T/wasm-bindgen/govreport.bundle.js" --module --compress --mangle \
    --format "preamble='// govreport: viewer of Chinese government annual reports. Minified bundle of www/*.js and the wasm-bindgen loader; the readable modules are next to this file.'" \
    -o pkg/govreport.js
else
  cp "$T/wasm-bindgen/govreport.bundle.js" pkg/govreport.js
fi

raw=$(wc -c < pkg/govreport_core_bg.wasm)
gz=$(gzip -9 -c pkg/govreport_core_bg.wasm | wc -c)
js=$(gzip -9 -c pkg/govreport.js | wc -c)
echo "[build] pkg/: wasm $raw bytes ($gz gzipped), JavaScript (govreport.js, one file) $js bytes gzipped"
