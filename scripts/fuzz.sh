#!/usr/bin/env bash
# Fuzzes PeatConsole's decoders and user-text parsers with libFuzzer.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     (default: 60 s, every target)
# Targets: jsonl, delimited (stream decoders), keys (key scripts driving the console),
# live (bytes in arbitrary reads through the reader, the bounded inbox and the app to frames),
# recording (the recording reader and replay: damage, prefix consistency, seeking back).
# Seeds come from assets/fuzz/<target>/; what libFuzzer finds goes to a scratch copy, and a
# crashing input is saved as fuzz-crash-<target>-* in the current directory.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jsonl delimited keys live recording)

# lld: gold cannot link libFuzzer's objects with Swift's renamed entry point.
echo "fuzz: building peat-fuzz with libFuzzer and AddressSanitizer"
if ! swift build -c release --scratch-path .build-fuzz --product peat-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld > .build-fuzz.log 2>&1; then
  grep -vE "asan_check|__asan_extra" .build-fuzz.log | tail -n 40
  echo "fuzz: build failed"
  exit 1
fi
bin=.build-fuzz/release/peat-fuzz
export SWIFT_BACKTRACE=enable=no   # else a crash waits for the backtracer

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  cp assets/fuzz/"$t"/* "$work/$t/" 2>/dev/null || true
  echo "fuzz: $t for ${seconds}s"
  if ! "$bin" "$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="fuzz-crash-$t-" -print_final_stats=1 "$work/$t" > "$work/$t.log" 2>&1; then
    status=1
    tail -n 40 "$work/$t.log"
    echo "fuzz: $t FAILED (input saved as fuzz-crash-$t-*)"
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$t.log" | sed "s/^/fuzz: $t /"
  fi
done
exit $status
