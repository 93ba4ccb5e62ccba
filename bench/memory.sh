#!/usr/bin/env bash
# Peak memory of the command-line program per claim, on a generated corpus, and
# what a run keeps of each document once its claims are extracted.
#
#   bench/memory.sh [MB]...        (default: 1 100; uses build-bench/, or $FACTCHECK_BUILD)
#
# For each size: `factcheck -f json` over the folder of the N MB corpus (the one
# bench/run.sh generates under bench/data/), then `factcheck extract -f jsonl`
# into a claims file and `factcheck check -f json` on it, each under
# /usr/bin/time -v; prints peak RSS, the claims, the bytes of peak RSS per claim,
# and, from the claims file, the bytes a document keeps per claim: its stretches
# of text and its words, against its body. The two JSON reports must be equal.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${FACTCHECK_BUILD:-build-bench}
bin=$build/bin
[ -x "$bin/factcheck" ] || { echo "bench/memory.sh: build $build first (bench/run.sh does)" >&2; exit 1; }
export FACTCHECK_DATADIR=${FACTCHECK_DATADIR:-$PWD}
sizes=("$@")
((${#sizes[@]})) || sizes=(1 100)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
peak() { # OUT ARGS...: peak RSS in KB and wall seconds of factcheck ARGS, output to OUT
  local out=$1 status=0
  shift
  /usr/bin/time -v -o "$tmp/time" "$bin/factcheck" "$@" >"$out" 2>"$tmp/err" || status=$?
  ((status <= 1)) || { echo "factcheck $*: status $status" >&2; head "$tmp/err" >&2; exit 1; }
  awk -F': ' '/Maximum resident/ { rss = $2 }
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    END { print rss, w }' "$tmp/time"
}
printf '%-8s %10s %14s %12s %16s %16s %12s %14s %14s\n' corpus claims "-f json RSS MB" "B/claim" \
  "extract RSS MB" "check RSS MB" "wall s" "kept text B/c" "kept words B/c"
for mb in "${sizes[@]}"; do
  dir=bench/data/corpus-${mb}mb
  [ -d "$dir" ] || { mkdir -p bench/data; "$bin/fc-gen" "$mb" --dir "$dir.part" && mv "$dir.part" "$dir"; }
  read -r run wall < <(peak "$tmp/run.json" -f json "$dir")
  read -r ext _ < <(peak "$tmp/claims.jsonl" extract -f jsonl "$dir")
  read -r chk cwall < <(peak "$tmp/check.json" check -f json "$tmp/claims.jsonl")
  cmp -s "$tmp/run.json" "$tmp/check.json" || { echo "check's report differs from the run's" >&2; exit 1; }
  python3 - "$tmp/claims.jsonl" "$mb" "$run" "$ext" "$chk" "$wall" <<'PY'
import json, sys
path, mb, run, ext, chk, wall = sys.argv[1:]
claims = text = words = 0
for line in open(path, encoding="utf-8"):
    o = json.loads(line)
    if o.get("type") == "input":
        text += sum(len(s[-1].encode()) for s in o.get("spans", []))  # [offset, line, col, text]
        # a word's bytes, its NUL and its pointer
        words += sum(len(w.encode()) + 1 + 8 for w in o.get("words", []))
    else:
        claims += 1
print(f"{mb + ' MB':8} {claims:10} {int(run) / 1024:14.1f} {int(run) * 1024 / claims:12.0f} "
      f"{int(ext) / 1024:16.1f} {int(chk) / 1024:16.1f} {float(wall):12.2f} "
      f"{text / claims:14.0f} {words / claims:14.0f}")
PY
done
