#!/usr/bin/env bash
# Installs whatever is missing, then builds the app and serves it on http://127.0.0.1:8080/,
# rebuilding on every change. Pass --release to serve an optimised build instead.

set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
. "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"

echo "==> Magnesium Planner will be at http://127.0.0.1:8080/ once built (Ctrl-C stops it)"
exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
