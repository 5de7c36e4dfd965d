#!/bin/sh
# Trunk post_build hook (Trunk.toml). It first writes the compact binary form of every bundled
# version (dist/policies/<id>/<version>.bin, what the widget reads) with the CLI's `pack`, which
# validates the JSON files first and writes nothing when one is invalid, and writes the bundled
# index into embed.js (scripts/embed-index.mjs), and prerenders each policy's summary and full
# text (dist/policies/<id>/<version>.<lang>[.full].html, src/prerender_main.rs). Trunk builds one page
# per run, so the hook then runs nested `trunk build`s in the same profile, into the bundle:
#   - the modules the widget loads on demand (src/module_slot.rs): the changes module
#     (changes.html, dist/changes/policy-lens-changes{.js,_bg.wasm}) and the text module
#     (text.html, dist/text/policy-lens-text{.js,_bg.wasm});
#   - the authoring page (author.html): dist/author.html plus its assets in dist/author/.
# The nested runs read the same Trunk.toml and skip this hook (POLICY_LENS_NESTED).
# POLICY_LENS_SKIP_AUTHOR=1 skips the authoring page (the benchmark measures the widget only).
# Release builds then minify the JavaScript (scripts/minify.mjs); last, embed.js is written
# inline into the full page (scripts/inline-embed.mjs).
set -eu
[ -n "${POLICY_LENS_NESTED:-}" ] && exit 0
export POLICY_LENS_NESTED=1
release=
[ "${TRUNK_PROFILE:-debug}" = release ] && release=--release

cargo run --quiet -p policy-lens-core --bin policy-lens -- pack policies "$TRUNK_STAGING_DIR/policies"
node scripts/embed-index.mjs "$TRUNK_STAGING_DIR/embed.js" policies/index.json
# The summary and the full text of each policy's latest version, rendered at build time by the
# widget's own components, which embed.js shows while the wasm loads (src/prerender_main.rs).
cargo run --quiet -p policy-lens --features prerender --bin policy-lens-prerender -- policies "$TRUNK_STAGING_DIR/policies"

for module in changes text; do
  out="$TRUNK_STAGING_DIR/$module"
  trunk build $release --public-url "./$module/" --dist "$out" "$module.html"
  rm -f "$out/index.html"
done

if [ -z "${POLICY_LENS_SKIP_AUTHOR:-}" ]; then
  out="$TRUNK_STAGING_DIR/author"
  trunk build $release --public-url ./author/ --dist "$out" author.html
  mv "$out/index.html" "$TRUNK_STAGING_DIR/author.html"
fi

# Release builds ship minified JavaScript (the glue of each wasm module and embed.js), with the
# pages' integrity hashes updated to match (scripts/minify.mjs).
[ -n "$release" ] && node scripts/minify.mjs "$TRUNK_STAGING_DIR"
# The full page carries embed.js inline, so that its data and prerender requests start with the
# page, not a round trip later (scripts/inline-embed.mjs).
node scripts/inline-embed.mjs "$TRUNK_STAGING_DIR"
exit 0
