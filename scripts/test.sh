#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test in order, stopping at the first
# failure with its name:
#   formatting, the food table's reproducibility, clippy (native and wasm32), native tests,
#   browser tests in headless Chromium,
#   a release build, and end-to-end tests against that build served on 127.0.0.1.

set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
. "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"

step() {
  local name="$1"
  shift
  printf '\n==> %s\n' "$name"
  if ! "$@"; then
    printf '\nFAILED: %s\n' "$name" >&2
    exit 1
  fi
}

browser_tests=()
for file in tests/web_*.rs; do
  browser_tests+=(--test "$(basename "$file" .rs)")
done

step "cargo fmt --check" cargo fmt --all -- --check
step "food table reproduces from the USDA source" scripts/generate-food-table.sh --check
step "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
# On wasm32 only the app and its browser tests exist; the domain tests and tools are native.
step "clippy (wasm32)" cargo clippy -p magnesium-planner --lib --bins "${browser_tests[@]}" \
  --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --workspace --locked
step "browser tests (headless Chromium)" env \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p magnesium-planner --locked --target wasm32-unknown-unknown "${browser_tests[@]}"
step "release build" trunk build --release --offline --locked
step "end-to-end tests (Playwright, release build)" node --test --test-reporter=spec tests/e2e/
