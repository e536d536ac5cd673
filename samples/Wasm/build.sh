#!/bin/sh
# Rebuilds pricing.wasm from pricing.c with Debian's clang 14 and lld (apt-get install clang lld);
# the sample runs the committed file, so running it needs no toolchain.
set -eu
cd "$(dirname "$0")"
clang --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--strip-all -Wl,--allow-undefined -o pricing.wasm pricing.c
