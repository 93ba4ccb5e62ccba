#!/usr/bin/env bash
# The benchmark: factcheck's figures beside `wc -w` and, with --peers, beside two
# number recognisers, all in one run on the same generated text.
#
# Usage: bench/run.sh [--peers] [SIZE_MB ...]      (default sizes: 1 100 1000)
#
# For each size it generates (once; later runs reuse them) a deterministic news-like
# corpus under bench/data/: corpus-<N>mb.txt, the documents in one file separated by
# form-feed lines, and corpus-<N>mb/, the same documents one file each. Then:
#   - fc-bench-extract on the file: extraction alone, in-process (MB/s, claims/s,
#     peak RSS); under 100 MB the fastest of 5 runs;
#   - `wc -w` on the same file: the cost of merely reading it and splitting words;
#   - the command-line program on the folder, under /usr/bin/time -v: `factcheck
#     extract -f jsonl` (reading files, extraction, writing the claims), `factcheck
#     -f json` and `factcheck` (text), both of which also run the checks and write
#     the report; all to /dev/null, so disk speed does not count.
# Every figure is given in wall-clock time and in CPU time (user + system): on a
# machine busy with other work the wall clock overstates the cost, the CPU time less.
# With --peers, Microsoft Recognizers-Text and compromise (node, bench/peers/) run
# over the 1 MB corpus, split into the same paragraphs for both, beside factcheck's
# extraction on the same file. They manage about 0.01 to 0.1 MB/s, hence 1 MB.
# The figures end with a markdown table of every size (and of the peers).
#
# Builds a Release build in $FACTCHECK_BUILD (default build-bench/), so the build
# used for the tests is left alone; installs what is missing (Debian's time package,
# and nodejs and npm with --peers, whose packages go to bench/peers/node_modules/).
# The 1000 MB size needs about 5 GB of disk and 5 GB of memory.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

usage() { # STATUS
  echo "usage: bench/run.sh [--peers] [SIZE_MB ...]   (default sizes: 1 100 1000)" >&2
  exit "$1"
}
peers=0
sizes=()
for arg in "$@"; do
  case $arg in
    --peers) peers=1 ;;
    -h | --help) usage 0 ;;
    *)
      [[ $arg =~ ^[0-9]+$ && $arg -gt 0 ]] || { echo "bench/run.sh: '$arg' is not a size in MB" >&2; usage 2; }
      sizes+=("$arg")
      ;;
  esac
done
((${#sizes[@]})) || sizes=(1 100 1000)

# Debian packages the benchmark needs beyond scripts/bootstrap's.
need=()
[ -x /usr/bin/time ] || need+=(time)
if ((peers)); then
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
fi
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "bench/run.sh: installing ${need[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

build=${FACTCHECK_BUILD:-build-bench}
log=$(mktemp)
tmp=$(mktemp -d)
trap 'rm -rf "$log" "$tmp"' EXIT
if ! FACTCHECK_BUILD=$build ./scripts/bootstrap -DCMAKE_BUILD_TYPE=Release \
  -DFACTCHECK_SANITIZE=OFF -DFACTCHECK_TESTS=OFF >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
bin=$build/bin
export FACTCHECK_DATADIR=$build/share/factcheck

if ((peers)); then
  if [ -f bench/peers/package-lock.json ]; then
    (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1 ||
      { cat "$log" >&2; exit 1; }
  else
    (cd bench/peers && npm install --no-audit --no-fund --loglevel=error) >"$log" 2>&1 ||
      { cat "$log" >&2; exit 1; }
  fi
fi

mb_of() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
# The number before UNIT on the line of TEXT starting with LABEL.
figure() { # TEXT LABEL UNIT
  awk -v label="$2" -v unit="$3" 'index($0, label) == 1 {
    for (i = 2; i <= NF; i++) if ($i == unit || $i == unit ",") { print $(i - 1); exit } }' <<<"$1"
}
ratio() { # A/B to three significant figures, without an exponent
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (b <= 0) { print "n/a"; exit }
    v = a / b; d = v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : 3
    printf "%.*f\n", d, v }'
}

# Generates both forms of the N MB corpus unless they are there; each is written
# under a temporary name and renamed, so a run that was stopped leaves none half made.
corpus() { # N
  local txt=bench/data/corpus-$1mb.txt dir=bench/data/corpus-$1mb
  mkdir -p bench/data
  if [ ! -s "$txt" ]; then
    echo "generating $txt" >&2
    "$bin/fc-gen" "$1" >"$txt.part"
    mv "$txt.part" "$txt"
  fi
  if [ ! -d "$dir" ]; then
    echo "generating $dir/" >&2
    rm -rf "$dir.part"
    "$bin/fc-gen" "$1" --dir "$dir.part"
    mv "$dir.part" "$dir"
  fi
}

# fc-bench-extract on FILE; small files are run 5 times and the fastest run kept,
# as one run of a few hundredths of a second is mostly noise.
bench_extract() { # FILE SIZE_MB
  local runs=1 best="" best_speed=0 out speed
  (($2 >= 100)) || runs=5
  for ((r = 0; r < runs; r++)); do
    out=$("$bin/fc-bench-extract" "$1")
    speed=$(figure "$out" extraction MB/s)
    if awk -v a="$speed" -v b="$best_speed" 'BEGIN { exit !(a > b) }'; then
      best=$out
      best_speed=$speed
    fi
  done
  echo "$best"
  ((runs == 1)) || echo "              (fastest of $runs runs)"
}

# Runs the command-line program under /usr/bin/time -v. Exit status 1 ("conflicts
# found") is expected on this corpus; 2 or worse is a failure of the benchmark.
# Prints: wall seconds, CPU seconds (user + system), peak RSS in MB.
timed() { # ARGS...
  local status=0
  /usr/bin/time -v -o "$tmp/time" "$bin/factcheck" "$@" 2>"$tmp/err" || status=$?
  if ((status > 1)); then
    echo "bench/run.sh: factcheck $* exited with status $status" >&2
    head -20 "$tmp/err" >&2
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + t[i] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.1f\n", wall, cpu, rss }' "$tmp/time"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(free -g | awk '/^Mem:/ { print $2 }') GB memory"
echo "factcheck: $("$bin/factcheck" --version), $build (Release), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "started: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"

rows=()
fc1_speed="" fc1_cpu_speed="" fc1_claims=""
for size in "${sizes[@]}"; do
  corpus "$size"
  txt=bench/data/corpus-${size}mb.txt dir=bench/data/corpus-${size}mb
  mb=$(mb_of "$txt")
  echo
  echo "== $size MB ($txt and $dir/), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # Read the file and the folder once first, so every program below finds them in
  # the page cache and none is charged for the disk.
  cat "$txt" >/dev/null
  find "$dir" -type f -print0 | xargs -0 cat >/dev/null
  out=$(bench_extract "$txt" "$size")
  echo "$out"
  docs=$(figure "$out" size documents)
  claims=$(figure "$out" size claims)
  ext_speed=$(figure "$out" extraction MB/s)
  ext_rate=$(figure "$out" extraction claims/s)
  whole_speed=$(figure "$out" "whole run" MB/s)
  cpu_speed=$(figure "$out" "CPU time" MB/s)
  ext_rss=$(figure "$out" "peak RSS" MB)
  if ((size == 1)); then
    fc1_speed=$ext_speed
    fc1_cpu_speed=$cpu_speed
    fc1_claims=$claims
  fi

  # wc -w in the C locale, timed by the shell (millisecond resolution).
  TIMEFORMAT='%3R %3U %3S'
  { time LC_ALL=C wc -w "$txt" >/dev/null; } 2>"$tmp/wc"
  read -r wc_time wc_user wc_sys <"$tmp/wc"
  wc_cpu=$(awk -v u="$wc_user" -v s="$wc_sys" 'BEGIN { printf "%.3f", u + s }')
  wc_speed=$(ratio "$mb" "$wc_time")
  wc_cpu_speed=$(ratio "$mb" "$wc_cpu")
  echo "wc -w         $wc_time s  $wc_speed MB/s (LC_ALL=C)"
  echo "CPU time      $wc_cpu s  $wc_cpu_speed MB/s"
  wc_ratio="$(ratio "$whole_speed" "$wc_speed")x (CPU: $(ratio "$cpu_speed" "$wc_cpu_speed")x)"
  echo "              factcheck's whole run (reading included) is $wc_ratio the speed of wc -w"

  echo "command-line program over $dir/ ($docs files), output to /dev/null:"
  timed extract -f jsonl -o /dev/null "$dir" >"$tmp/e"
  timed -f json -o /dev/null "$dir" >"$tmp/j"
  timed -o /dev/null "$dir" >"$tmp/t"
  read -r e_wall e_cpu e_rss <"$tmp/e"
  read -r j_wall j_cpu j_rss <"$tmp/j"
  read -r t_wall t_cpu t_rss <"$tmp/t"
  printf '  %-34s %7.2f s wall %7.2f s CPU %7.1f MB/s  peak RSS %7.1f MB\n' \
    "factcheck extract -f jsonl" "$e_wall" "$e_cpu" "$(ratio "$mb" "$e_wall")" "$e_rss" \
    "factcheck -f json (checks, report)" "$j_wall" "$j_cpu" "$(ratio "$mb" "$j_wall")" "$j_rss" \
    "factcheck (text report)" "$t_wall" "$t_cpu" "$(ratio "$mb" "$t_wall")" "$t_rss"
  # The costs in CPU seconds, which a busy machine does not inflate as it does the
  # wall clock.
  echo "  in CPU seconds: extraction alone (fc-bench-extract) $(figure "$out" "CPU time" s);" \
    "reading $docs files, extraction and writing the claims as JSON lines $e_cpu;" \
    "reading, extraction, checks and the JSON report $j_cpu; the same with the text report $t_cpu"
  rows+=("| $size MB | $docs | $claims | $ext_speed | $ext_rate | $cpu_speed | $ext_rss | $wc_speed | $wc_ratio | $e_wall ($e_cpu) | $j_wall ($j_cpu) | $(ratio "$mb" "$j_wall") | $j_rss | $t_wall ($t_cpu) |")
done

peer_rows=()
if ((peers)); then
  corpus 1
  txt=bench/data/corpus-1mb.txt
  echo
  echo "== peers on the 1 MB corpus ($txt), one call per paragraph, front matter left out,"
  echo "   load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -z "$fc1_speed" ]; then
    cat "$txt" >/dev/null
    out=$(bench_extract "$txt" 1)
    echo "$out"
    fc1_speed=$(figure "$out" extraction MB/s)
    fc1_cpu_speed=$(figure "$out" "CPU time" MB/s)
    fc1_claims=$(figure "$out" size claims)
  fi
  peer_rows+=("| factcheck (fc-bench-extract) | per document | $fc1_speed | $fc1_cpu_speed | | $fc1_claims claims |")
  for script in compromise recognizers; do
    out=$(node "bench/peers/$script.js" "$txt")
    echo "$out"
    name=$(awk '/^peer/ { $1 = ""; sub(/^ +/, ""); print; exit }' <<<"$out")
    speed=$(figure "$out" processing MB/s)
    cpu=$(figure "$out" "CPU time" MB/s)
    found=$(figure "$out" found mentions)
    vs="$(ratio "$fc1_speed" "$speed")x (CPU: $(ratio "$fc1_cpu_speed" "$cpu")x)"
    echo "              factcheck ($fc1_speed MB/s; $fc1_cpu_speed MB/s per CPU second) is $vs" \
      "the speed of $name; it found $found number mentions, factcheck $fc1_claims claims"
    peer_rows+=("| $name | per paragraph | $speed | $cpu | $vs | $found mentions |")
  done
fi

echo
echo "finished: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| corpus | documents | claims | extraction MB/s | claims/s | MB/s per CPU s | extraction peak RSS MB | wc -w MB/s | factcheck / wc -w | \`factcheck extract\` s (CPU s) | \`factcheck -f json\` s (CPU s) | its MB/s | its peak RSS MB | \`factcheck\` (text) s (CPU s) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
if ((${#peer_rows[@]})); then
  echo
  echo "| on the 1 MB corpus | one call per | MB/s | MB/s per CPU s | factcheck is | found |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${peer_rows[@]}"
fi
