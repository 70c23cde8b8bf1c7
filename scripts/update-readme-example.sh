#!/usr/bin/env bash
# Regenerates the README's worked example (between the gaps-example markers)
# from the current data. tests/cli.rs fails while the two differ.
set -euo pipefail
cd "$(dirname "$0")/.."
example=$(mktemp)
trap 'rm -f "$example" README.md.new' EXIT
cargo run -q -- gaps doha afg-pak-proposal-2026 --format markdown > "$example"
awk -v example="$example" '
  /<!-- gaps-example:start -->/ { print; while ((getline line < example) > 0) print line; skip = 1; next }
  /<!-- gaps-example:end -->/ { skip = 0 }
  !skip { print }
' README.md > README.md.new
mv README.md.new README.md
