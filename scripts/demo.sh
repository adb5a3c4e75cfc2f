#!/usr/bin/env bash
# The main job: set up what is missing, build the widget into pkg/, and
# serve the demo page (the seed report in the viewer) on 127.0.0.1.
#
#   scripts/demo.sh                 serve on http://127.0.0.1:8000/ (PORT=… to change)
#   scripts/demo.sh --parse FILE    no browser: print `govreport parse FILE` (JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--parse" ]; then
  shift
  bash scripts/setup.sh --native
  . scripts/env.sh
  exec cargo run --quiet --release --bin govreport -- parse "$@"
fi
bash scripts/setup.sh
. scripts/env.sh
bash scripts/build-wasm.sh
exec node scripts/serve.mjs --port "${PORT:-8000}"
