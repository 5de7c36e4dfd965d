#!/usr/bin/env bash
# Native CLI benchmark: `policy-lens diff` on version pairs and `policy-lens validate policies/`,
# each run RUNS times (default 20) as a whole process (start-up, reading, parsing, output).
# Prints one tab-separated line per case: name, median ms, min ms, max ms, input bytes.
#   scripts/bench-native.sh [LABEL OLD NEW]...    extra diff pairs after the Zeekr pair
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
RUNS=${RUNS:-20}
cargo build --release -q -p policy-lens-core >&2
bin=${CARGO_TARGET_DIR:-target}/release/policy-lens

# time_case NAME BYTES CMD...: runs CMD RUNS times (after one warm-up) and prints the line.
time_case() {
  local name=$1 bytes=$2; shift 2
  "$@" >/dev/null
  local ts=() t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    ts+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk -v name="$name" -v bytes="$bytes" '
    { v[NR] = $1 }
    END {
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%s\t%.2f\t%.2f\t%.2f\t%d\n", name, med / 1000, v[1] / 1000, v[NR] / 1000, bytes
    }'
}

size() { cat "$@" | wc -c; }

old=policies/zeekr/2025-11-10.json new=policies/zeekr/2025-12-31.json
time_case "diff zeekr" "$(size "$old" "$new")" "$bin" diff "$old" "$new"
while (($# >= 3)); do
  time_case "diff $1" "$(size "$2" "$3")" "$bin" diff "$2" "$3"
  shift 3
done
time_case "validate policies/" "$(size policies/*/*.json)" "$bin" validate policies/
