#!/usr/bin/env bash
# Builds the release app twice, with cargo opt-level "s" + wasm-opt -Os and with opt-level "z" +
# wasm-opt -Oz (both with fat LTO and one codegen unit, as in Cargo.toml), and prints the sizes
# of each. Works on a copy of the committed tree in a temporary folder; changes nothing here.
# Usage: scripts/compare-opt-levels.sh   (after scripts/setup.sh has installed the tools)

set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PROJECT_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for level in s z; do
  copy="$work/$level"
  mkdir -p "$copy"
  (cd "$PROJECT_ROOT" && git ls-files -z | xargs -0 tar -cf - | tar -xf - -C "$copy")
  sed -i "s/data-wasm-opt=\"[a-z0-9]*\"/data-wasm-opt=\"$level\"/" "$copy/index.html"
  echo "==> opt-level \"$level\", wasm-opt -O$level"
  (cd "$copy" && CARGO_PROFILE_RELEASE_OPT_LEVEL="$level" CARGO_TARGET_DIR="$work/target-$level" \
    trunk build --release --offline --locked >/dev/null 2>&1)
  node "$PROJECT_ROOT/scripts/sizes.mjs" "$copy/dist"
done
