#!/usr/bin/env bash
# Installs factcheck into a temporary prefix, then checks, away from the source
# tree, that the installed program finds its rules and data on its own, and that
# a program builds and runs against the installed library through pkg-config.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
prefix=$(mktemp -d /tmp/fc-install-XXXXXX)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/factcheck include/factcheck/factcheck.h share/factcheck/rules/default.json \
         share/factcheck/datasets/immigration-2025.csv share/factcheck/schema/report.schema.json \
         share/man/man1/factcheck.1; do
  [ -e "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
ls "$prefix"/lib*/libfactcheck.a "$prefix"/lib*/libfactcheck.so >/dev/null
ls "$prefix"/lib*/pkgconfig/factcheck.pc >/dev/null

cd /
unset FACTCHECK_DATADIR
status=0
"$prefix/bin/factcheck" --format json "$src/claims/" >"$prefix/report.json" || status=$?
[ "$status" -eq 1 ] || { echo "installed factcheck exited $status, expected 1 (conflicts)"; exit 1; }
python3 - "$prefix/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["tool"]["name"] == "factcheck", r["tool"]
assert len(r["inputs"]) >= 10 and all(i["status"] == "ok" for i in r["inputs"])
assert len(r["claims"]) > 30 and len(r["findings"]) > 0
PY

pc=$(dirname "$(ls "$prefix"/lib*/pkgconfig/factcheck.pc)")
export PKG_CONFIG_PATH="$pc"
cc -std=c11 ${CONSUMER_CFLAGS:-} -o "$prefix/consumer" "$src/tests/consumer.c" \
   $(pkg-config --define-prefix --cflags --libs factcheck) $(pkg-config --cflags --libs gsl)
# The consumer also makes GSL fail after building rules: it must not abort (the
# library turns GSL's aborting default handler off; factcheck/rules.h).
out=$(LD_LIBRARY_PATH="$(dirname "$pc")" "$prefix/consumer" "$prefix/share/factcheck/rules/default.json") ||
  { echo "consumer exited $? (printed: $out)"; exit 1; }
[ "$out" = "claims=1 low=300 qualifier=more_than
gsl=nan" ] || { echo "consumer printed: $out"; exit 1; }
echo "install test: ok"
