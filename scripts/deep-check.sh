#!/usr/bin/env bash
# The deep check: the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, the
# whole suite under ThreadSanitizer (it includes 8 threads sharing one client of each family), and
# every libFuzzer target in tests/fuzz for a given time. Slow (tens of minutes); not part of
# scripts/test.sh. Every sanitizer halts on its first report; the only suppressions are in
# tests/sanitizers/. Ends with a summary and exits non-zero on any failure, report or finding.
#
#   scripts/deep-check.sh [--fuzz-time SECONDS] [--skip-asan] [--skip-tsan] [--skip-fuzz] [-j N]
#
# Build directories: build-asan, build-tsan, build-fuzz (clang). Fuzz findings are written to
# build-fuzz/findings/<target>/; the corpus grown during a run stays in build-fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

fuzz_time=300
run_asan=true run_tsan=true run_fuzz=true
jobs=$(nproc)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fuzz-time) fuzz_time=${2:?}; shift 2 ;;
    --skip-asan) run_asan=false; shift ;;
    --skip-tsan) run_tsan=false; shift ;;
    --skip-fuzz) run_fuzz=false; shift ;;
    -j) jobs=${2:?}; shift 2 ;;
    -j[0-9]*) jobs=${1#-j}; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "deep-check: unknown option $1" >&2; exit 2 ;;
  esac
done

./scripts/setup.sh --deep-check
export CC=clang CXX=clang++   # used when a build directory is configured for the first time

summary=()
failed=0
note() { summary+=("$1"); }
fail() { summary+=("FAIL: $1"); failed=1; }

# Every report goes to its own file in $1, so that the summary can count them and none is lost in
# the test output; stack traces are symbolized and printed in full.
sanitizer_env() {
  local logs=$1
  rm -rf "$logs"
  mkdir -p "$logs"
  export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:log_path=$logs/asan"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/tests/sanitizers/ubsan.supp:log_path=$logs/ubsan"
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/tests/sanitizers/tsan.supp:log_path=$logs/tsan"
  if [[ $2 == tsan ]]; then unset ASAN_OPTIONS UBSAN_OPTIONS; else unset TSAN_OPTIONS; fi
}

# Counts report files; prints the first lines of each.
count_reports() {
  local logs=$1 n=0 f
  for f in "$logs"/*; do
    [[ -s "$f" ]] || continue
    n=$((n + 1))
    echo "---- $f" >&2
    head -n 40 "$f" >&2
  done
  echo "$n"
}

# $1 name, $2 build dir, $3 flags, $4 asan or tsan: configures, builds, runs ctest with the
# sanitizer environment; records tests passed, reports and the time taken.
suite() {
  local name=$1 dir=$2 flags=$3 kind=$4 start=$SECONDS
  echo "== $name: build ($dir)"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DDELIVERY_BUILD_BENCH=OFF "-DCMAKE_CXX_FLAGS=$flags" >/dev/null
  cmake --build "$dir" -j"$jobs"
  local built=$((SECONDS - start))
  echo "== $name: ctest"
  sanitizer_env "$root/$dir/sanitizer-logs" "$kind"
  local rc=0
  (cd "$dir" && ctest --output-on-failure -j"$jobs" --timeout 900 2>&1 | tee ctest.log) || rc=$?
  local reports passed total
  reports=$(count_reports "$root/$dir/sanitizer-logs")
  passed=$(sed -n 's/^\([0-9]*\)% tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\3 \2/p' "$dir/ctest.log" | tail -1)
  total=${passed% *}
  passed=$(( ${total:-0} - ${passed#* } ))
  local line="$name: $passed/${total:-?} tests passed, $reports sanitizer reports (build ${built}s, tests $((SECONDS - start - built))s)"
  if [[ $rc -ne 0 || $reports -ne 0 || -z "$total" ]]; then fail "$line"; else note "$line"; fi
  unset ASAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS
}

if $run_asan; then
  suite "ASan+UBSan" build-asan "-fsanitize=address,undefined -fno-omit-frame-pointer" asan
fi
if $run_tsan; then
  suite "TSan" build-tsan "-fsanitize=thread -O1 -fno-omit-frame-pointer" tsan
fi

if $run_fuzz; then
  start=$SECONDS
  dir=build-fuzz
  echo "== fuzz: build ($dir)"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DDELIVERY_BUILD_FUZZ=ON -DDELIVERY_BUILD_TESTS=OFF \
    -DDELIVERY_BUILD_EXAMPLES=OFF -DDELIVERY_BUILD_BENCH=OFF \
    "-DCMAKE_CXX_FLAGS=-O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" >/dev/null
  cmake --build "$dir" -j"$jobs"
  note "fuzz: build $((SECONDS - start))s"
  for target in tablestore_response dis_response kafka_response emulator_request spec_file; do
    start=$SECONDS
    echo "== fuzz: $target for ${fuzz_time}s"
    # libFuzzer reports a crash itself and saves the input: reports stay in the target's log.
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/tests/sanitizers/ubsan.supp"
    corpus="$dir/corpus/$target"
    findings="$dir/findings/$target"
    mkdir -p "$corpus" "$findings"
    rm -f "$findings"/*
    rc=0
    "$dir/tests/fuzz/${target}_fuzzer" -max_total_time="$fuzz_time" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "tests/fuzz/corpus/$target" \
      >"$dir/fuzz-$target.log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz-$target.log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/fuzz-$target.log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$dir/fuzz-$target.log" | tail -1 || true)
    nfind=$(find "$findings" -type f | wc -l)
    line="fuzz $target: ${execs:-?} execs, ${speed:-?} execs/s, ${cov:-cov: ?}, corpus $(find "$corpus" -type f | wc -l) files, $nfind findings ($((SECONDS - start))s)"
    if [[ $rc -ne 0 || $nfind -ne 0 ]]; then
      tail -n 60 "$dir/fuzz-$target.log" >&2
      fail "$line (see $dir/fuzz-$target.log)"
    else
      note "$line"
    fi
    unset ASAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS
  done
fi

echo
echo "== deep check summary"
for line in "${summary[@]}"; do echo "  $line"; done
if [[ $failed -ne 0 ]]; then
  echo "deep check FAILED"
  exit 1
fi
echo "deep check passed"
