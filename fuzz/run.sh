#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 60) on a copy of
# its seed corpus (fuzz/corpus/<target>/), one after the other. Fails (non-zero)
# on any crash, leak, timeout, out-of-memory or sanitizer report, and names the
# input that caused it. Installs clang and libFuzzer's runtime on a fresh Debian
# machine (as root, or with sudo), then the rest through scripts/bootstrap.
#
#   fuzz/run.sh [SECONDS] [TARGET...]       e.g. fuzz/run.sh 600 fuzz_rules
#
# Environment: FACTCHECK_FUZZ_BUILD (default build-fuzz) is the build folder;
# FACTCHECK_FUZZ_WORK (default <build>/fuzz-run) receives each run's corpus, log
# and crash inputs; FACTCHECK_FUZZ_FLAGS adds libFuzzer flags (e.g. -jobs=2).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))
targets=("$@")
((${#targets[@]})) || targets=(fuzz_doc fuzz_extract fuzz_rules fuzz_report fuzz_walk fuzz_claims)
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: fuzz/run.sh [SECONDS] [TARGET...]" >&2; exit 2; }

# clang, and libFuzzer's runtime (libclang_rt.fuzzer), which Debian ships apart
# from the compiler: libclang-rt-dev pulls the one matching the default clang.
packages=(clang libclang-rt-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "fuzz: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
fi

build=${FACTCHECK_FUZZ_BUILD:-build-fuzz}
FACTCHECK_BUILD=$build ./scripts/bootstrap -DCMAKE_C_COMPILER=clang \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTCHECK_FUZZ=ON -DFACTCHECK_TESTS=OFF \
  -DFACTCHECK_WERROR=ON

work=${FACTCHECK_FUZZ_WORK:-$build/fuzz-run}
mkdir -p "$work"
# Leaks count as failures; UBSan stops at its first report (it is built not to
# recover), which libFuzzer then reports as a crash with the input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
for t in "${targets[@]}"; do
  bin=$build/bin/$t
  [ -x "$bin" ] || { echo "fuzz: no target $t" >&2; exit 2; }
  corpus=$work/$t
  rm -rf "$corpus" "$work/artifacts/$t-"*
  mkdir -p "$corpus" "$work/artifacts"
  cp fuzz/corpus/"$t"/* "$corpus"/
  flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
         -artifact_prefix="$work/artifacts/$t-")
  case $t in
    fuzz_rules) flags+=(-dict=fuzz/fuzz_rules.dict) ;;
    fuzz_extract | fuzz_report) flags+=(-dict=fuzz/fuzz_extract.dict) ;;
  esac
  log=$work/$t.log
  echo "== $t: ${seconds}s from fuzz/corpus/$t ($(ls "$corpus" | wc -l) seeds), log $log"
  status=0
  # shellcheck disable=SC2086 # FACTCHECK_FUZZ_FLAGS is a list of flags
  "$bin" "${flags[@]}" ${FACTCHECK_FUZZ_FLAGS:-} "$corpus" >"$log" 2>&1 || status=$?
  # The last status line: "#N DONE cov: C ft: F corp: K/S ... exec/s: E ..."
  grep -aE "^#[0-9]+" "$log" | tail -1 || true
  grep -aE "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log" || true
  if [ "$status" -ne 0 ] ||
     grep -aqE "ERROR: (Address|Leak)Sanitizer|runtime error:|ERROR: libFuzzer|SUMMARY: " "$log"; then
    grep -aE -B2 -A40 "ERROR: |runtime error:|==[0-9]+== |fuzz: " "$log" | head -80 || tail -40 "$log"
    ls "$work/artifacts/$t-"* 2>/dev/null | sed 's/^/fuzz: reproducer: /' || true
    echo "fuzz: $t FAILED (exit $status)"
    failed+=("$t")
  else
    echo "fuzz: $t ok"
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: failures in ${failed[*]}; rerun one input with: $build/bin/TARGET FILE"
  exit 1
fi
