#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test in order, stopping at the first
# failure with its name:
#   formatting, the food table's reproducibility, clippy (native and wasm32), native tests,
#   browser tests in headless Chromium and headless Firefox,
#   a release build, end-to-end tests against that build served on 127.0.0.1 (Chromium), and
#   one WebDriver journey through it in Chromium, Firefox and WebKit.
# An engine that cannot start at all on this machine is reported in one line and skipped; a test
# that fails once its engine has started always fails the run.

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

# Incremental caches only pay off while editing; a run from a clean clone writes them for nothing.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# The builds below take a few GB; a run that stops for want of disk should say so at once.
free_kb="$(df -Pk "$PROJECT_ROOT" | awk 'NR == 2 { print $4 }')"
printf '==> %s MB free on the disk that holds target/\n' "$((free_kb / 1024))"
if [ "$free_kb" -lt $((3 * 1024 * 1024)) ]; then
  printf 'warning: less than 3 GB free; the builds may run out of disk\n' >&2
fi

step "cargo fmt --check" cargo fmt --all -- --check
step "food table reproduces from the USDA source" scripts/generate-food-table.sh --check
step "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
# On wasm32 only the app and its browser tests exist; the domain tests and tools are native.
step "clippy (wasm32)" cargo clippy -p magnesium-planner --lib --bins "${browser_tests[@]}" \
  --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --workspace --locked
# Runs step "$1" (the rest of the arguments) if engine "$2" starts here, else says in one line why
# it is skipped. Only a failure to start is skipped: the check opens a real session first.
step_if_engine_starts() {
  local name="$1" engine="$2" status=0 reason
  shift 2
  reason="$(node tests/webdriver/engines.mjs "$engine")" || status=$?
  case "$status" in
    0) step "$name" "$@" ;;
    2) printf '\n==> SKIPPED %s: %s\n' "$name" "$reason" ;;
    *)
      printf '%s\n\nFAILED: %s (checking that %s starts)\n' "$reason" "$name" "$engine" >&2
      exit 1
      ;;
  esac
}

# wasm-bindgen-test-runner takes GECKODRIVER before CHROMEDRIVER, and else the first driver on
# PATH (geckodriver, in ~/.cargo/bin); each run names its driver. Capabilities: webdriver.json.
# Chromium is required (it runs the end-to-end tests too), so it is not allowed to be skipped.
step "browser tests (headless Chromium)" env -u GECKODRIVER \
  CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p magnesium-planner --locked --target wasm32-unknown-unknown "${browser_tests[@]}"
step_if_engine_starts "browser tests (headless Firefox)" firefox env -u CHROMEDRIVER \
  GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver || true)}" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p magnesium-planner --locked --target wasm32-unknown-unknown "${browser_tests[@]}"
step "release build" trunk build --release --offline --locked
# Sizes are deterministic, so unlike timings they may be held by a test.
step "size budgets (release build)" node scripts/sizes.mjs dist --check
step "end-to-end tests (Playwright, release build)" node --test --test-reporter=spec tests/e2e/
step "WebDriver journey in Chromium, Firefox and WebKit (release build)" \
  node --test --test-reporter=spec tests/webdriver/
