#!/usr/bin/env bash
# Prints the release bundle sizes: widget JS and wasm (raw, gzip -9, brotli when available),
# and each bundled policy's data separately. Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
gz() { gzip -9 -c "$1" | wc -c; }
br() { if command -v brotli >/dev/null; then brotli -c -q 11 "$1" | wc -c; else echo "-"; fi; }
row() { printf '| %-44s | %9s | %9s | %9s |\n' "$1" "$2" "$3" "$4"; }
row "file" "raw" "gzip -9" "brotli"
row "--------------------------------------------" "---------" "---------" "---------"
total_raw=0; total_gz=0
for f in dist/*.js dist/*.wasm dist/*.css; do
  [ -f "$f" ] || continue
  r=$(wc -c <"$f"); g=$(gz "$f"); total_raw=$((total_raw + r)); total_gz=$((total_gz + g))
  row "widget: ${f#dist/}" "$r" "$g" "$(br "$f")"
done
row "widget total (data excluded)" "$total_raw" "$total_gz" ""
for f in dist/policies/*/*.json; do
  row "data: ${f#dist/policies/}" "$(wc -c <"$f")" "$(gz "$f")" "$(br "$f")"
done
# The changes module loads on demand, after the summary: outside the first bundle's budget.
for f in dist/changes/*.js dist/changes/*.wasm; do
  [ -f "$f" ] || continue
  row "changes module: ${f#dist/changes/}" "$(wc -c <"$f")" "$(gz "$f")" "$(br "$f")"
done
# The authoring page is its own bundle, outside the widget's size budget.
for f in dist/author/*.js dist/author/*.wasm; do
  [ -f "$f" ] || continue
  row "author page: ${f#dist/author/}" "$(wc -c <"$f")" "$(gz "$f")" "$(br "$f")"
done
