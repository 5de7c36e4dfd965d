#!/bin/sh
# Trunk post_build hook (Trunk.toml): builds the authoring page, author.html, with its own wasm
# into the bundle being built, as author.html plus its assets in author/. Trunk builds one page
# per run, so this hook runs a second, nested `trunk build` in the same profile; the nested run
# reads the same Trunk.toml and skips this hook. POLICY_LENS_SKIP_AUTHOR=1 skips it too (the
# benchmark measures the widget only).
set -eu
[ -n "${POLICY_LENS_SKIP_AUTHOR:-}" ] && exit 0
export POLICY_LENS_SKIP_AUTHOR=1
release=
[ "${TRUNK_PROFILE:-debug}" = release ] && release=--release
out="$TRUNK_STAGING_DIR/author"
trunk build $release --public-url ./author/ --dist "$out" author.html
mv "$out/index.html" "$TRUNK_STAGING_DIR/author.html"
