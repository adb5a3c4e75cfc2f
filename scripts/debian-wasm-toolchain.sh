#!/usr/bin/env bash
# Fallback for machines where rustup cannot fetch the wasm32 standard
# library: Debian's rustc-web toolchain, with a wasm32 std built once from
# its sources (see shared notes: 34–53 s). Leaves target/debian-toolchain
# as a marker that scripts/env.sh reads; a normal rustup setup never runs
# this.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  rustc-web cargo-web rust-web-src rust-web-llvm lld-22 >/dev/null

# cargo runs the first rustc on PATH: make Debian's win over rustup's proxies.
mkdir -p target/debian-bin
for tool in cargo rustc rustdoc; do ln -sf "/usr/bin/$tool" "target/debian-bin/$tool"; done
export PATH="$PWD/target/debian-bin:$PATH"

SYSROOT_LIB="$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib"
if [ ! -d "$SYSROOT_LIB" ] || [ -z "$(ls "$SYSROOT_LIB" 2>/dev/null)" ]; then
  probe=target/debian-std/probe
  rm -rf "$probe"
  mkdir -p "$probe/src"
  printf '[package]\nname = "probe"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n' > "$probe/Cargo.toml"
  echo '' > "$probe/src/lib.rs"
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Cembed-bitcode=yes" cargo build --release \
    --manifest-path "$probe/Cargo.toml" --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort,test
  as_root mkdir -p "$SYSROOT_LIB"
  find "$probe/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libprobe-*' \
    -exec cp {} "$SYSROOT_LIB/" \; 2>/dev/null || \
    as_root find "$probe/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libprobe-*' -exec cp {} "$SYSROOT_LIB/" \;
fi
rustc -vV > target/debian-toolchain
echo "[setup] Debian rustc-web toolchain with a wasm32 std is ready"
