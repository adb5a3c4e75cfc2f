# Sourced by the scripts: PATH and tool discovery. Detects, never assumes.
export PATH="$HOME/.cargo/bin:$PATH"
# wasm-pack must never download a tool (wasm-bindgen, chromedriver, wasm-opt).
export WASM_PACK_CACHE="${WASM_PACK_CACHE:-$PWD/target/wasm-pack-cache}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Debian's rustc-web fallback (scripts/debian-wasm-toolchain.sh) leaves a
# marker; a normal rustup setup never has it.
if [ -f "$PWD/target/debian-toolchain" ] && [ -d "$PWD/target/debian-bin" ]; then
  export PATH="$PWD/target/debian-bin:$PATH"
fi

find_chrome() {
  for c in "${CHROME:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome \
           "$(command -v chromium 2>/dev/null)" "$(command -v google-chrome 2>/dev/null)"; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return; }
  done
}
find_chromedriver() {
  for c in "${CHROMEDRIVER:-}" /usr/bin/chromedriver "$(command -v chromedriver 2>/dev/null)"; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return; }
  done
}
