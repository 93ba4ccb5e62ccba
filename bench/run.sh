#!/usr/bin/env bash
# Extraction benchmark: generates a deterministic news-like corpus of SIZE MB
# (default 100) under bench/data/, then prints factcheck's extraction figures next
# to `wc -w` over the same file (the cost of merely reading and splitting words).
# Usage: bench/run.sh [SIZE_MB ...]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 || ./scripts/bootstrap -DCMAKE_BUILD_TYPE=Release
mkdir -p bench/data
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for size in "${@:-100}"; do
  corpus=bench/data/corpus-${size}mb.txt
  [ -s "$corpus" ] || ./build/bin/fc-gen "$size" >"$corpus"
  echo
  echo "== $size MB"
  FACTCHECK_DATADIR=build/share/factcheck ./build/bin/fc-bench-extract "$corpus"
  start=$(date +%s.%N)
  LC_ALL=C wc -w "$corpus" >/dev/null
  end=$(date +%s.%N)
  python3 -c "import os,sys; s=os.path.getsize('$corpus')/1048576; t=$end-$start; print(f'wc -w         {t:.3f} s  {s/t:.1f} MB/s')"
done
