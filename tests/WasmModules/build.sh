#!/bin/sh
# Rebuilds the committed .wasm files from their C sources. Needs Debian's clang, lld and wasi-libc:
#   apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32
# (Debian bookworm: clang 14.0.6, wasi-libc 0.0~git20220510.9886d3d-2.) Tests use the committed
# files, so neither CI nor a user needs the toolchain.
set -eu
cd "$(dirname "$0")"
clang --target=wasm32-wasi -O2 -Wl,--strip-all -o wasi_hello.wasm wasi_hello.c
clang --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--strip-all -Wl,--allow-undefined -o kernels.wasm kernels.c
