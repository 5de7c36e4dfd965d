#!/usr/bin/env bash
# One-command set-up for a fresh Debian machine whose only network access is the package
# registries (crates.io, npm, Debian). Installs only what is missing, so a second run takes
# seconds. Nothing is downloaded from GitHub or any other host.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! have trunk || [ "$(trunk --version | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 10 minutes of CPU)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Chromium for the browser tests, and CJK fonts so Chinese policies render as text, not boxes.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  step "apt-get install chromium chromium-driver fonts-noto-cjk"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk
fi

# Node packages of the browser tests, wasm-opt (npm binaryen) and esbuild (the release build minifies
# its JavaScript and CSS with it): only when the lock changed.
stamp=node_modules/.policy-lens-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  step "npm ci"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

# Trunk looks for wasm-opt on the PATH, but npm puts it in node_modules/.bin, which only the
# Makefile adds. A small wrapper in ~/.cargo/bin (next to trunk) makes a plain `trunk serve`
# or `trunk build --release` work too: it runs the project's own wasm-opt (the current
# directory's, else this checkout's). A wasm-opt installed there by anything else is left alone.
wasm_opt_bin="${CARGO_HOME:-$HOME/.cargo}/bin/wasm-opt"
wasm_opt_wrapper="#!/bin/sh
# Installed by Policy Lens scripts/setup.sh: runs npm binaryen's wasm-opt for trunk.
for d in \"\$PWD\" '$PWD'; do
  if [ -x \"\$d/node_modules/.bin/wasm-opt\" ]; then exec \"\$d/node_modules/.bin/wasm-opt\" \"\$@\"; fi
done
echo 'wasm-opt: run scripts/setup.sh of Policy Lens first (npm ci installs it)' >&2
exit 127"
if [ ! -e "$wasm_opt_bin" ] || grep -qs 'Installed by Policy Lens scripts/setup.sh' "$wasm_opt_bin"; then
  if [ "$(cat "$wasm_opt_bin" 2>/dev/null)" != "$wasm_opt_wrapper" ]; then
    step "install the wasm-opt wrapper in $(dirname "$wasm_opt_bin")"
    mkdir -p "$(dirname "$wasm_opt_bin")"
    printf '%s\n' "$wasm_opt_wrapper" > "$wasm_opt_bin.tmp"
    chmod 755 "$wasm_opt_bin.tmp"
    mv "$wasm_opt_bin.tmp" "$wasm_opt_bin"
  fi
fi
npm_wasm_opt_version=$(node_modules/.bin/wasm-opt --version)
path_wasm_opt_version=$(cd / && PATH="$(dirname "$wasm_opt_bin"):$PATH" wasm-opt --version 2>/dev/null || true)
if [ "$path_wasm_opt_version" != "$npm_wasm_opt_version" ]; then
  echo "wasm-opt on the PATH reports \"$path_wasm_opt_version\", npm binaryen \"$npm_wasm_opt_version\"; trunk needs the latter" >&2
  exit 1
fi

step "cargo fetch"
cargo fetch --quiet
echo "set-up complete: trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/.bin/wasm-opt --version), $(/usr/bin/chromium --version 2>/dev/null)"
