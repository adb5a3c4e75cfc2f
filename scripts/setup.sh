#!/usr/bin/env bash
# Installs what govreport's build and tests need, and nothing that is
# already there. Safe to run again: a set-up machine takes seconds.
#
#   scripts/setup.sh            everything (wasm toolchain, browser, npm packages)
#   scripts/setup.sh --native   only what the native build needs (nothing but cargo)
#
# What it installs, each only when missing:
#   1. a Rust standard library for wasm32-unknown-unknown: rustup's target,
#      or (when rustup cannot fetch it) Debian's rustc-web toolchain with a
#      std built once from its sources;
#   2. wasm-bindgen-cli at exactly the version in Cargo.lock, and wasm-pack
#      (cargo install, cached in ~/.cargo/bin);
#   3. Debian's chromium and chromium-driver, and a CJK font (apt-get);
#   4. npm packages from package-lock.json (npm ci): playwright-core (no
#      browser download), binaryen's wasm-opt, axe-core, and the
#      benchmark's peer.
# Nothing downloads a browser or a prebuilt binary: wasm-pack is told
# never to install tools, and Playwright drives the Debian chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=scripts/env.sh
. scripts/env.sh

NATIVE_ONLY=0
[ "${1:-}" = "--native" ] && NATIVE_ONLY=1

T0=$(date +%s)
step() { STEP_T=$(date +%s); printf '\033[1m[setup]\033[0m %s\n' "$*"; }
done_step() { printf '[setup]   … %ss\n' "$(( $(date +%s) - STEP_T ))"; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif have sudo; then sudo "$@"
  else echo "[setup] need root for: $*" >&2; return 1; fi
}

if ! have cargo; then
  echo "[setup] cargo not found: install Rust from https://rustup.rs first" >&2
  exit 1
fi
[ "$NATIVE_ONLY" = 1 ] && exit 0

# --- 1. wasm32 standard library -----------------------------------------
wasm_std_ok() {
  # A real probe: compile an empty no_std crate for wasm32.
  local probe="$ROOT/target/setup-probe"
  mkdir -p "$probe"
  echo '#![no_std]' > "$probe/lib.rs"
  rustc --edition 2021 --crate-type rlib --target wasm32-unknown-unknown \
    -o "$probe/libprobe.rlib" "$probe/lib.rs" >/dev/null 2>&1
}
if ! wasm_std_ok; then
  step "wasm32 standard library"
  if have rustup; then
    timeout 300 rustup target add wasm32-unknown-unknown || true
  fi
  if ! wasm_std_ok; then
    echo "[setup] rustup has no wasm32 std here; falling back to Debian's rustc-web"
    bash scripts/debian-wasm-toolchain.sh
    . scripts/env.sh
  fi
  wasm_std_ok || { echo "[setup] no wasm32 standard library could be installed" >&2; exit 1; }
  done_step
fi

# --- 2. wasm-bindgen-cli (= Cargo.lock) and wasm-pack ---------------------
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  echo "[setup] Cargo.lock has no wasm-bindgen entry" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  step "wasm-bindgen-cli $WB_VERSION (cargo install, about 2 minutes)"
  # Not --locked: one of its pinned dependencies is missing from the index here.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
  done_step
fi
if ! have wasm-pack; then
  step "wasm-pack (cargo install, about 2 minutes)"
  cargo install wasm-pack --locked
  done_step
fi

# cargo-fuzz, for the fuzz target's smoke run (only where a nightly
# toolchain exists; libFuzzer needs it).
if rustup toolchain list 2>/dev/null | grep -q '^nightly' && ! cargo fuzz --help >/dev/null 2>&1; then
  step "cargo-fuzz (cargo install, under a minute)"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
  done_step
fi

# --- 3. Chromium, its driver, a CJK font --------------------------------
if [ -z "$(find_chrome)" ] || [ -z "$(find_chromedriver)" ] || ! fc-list 2>/dev/null | grep -qiE 'wqy|noto sans cjk|source han|droid sans fallback'; then
  step "chromium, chromium-driver, fonts-wqy-microhei (apt-get)"
  if have apt-get; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium chromium-driver fonts-wqy-microhei >/dev/null
  else
    echo "[setup] no apt-get: install Chromium (or Chrome) and its chromedriver yourself," >&2
    echo "[setup] or set CHROME=/path/to/chrome and CHROMEDRIVER=/path/to/chromedriver" >&2
  fi
  done_step
fi

# --- 4. npm packages ------------------------------------------------------
LOCK_SUM=$(sha256sum package-lock.json | cut -c1-16)
if [ ! -f node_modules/.govreport-lock ] || [ "$(cat node_modules/.govreport-lock)" != "$LOCK_SUM" ]; then
  step "npm ci (playwright-core, binaryen, axe-core, recognizers-text)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_SUM" > node_modules/.govreport-lock
  done_step
fi

printf '[setup] ready (%ss)\n' "$(( $(date +%s) - T0 ))"
