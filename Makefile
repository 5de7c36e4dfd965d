# Policy Lens. `make serve` sets up and starts the preview; `make test` sets up and runs every test.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve test test-native test-browser build size bench fuzz-smoke

setup:
	@scripts/setup.sh

serve: setup
	trunk serve

build: setup
	trunk build --release

test: setup test-native test-browser

test-native:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p policy-lens --target wasm32-unknown-unknown -- -D warnings
	cargo test --workspace

test-browser:
	trunk build --release
	node --test --test-concurrency=1 tests/browser/

size: build
	@scripts/size.sh
