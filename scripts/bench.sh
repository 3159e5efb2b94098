#!/usr/bin/env bash
# Runs every benchmark and rewrites the generated part of BENCHMARKS.md with the figures
# (between its "bench.sh writes" markers; the prose around them is written by hand).
# Release builds only; nothing here is a test and nothing asserts a time.
#   1. sizes of the release build and of the embedded-table variant, against the budgets
#   2. search alone per keystroke in headless Chromium, side by side with Fuse.js in the
#      same page on the same foods, and top-3 accuracy of both (tests/bench_search.rs)
#   3. search + render + layout per keystroke on the page
#   4. cold start-up to first search results, fetched table against embedded, on loopback
#      and on Lighthouse's slow 4G
#   5. editing a 100-food plan: time to the new total, painted
#   6. native Criterion benches of the domain (benches/domain.rs)
#   7. Lighthouse 12 scores, LCP and total blocking time (median of 5)
#   8. the main thread's long tasks in a trace of cold loads at 4x CPU slowdown
# Usage: scripts/bench.sh   (about 15 minutes on 2 cores; raw output in target/bench/)

set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
. "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"

out="$PROJECT_ROOT/target/bench"
rm -rf "$out"
mkdir -p "$out"
{
  echo "date=$(date -u +%Y-%m-%d)"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock index.html style data || echo '+changes')"
  echo "cores=$(nproc)"
  echo "memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "chromium=$(chromium --version | awk '{print $2}')"
  echo "rustc=$(rustc --version | awk '{print $2}')"
  # The 1, 5 and 15 minute load averages: timings on 2 shared cores depend on them.
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
} >"$out/machine.txt"
say() { printf '==> %s\n' "$*"; }

say "release builds (fetched table, and the embedded-table variant)"
trunk build --release --offline --locked >"$out/build.log" 2>&1 || {
  tail -20 "$out/build.log"
  exit 1
}
# The embedded variant: the same tree with the table built into the wasm and no copy of it.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git ls-files -z | xargs -0 tar -cf - | tar -xf - -C "$work"
# The post-build hook minifies with terser from the project's node_modules.
ln -s "$PROJECT_ROOT/node_modules" "$work/node_modules"
sed -i '/foods.tsv/d' "$work/index.html"
(cd "$work" && CARGO_TARGET_DIR="$PROJECT_ROOT/target" \
  trunk build --release --offline --locked --features embedded-food-table \
  --dist "$PROJECT_ROOT/target/dist-embedded") >"$out/build-embedded.log" 2>&1 || {
  tail -20 "$out/build-embedded.log"
  exit 1
}

say "sizes"
node scripts/sizes.mjs dist --check | tee "$out/sizes.txt"
node scripts/sizes.mjs target/dist-embedded | tee "$out/sizes-embedded.txt"

say "search alone, and Fuse.js, per keystroke (about a minute in the page)"
# CHROMEDRIVER chooses Chromium; the runner would otherwise take the first driver on PATH.
env -u GECKODRIVER CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=300 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --release --locked -p magnesium-planner --target wasm32-unknown-unknown \
  --test bench_search -- --nocapture >"$out/search.log" 2>&1 || {
  tail -30 "$out/search.log"
  exit 1
}
grep '^BENCH' "$out/search.log" | tee "$out/search.txt"

say "search + render + layout, per keystroke"
node scripts/bench-page.mjs keystroke dist | tee "$out/keystroke.txt"

say "start-up to first results"
for dist in dist target/dist-embedded; do
  node scripts/bench-page.mjs startup "$dist" 10
  SLOW_4G=1 node scripts/bench-page.mjs startup "$dist" 5
done | tee "$out/startup.txt"

say "editing a plan of 100 foods"
node scripts/bench-page.mjs plan-edit dist | tee "$out/plan-edit.txt"

say "native Criterion benches"
cargo bench --locked --bench domain >"$out/criterion.txt" 2>&1 || {
  tail -30 "$out/criterion.txt"
  exit 1
}
grep -E 'time:' "$out/criterion.txt" || true

say "Lighthouse 12, mobile preset, median of 5"
node scripts/bench-lighthouse.mjs dist 5 | tee "$out/lighthouse.txt"

say "long tasks of a cold load at 4x CPU, median of 5"
node scripts/bench-trace.mjs dist 5 | tee "$out/trace.txt"

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')" >>"$out/machine.txt"
node scripts/bench-report.mjs "$out" BENCHMARKS.md
say "BENCHMARKS.md rewritten from $out"
