#!/usr/bin/env bash
# Fuzzes `parse` with cargo-fuzz (libFuzzer) for SECONDS (default 60),
# starting from the corpus fixtures and the fragments of report text.
# Needs a nightly toolchain (rustup toolchain install nightly) and
# cargo-fuzz (scripts/setup.sh installs it when nightly is there).
#   scripts/fuzz.sh [SECONDS]
# Crashes land in fuzz/artifacts/parse/; turn each into a named test in
# tests/regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
SECONDS_TO_RUN=${1:-60}
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "[fuzz] no nightly toolchain: skipping (rustup toolchain install nightly)"
  exit 0
fi
if ! cargo fuzz --help >/dev/null 2>&1; then
  echo "[fuzz] cargo-fuzz is not installed: run scripts/setup.sh"
  exit 1
fi
mkdir -p fuzz/corpus/parse
cp -n tests/fixtures/*.txt tests/fixtures/dev/*.txt fuzz/corpus/parse/ 2>/dev/null || true
cargo +nightly fuzz run parse fuzz/corpus/parse -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 \
  | grep -E "^(#[0-9]+.*(DONE|pulse|INITED)|stat::|==|SUMMARY|Done)" || true
test -z "$(ls -A fuzz/artifacts/parse 2>/dev/null)" || { echo "[fuzz] crashes in fuzz/artifacts/parse"; exit 1; }
echo "[fuzz] no crash in ${SECONDS_TO_RUN}s"
