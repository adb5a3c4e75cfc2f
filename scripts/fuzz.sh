#!/usr/bin/env bash
# Fuzzes with cargo-fuzz (libFuzzer) for SECONDS (default 60) per target:
# `parse` on report text, `rules` on a user's indicator pattern (the first
# line) and the text after it, `html` on markup (the HTML reader and the
# tables); all start from the corpus fixtures.
# Needs a nightly toolchain (rustup toolchain install nightly) and
# cargo-fuzz (scripts/setup.sh installs it when nightly is there).
#   scripts/fuzz.sh [SECONDS]
# Crashes land in fuzz/artifacts/TARGET/; turn each into a named test in
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
for target in parse rules html; do
  mkdir -p "fuzz/corpus/$target"
  if [ "$target" = html ]; then
    # The portal pages' tables, cut small enough to mutate.
    for f in tests/fixtures/xxgk/*.page.html; do
      tr -d '\n' < "$f" | grep -o '<table.*</table>' | head -c 60000 > "fuzz/corpus/html/$(basename "$f")" || true
    done
    cp -n tests/fixtures/xxgk/xxgk-11.txt "fuzz/corpus/html/" 2>/dev/null || true
  else
    cp -n tests/fixtures/*.txt tests/fixtures/dev/*.txt tests/fixtures/xxgk/*.txt "fuzz/corpus/$target/" 2>/dev/null || true
  fi
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+.*(DONE|pulse|INITED)|stat::|==|SUMMARY|Done)" || true
  test -z "$(ls -A "fuzz/artifacts/$target" 2>/dev/null)" || { echo "[fuzz] crashes in fuzz/artifacts/$target"; exit 1; }
  echo "[fuzz] $target: no crash in ${SECONDS_TO_RUN}s"
done
