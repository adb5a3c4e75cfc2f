#!/usr/bin/env bash
# Sets up what is missing and runs every test:
#   formatting and lints (native and wasm32), native tests (unit,
#   integration, property, stress, doc tests, command line), the renderer's
#   wasm-bindgen tests in headless Chromium, the browser tests (node --test)
#   (Playwright driving Debian's Chromium), and a one-iteration smoke run of
#   each benchmark and of the fuzz target's build.
# Ends with a summary; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
. scripts/env.sh

declare -a NAMES=() STATUS=() TIMES=()
run() {
  local name=$1; shift
  local t0=$(date +%s)
  printf '\n\033[1m== %s\033[0m\n' "$name"
  if "$@"; then STATUS+=(ok); else STATUS+=(FAILED); fi
  NAMES+=("$name"); TIMES+=("$(( $(date +%s) - t0 ))s")
}

if [ -d ../shared/corpus ]; then
  echo "corpus: ../shared/corpus found: the fixture copies are checked against it, and the span tests read it too"
else
  echo "corpus: ../shared/corpus not found: those checks are skipped; the tests use the copies in tests/fixtures"
fi
run "cargo fmt --check"                 cargo fmt --check
run "clippy (native, all targets)"      cargo clippy --quiet --all-targets -- -D warnings
run "clippy (wasm32: bindings, view)"   cargo clippy --quiet --lib --tests --target wasm32-unknown-unknown -- -D warnings
run "cargo test (native)"               cargo test --quiet
run "wasm-bindgen tests (headless Chromium)" \
    wasm-pack test --headless --chrome --mode no-install . --test web
run "build the widget (pkg/)"           bash scripts/build-wasm.sh
run "govreport/core in Node: parse() equals the CLI's JSON" node tests/node/core.mjs
run "browser end-to-end (node --test, Playwright)" node --test --test-concurrency=1 tests/browser/
run "npm package: pack, install, Node, tsc, Chromium" node --test tests/package/pack.mjs
run "benchmark smoke (cargo bench --test)" cargo bench --quiet --bench parse -- --test
run "benchmark smoke (node)"            node benches/js/bench.mjs --smoke
run "benchmark smoke (two builds, Node)" node benches/js/ab.mjs pkg pkg --smoke
run "benchmark smoke (compare, Node)"  node benches/js/compare.mjs --smoke
run "benchmark smoke (browser)"         node benches/js/browser.mjs --smoke
run "benchmark smoke (command line)"    node benches/js/cli.mjs --smoke
run "benchmark smoke (first frame)"     node benches/js/frame.mjs --smoke
if command -v valgrind >/dev/null; then
  run "benchmark smoke (wasm instructions)" bash benches/wasm-instructions.sh pkg tests/fixtures/seed.txt 1 2
  run "benchmark smoke (wasm profile)"      bash benches/wasm-profile.sh tests/fixtures/seed.txt 2 3
else
  run "benchmark smoke (wasm instructions: no valgrind, the harness alone)" \
      node benches/js/iterate.mjs pkg tests/fixtures/seed.txt 1
fi
if [ -d fuzz ]; then
  run "fuzz target builds and runs 5 s" bash scripts/fuzz.sh 5
fi

printf '\n\033[1m== summary\033[0m\n'
fail=0
passed=0
for i in "${!NAMES[@]}"; do
  printf '%-8s %-45s %s\n' "${STATUS[$i]}" "${NAMES[$i]}" "${TIMES[$i]}"
  if [ "${STATUS[$i]}" = ok ]; then passed=$((passed + 1)); else fail=$((fail + 1)); fi
done
echo "steps: $passed passed, $fail failed"
fail=$(( fail > 0 ))
exit "$fail"
