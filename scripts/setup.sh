#!/usr/bin/env bash
# Installs whatever this project needs that is missing, at pinned versions, and puts the tools on
# PATH. Safe to run again: each step checks first and skips what is already there.
#
#   wasm32-unknown-unknown  rustup target for the browser build
#   trunk 0.21.14           builds and serves the app (0.22 needs a newer rustc)
#   wasm-bindgen-cli        the same version as wasm-bindgen in Cargo.lock; also provides
#                           wasm-bindgen-test-runner for the browser tests
#   node_modules            from package-lock.json: binaryen 132 (wasm-opt), playwright-core and
#                           selenium-webdriver
#   geckodriver 0.37.0      drives Firefox, built from crates.io
#   chromium, chromedriver, firefox-esr, WebKitWebDriver (webkit2gtk-driver, with MiniBrowser),
#   xvfb                    Debian packages, for browser and end-to-end tests in three engines
#
# Source it (". scripts/setup.sh") to keep the PATH it sets, or run it on its own.

set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.0"

say() { printf '==> %s\n' "$*"; }
fail() {
  printf 'setup failed: %s\n' "$*" >&2
  exit 1
}

export PATH="$PROJECT_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

command -v cargo >/dev/null || fail "cargo is missing: install Rust with rustup first (https://rustup.rs)."
command -v npm >/dev/null || fail "npm is missing: install Node.js 20 or newer first."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The app's crates, for every target: the builds after this run offline (`trunk --offline`
# passes `--offline` to cargo), so on a fresh machine they must already be here. A fraction of a
# second once they are.
(cd "$PROJECT_ROOT" && cargo fetch --locked --quiet)

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (takes about 10 minutes, once)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$PROJECT_ROOT/Cargo.lock")"
[ -n "$wasm_bindgen_version" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ] ||
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $wasm_bindgen_version" ]; then
  say "Installing wasm-bindgen-cli $wasm_bindgen_version (matches Cargo.lock)"
  # Not --locked: the registry lacks one of the CLI's locked dependencies.
  cargo install --force wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

lock_stamp="$PROJECT_ROOT/node_modules/.installed-from-lock"
lock_sum="$(sha256sum "$PROJECT_ROOT/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$lock_stamp" 2>/dev/null)" != "$lock_sum" ]; then
  say "Installing node packages from package-lock.json"
  (cd "$PROJECT_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$lock_sum" >"$lock_stamp"
fi

if [ "$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "Installing geckodriver $GECKODRIVER_VERSION from crates.io (about 2 minutes, once)"
  cargo install --force geckodriver --version "$GECKODRIVER_VERSION"
fi

# Each browser engine and its WebDriver server, from Debian; only what is missing is installed.
apt_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
command -v firefox-esr >/dev/null || apt_packages+=(firefox-esr)
# webkit2gtk-driver brings WebKitWebDriver and, through libwebkit2gtk-4.1-0, MiniBrowser.
if ! command -v WebKitWebDriver >/dev/null ||
  [ ! -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; then
  apt_packages+=(webkit2gtk-driver)
fi
command -v xvfb-run >/dev/null || apt_packages+=(xvfb)
if [ "${#apt_packages[@]}" -gt 0 ]; then
  say "Installing Debian's ${apt_packages[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${apt_packages[@]}"
fi
