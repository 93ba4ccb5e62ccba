#!/usr/bin/env bash
# Scores the extractor on the five reference articles when they are present
# (../shared/seeds beside the repository); skips with a message otherwise.
# Usage: score_seeds.sh SOURCE_DIR FACTCHECK_BINARY
set -euo pipefail
src=$1
seeds=$src/../shared/seeds
if [ ! -d "$seeds" ]; then
  echo "SKIP: $seeds not found; the reference articles are not part of this repository"
  exit 77
fi
exec python3 "$src/tools/score.py" --gold "$src/tests/gold/seeds" --docs "$seeds" \
  --factcheck "$2" --min-f1 0.95 --min-value 0.95
