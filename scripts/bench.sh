#!/usr/bin/env bash
# Runs the benchmarks recorded in BENCHMARKS.md and prints their figures (it changes nothing
# here). Release builds only; nothing here is a test and nothing asserts a time.
#   1. sizes of the release build (and of the embedded-table variant)
#   2. search alone per keystroke, in headless Chromium (tests/bench_search.rs, release wasm)
#   3. search + render + layout per keystroke on the page
#   4. cold start-up to first search results, fetched table against embedded, on loopback and
#      on Lighthouse's slow 4G
#   5. Lighthouse 12 scores, LCP and total blocking time (median of 5)
# Usage: scripts/bench.sh

set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
. "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"

echo "== $(date -u +%Y-%m-%d), $(nproc) cores, $(git rev-parse --short HEAD)"
trunk build --release --offline --locked >/dev/null 2>&1

# The embedded variant: the same tree with the table built into the wasm and no copy of it.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git ls-files -z | xargs -0 tar -cf - | tar -xf - -C "$work"
sed -i '/foods.tsv/d' "$work/index.html"
(cd "$work" && CARGO_TARGET_DIR="$PROJECT_ROOT/target" \
  trunk build --release --offline --locked --features embedded-food-table \
  --dist "$PROJECT_ROOT/target/dist-embedded" >/dev/null 2>&1)

echo "== sizes, fetched table (the release)"
node scripts/sizes.mjs dist
echo "== sizes, embedded table"
node scripts/sizes.mjs target/dist-embedded

echo "== search alone, per keystroke"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --release --locked -p magnesium-planner --target wasm32-unknown-unknown \
  --test bench_search -- --nocapture 2>&1 | grep '^BENCH'

echo "== search + render + layout, per keystroke"
node scripts/bench-page.mjs keystroke dist

echo "== start-up to first results"
for dist in dist target/dist-embedded; do
  node scripts/bench-page.mjs startup "$dist" 10
  SLOW_4G=1 node scripts/bench-page.mjs startup "$dist" 5
done

echo "== Lighthouse 12, mobile preset, median of 5"
node scripts/bench-lighthouse.mjs dist 5
