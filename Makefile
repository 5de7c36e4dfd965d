# Policy Lens. `make serve` sets up and starts the preview; `make test` sets up and runs every test.
# Every trunk build also builds the authoring page (author.html) through the post_build hook in
# Trunk.toml (scripts/build-extra.sh), with the changes module (dist/changes/), a second wasm
# module the widget loads on demand: dist/author.html and dist/author/.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve test test-native test-browser build size size-profile bench fuzz-smoke eval

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
	cargo clippy -p policy-lens --all-targets --features author -- -D warnings
	cargo clippy -p policy-lens --bin policy-lens-prerender --features prerender -- -D warnings
	cargo clippy -p policy-lens --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p policy-lens --target wasm32-unknown-unknown --features author -- -D warnings
	cargo clippy -p policy-lens --target wasm32-unknown-unknown --no-default-features --features changes-module -- -D warnings
	cargo clippy -p policy-lens --target wasm32-unknown-unknown --no-default-features --features text-module -- -D warnings
	cargo test --workspace
	cargo test -p policy-lens --features author --lib author

test-browser:
	trunk build --release
	node --test --test-concurrency=1 tests/browser/

size: build
	@scripts/size.sh

# Size profile of the widget's wasm per crate and module, and its largest functions (twiggy on
# the cargo output before wasm-opt, which still has its names). Installs twiggy when missing.
size-profile: build
	@command -v twiggy >/dev/null || cargo install twiggy --locked
	@node scripts/size-profile.mjs
	@echo; echo "The changes module (loaded on demand):"
	@node scripts/size-profile.mjs $${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/policy-lens-changes.wasm 10

# Benchmark (not a test: nothing fails on numbers). Builds the release bundle and the CLI, then
# prints the machine and one markdown table (size, load to ready, memory, diff speed, CLI).
# The bundle goes to its own directory so that a `trunk serve` running meanwhile (which rewrites
# dist/ with a debug build) cannot change what is measured.
BENCH_DIST := target/bench-dist
bench: setup
	POLICY_LENS_SKIP_AUTHOR=1 trunk build --release --dist $(BENCH_DIST)
	cargo build --release -p policy-lens-core
	BENCH_DIST=$(BENCH_DIST) node scripts/bench.mjs

# Extractor evaluation (a measurement, not a test: nothing fails on numbers). Prints precision
# and recall per facet on the bundled hand-reviewed versions and on the labelled fixtures under
# core/tests/fixtures/extract/. `make eval EVAL_ARGS=-v` also lists every miss and wrong guess.
EVAL_ARGS ?=
eval:
	cargo run --quiet -p policy-lens-core --example eval -- $(EVAL_ARGS)
	cargo run --quiet -p policy-lens-core --example import_report

# Fuzzing smoke run: each cargo-fuzz target (fuzz/) for FUZZ_SECS seconds, one after another.
# Needs the nightly toolchain; installs cargo-fuzz when missing. Longer: make fuzz-smoke FUZZ_SECS=600
FUZZ_SECS ?= 60
FUZZ_TARGETS ?= import import_markup validate diff embed_options binary
fuzz-smoke:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  dict=; [ $$t = validate ] && dict=-dict=fuzz/validate.dict; \
	  echo "== fuzz $$t for $(FUZZ_SECS) s"; \
	  cargo +nightly fuzz run $$t fuzz/corpus/$$t fuzz/seeds/$$t -- \
	    -max_total_time=$(FUZZ_SECS) -max_len=16384 -timeout=10 $$dict 2>&1 | grep -E '^Done|^#[0-9]+ *DONE|panicked|ERROR|SUMMARY|Test unit' ; \
	  test $${PIPESTATUS[0]} -eq 0; \
	done
