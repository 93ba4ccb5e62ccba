#!/usr/bin/env bash
# The benchmark: factcheck's figures beside `wc -w` and, with --peers, beside two
# number recognisers, all in one run on the same generated text.
#
# Usage: bench/run.sh [--peers] [SIZE_MB ...]      (default sizes: 1 100 1000)
#
# For each size it generates (once; later runs reuse them) a deterministic news-like
# corpus under bench/data/: corpus-<N>mb.txt, the documents in one file separated by
# form-feed lines, corpus-<N>mb/, the same documents one file each, and
# corpus-<N>mb.jsonl, the same documents as a JSON Lines archive, one record a line
# (bench/archive.py). Then:
#   - fc-bench-extract on the file: extraction alone, in-process (MB/s, claims/s,
#     peak RSS); under 100 MB the fastest of 5 runs;
#   - `wc -w` on the same file: the cost of merely reading it and splitting words;
#   - the command-line program on the folder, under /usr/bin/time -v: `factcheck
#     extract -f jsonl` (reading files, extraction, writing the claims) and
#     `factcheck -f json` (the same, the checks and the report), each on one thread
#     (-j 1) and on two (-j 2), and `factcheck` (text report); all to /dev/null, so
#     disk speed does not count;
#   - on the archive: `factcheck -f json -j 2`, then the map-and-reduce recipes
#     scripts/fc-parallel (two jobs) and scripts/fc-dask (a local cluster of two
#     workers), end to end, whose reports must be the single run's byte for byte.
# Every figure is given in wall-clock time and in CPU time (user + system): on a
# machine busy with other work the wall clock overstates the cost, the CPU time less.
# The ratios: each command-line run's time over wc -w's, the speed-up of -j 2 over
# -j 1, and the bytes of peak RSS per claim of `factcheck -f json`.
# With --peers, Microsoft Recognizers-Text and compromise (node, bench/peers/) run
# over the 1 MB corpus, split into the same paragraphs for both, beside factcheck's
# extraction on the same file. They manage about 0.01 to 0.1 MB/s, hence 1 MB.
# The figures end with markdown tables of every size (and of the peers).
#
# Builds a Release build in $FACTCHECK_BUILD (default build-bench/), so the build
# used for the tests is left alone; installs what is missing (Debian's time package,
# and nodejs and npm with --peers, whose packages go to bench/peers/node_modules/).
# The 1000 MB size needs about 5 GB of disk under bench/data/, about 5 GB more in
# $TMPDIR while a recipe runs (its claims files), and memory: about 1 KB a claim
# (7 million) for `factcheck -f json`, and fc-dask's client holds the claims (about
# 5 GB) while its `factcheck check` runs.
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
export FACTCHECK_DATADIR=$PWD/$build/share/factcheck
# The recipes run the factcheck binary of this build (Dask's workers too).
export FACTCHECK=$PWD/$bin/factcheck

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

# Generates the three forms of the N MB corpus unless they are there; each is written
# under a temporary name and renamed, so a run that was stopped leaves none half made.
corpus() { # N
  local txt=bench/data/corpus-$1mb.txt dir=bench/data/corpus-$1mb jsonl=bench/data/corpus-$1mb.jsonl
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
  if [ ! -s "$jsonl" ]; then
    echo "generating $jsonl" >&2
    /usr/bin/python3 bench/archive.py "$dir" "$jsonl.part"
    mv "$jsonl.part" "$jsonl"
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

# Runs PROGRAM ARGS under /usr/bin/time -v with its standard output to OUT; the wall
# clock is the shell's (microseconds; time -v's has hundredths). Exit status 1
# ("conflicts found") is expected on this corpus; 2 or worse is a failure of the
# benchmark. Prints: wall seconds, CPU seconds (user + system, of the program and of
# every process it started and waited for), peak RSS of the largest of those
# processes in KB, the exit status.
timed() { # OUT PROGRAM ARGS...
  local out=$1 status=0 t0 t1
  shift
  t0=${EPOCHREALTIME/,/.} # a decimal comma in some locales
  /usr/bin/time -v -o "$tmp/time" "$@" >"$out" 2>"$tmp/err" || status=$?
  t1=${EPOCHREALTIME/,/.}
  if ((status > 1)); then
    echo "bench/run.sh: $* exited with status $status" >&2
    tail -20 "$tmp/err" >&2
    exit 1
  fi
  awk -F': ' -v t0="$t0" -v t1="$t1" -v status="$status" '
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.3f %.2f %d %d\n", t1 - t0, cpu, rss, status }' "$tmp/time"
}

# factcheck ARGS over the folder, output to /dev/null. Prints what timed prints.
cli() { timed /dev/null "$bin/factcheck" "$@"; }

# Runs PROGRAM ARGS as timed does, its standard output (a report) read as it is
# written into its length and SHA-256, not kept (6 GB at 1000 MB), while
# bench/tree_rss.py samples the resident memory of all its processes together.
# Prints what timed prints, then that peak in MB and the most processes seen at
# once, then the report's length and hash.
recipe() { # PROGRAM ARGS...
  local pid hasher figures
  rm -f "$tmp/fifo"
  mkfifo "$tmp/fifo"
  /usr/bin/python3 -c 'import hashlib, sys
h, n = hashlib.sha256(), 0
while b := sys.stdin.buffer.read(1 << 20):
    h.update(b)
    n += len(b)
print(n, h.hexdigest())' <"$tmp/fifo" >"$tmp/digest" &
  hasher=$!
  timed "$tmp/fifo" "$@" >"$tmp/figures" &
  pid=$!
  # the subshell running timed, and below it /usr/bin/time and the recipe
  /usr/bin/python3 bench/tree_rss.py "$pid" >"$tmp/tree"
  wait "$pid" || exit 1
  wait "$hasher"
  read -r figures <"$tmp/figures"
  echo "$figures $(cat "$tmp/tree") $(cat "$tmp/digest")"
}

# One line of figures of the command-line program, with the time over wc -w's.
line() { # LABEL WALL CPU RSS_KB (and $mb, $wc_time, $wc_cpu of the size)
  printf '  %-32s %8.2f s wall %8.2f s CPU %7.1f MB/s  peak RSS %7.1f MB  %6sx the time of wc -w (CPU: %sx)\n' \
    "$1" "$2" "$3" "$(ratio "$mb" "$2")" "$(mb_kb "$4")" "$(ratio "$2" "$wc_time")" "$(ratio "$3" "$wc_cpu")"
}
mb_kb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; } # KB in MB

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(free -g | awk '/^Mem:/ { print $2 }') GB memory"
echo "factcheck: $("$bin/factcheck" --version), $build (Release), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "started: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"

rows=() cli_rows=() recipe_rows=()
fc1_speed="" fc1_cpu_speed="" fc1_claims=""
for size in "${sizes[@]}"; do
  corpus "$size"
  txt=bench/data/corpus-${size}mb.txt dir=bench/data/corpus-${size}mb jsonl=bench/data/corpus-${size}mb.jsonl
  mb=$(mb_of "$txt")
  echo
  echo "== $size MB ($txt, $dir/ and $jsonl), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # Read the files and the folder once first, so every program below finds them in
  # the page cache and none is charged for the disk.
  cat "$txt" "$jsonl" >/dev/null
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
  rows+=("| $size MB | $docs | $claims | $ext_speed | $ext_rate | $cpu_speed | $ext_rss | $wc_time ($wc_cpu) | $wc_speed | $wc_ratio |")

  echo "command-line program over $dir/ ($docs files), output to /dev/null:"
  read -r e1_wall e1_cpu e1_rss _ < <(cli extract -f jsonl -j 1 -o /dev/null "$dir")
  read -r e2_wall e2_cpu e2_rss _ < <(cli extract -f jsonl -j 2 -o /dev/null "$dir")
  read -r j1_wall j1_cpu j1_rss _ < <(cli -f json -j 1 -o /dev/null "$dir")
  read -r j2_wall j2_cpu j2_rss _ < <(cli -f json -j 2 -o /dev/null "$dir")
  read -r t_wall t_cpu t_rss _ < <(cli -o /dev/null "$dir")
  line "factcheck extract -f jsonl -j 1" "$e1_wall" "$e1_cpu" "$e1_rss"
  line "factcheck extract -f jsonl -j 2" "$e2_wall" "$e2_cpu" "$e2_rss"
  line "factcheck -f json -j 1" "$j1_wall" "$j1_cpu" "$j1_rss"
  line "factcheck -f json -j 2" "$j2_wall" "$j2_cpu" "$j2_rss"
  line "factcheck (text report)" "$t_wall" "$t_cpu" "$t_rss"
  e_up=$(ratio "$e1_wall" "$e2_wall") j_up=$(ratio "$j1_wall" "$j2_wall")
  e_wc="$(ratio "$e1_wall" "$wc_time")x ($(ratio "$e1_cpu" "$wc_cpu")x)"
  j_wc="$(ratio "$j1_wall" "$wc_time")x ($(ratio "$j1_cpu" "$wc_cpu")x)"
  j1_per=$(ratio "$((j1_rss * 1024))" "$claims") j2_per=$(ratio "$((j2_rss * 1024))" "$claims")
  echo "  -j 2 over -j 1 (wall clock): extract -f jsonl ${e_up}x as fast, -f json ${j_up}x"
  echo "  one thread against wc -w, wall (CPU): extract -f jsonl takes $e_wc the time, -f json $j_wc"
  echo "  -f json peak RSS per claim ($claims claims): $j1_per B with -j 1, $j2_per B with -j 2"
  cli_rows+=("| $size MB | $e1_wall ($e1_cpu) | $(mb_kb "$e1_rss") | $e2_wall ($e2_cpu) | $(mb_kb "$e2_rss") | ${e_up}x | $e_wc | $j1_wall ($j1_cpu) | $(mb_kb "$j1_rss") | $j2_wall ($j2_cpu) | $(mb_kb "$j2_rss") | ${j_up}x | $j_wc | $j1_per / $j2_per | $t_wall ($t_cpu) |")

  echo "the archive $jsonl ($(mb_of "$jsonl") MB), report to a pipe (its length and SHA-256 taken):"
  read -r s_wall s_cpu s_rss s_status s_tree s_procs s_bytes s_sum < <(recipe "$bin/factcheck" -f json -j 2 "$jsonl")
  read -r p_wall p_cpu p_rss p_status p_tree p_procs p_bytes p_sum < <(recipe scripts/fc-parallel -j 2 "$jsonl" -f json)
  read -r d_wall d_cpu d_rss d_status d_tree d_procs d_bytes d_sum < <(recipe /usr/bin/python3 scripts/fc-dask "$jsonl" -f json)
  for r in "fc-parallel $p_status $p_bytes $p_sum" "fc-dask $d_status $d_bytes $d_sum"; do
    read -r name status bytes sum <<<"$r"
    if [ "$status $bytes $sum" != "$s_status $s_bytes $s_sum" ]; then
      echo "bench/run.sh: $name's report on $jsonl is not that of factcheck -f json" \
        "(exit status $status, $bytes bytes, SHA-256 $sum; factcheck: $s_status, $s_bytes bytes, $s_sum)" >&2
      exit 1
    fi
  done
  printf '  %-32s %8.2f s wall %8.2f s CPU %7.1f MB/s  peak RSS %7.1f MB largest process, %7.1f MB all at once (%d processes)\n' \
    "factcheck -f json -j 2" "$s_wall" "$s_cpu" "$(ratio "$mb" "$s_wall")" "$(mb_kb "$s_rss")" "$s_tree" "$s_procs" \
    "scripts/fc-parallel -j 2" "$p_wall" "$p_cpu" "$(ratio "$mb" "$p_wall")" "$(mb_kb "$p_rss")" "$p_tree" "$p_procs" \
    "scripts/fc-dask (2 workers)" "$d_wall" "$d_cpu" "$(ratio "$mb" "$d_wall")" "$(mb_kb "$d_rss")" "$d_tree" "$d_procs"
  echo "  both recipes' reports are factcheck's byte for byte ($s_bytes bytes, SHA-256 ${s_sum:0:16}..., exit status $s_status)"
  echo "  (each run end to end, a cluster's start included; CPU: the run and every process it waited" \
    "for, Dask's workers and the factcheck they ran included; peak RSS: the largest single process," \
    "then all processes at once, summed every 0.1 s)"
  recipe_rows+=("| $size MB | $s_wall ($s_cpu) | $(mb_kb "$s_rss") | $p_wall ($p_cpu) | $(mb_kb "$p_rss") / $p_tree | $(ratio "$p_wall" "$s_wall")x | $d_wall ($d_cpu) | $(mb_kb "$d_rss") / $d_tree | $(ratio "$d_wall" "$s_wall")x | same, $s_bytes B |")
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
echo "| corpus | documents | claims | extraction MB/s | claims/s | MB/s per CPU s | extraction peak RSS MB | \`wc -w\` s (CPU s) | wc -w MB/s | factcheck / wc -w |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "| corpus | \`extract -f jsonl -j 1\` s (CPU s) | its peak RSS MB | \`-j 2\` s (CPU s) | its peak RSS MB | speed-up | \`-j 1\` / \`wc -w\` time (CPU) | \`-f json -j 1\` s (CPU s) | its peak RSS MB | \`-j 2\` s (CPU s) | its peak RSS MB | speed-up | \`-j 1\` / \`wc -w\` time (CPU) | \`-f json\` peak RSS B per claim, -j 1 / -j 2 | \`factcheck\` (text) s (CPU s) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${cli_rows[@]}"
echo
echo "| archive of | \`factcheck -f json -j 2\` s (CPU s) | its peak RSS MB | \`fc-parallel -j 2\` s (CPU s) | peak RSS MB, largest process / all at once | time / factcheck's | \`fc-dask\`, 2 workers, s (CPU s) | peak RSS MB, largest process / all at once | time / factcheck's | report |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${recipe_rows[@]}"
if ((${#peer_rows[@]})); then
  echo
  echo "| on the 1 MB corpus | one call per | MB/s | MB/s per CPU s | factcheck is | found |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${peer_rows[@]}"
fi
