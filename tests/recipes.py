#!/usr/bin/env python3
"""The map-and-reduce recipes give the report of a single run, byte for byte.

Usage: recipes.py FACTCHECK FC_GEN SOURCE_DIR

A 1 MB generated corpus (fc-gen, 759 documents) is written as a JSON Lines archive
of one record a line with ids (bench/archive.py, as bench/run.sh writes it);
`factcheck ARCHIVE` is the single run. Then scripts/fc-parallel (GNU parallel
--pipepart, two jobs) and scripts/fc-dask (a local Dask cluster of two workers)
extract the archive's blocks and reduce them with `factcheck check`; their JSON
and text reports and exit statuses must equal the single run's.
"""
import os
import subprocess
import sys
import tempfile

failures = 0


def check(ok, what):
    global failures
    failures += not ok
    print(("ok: " if ok else "FAIL: ") + what)


def main(argv):
    fc, gen, src = argv[1], argv[2], argv[3]
    sys.path.insert(0, os.path.join(src, "bench"))
    from archive import to_archive
    env = dict(os.environ, FACTCHECK=fc)
    with tempfile.TemporaryDirectory(prefix="fc-recipes-") as tmp:
        docs = os.path.join(tmp, "docs")
        subprocess.run([gen, "1", "--dir", docs], check=True, capture_output=True)
        archive = os.path.join(tmp, "archive.jsonl")
        to_archive(docs, archive)
        for fmt in ("json", "text"):
            want = subprocess.run([fc, "-f", fmt, archive], capture_output=True, env=env)
            check(want.returncode == 1 and len(want.stdout) > 100000,
                  f"single run ({fmt}): exit 1, a report of {len(want.stdout)} bytes")
            for name, cmd in [("GNU parallel", [os.path.join(src, "scripts", "fc-parallel"),
                                                "-j", "2", archive, "-f", fmt]),
                              ("Dask", ["/usr/bin/python3", os.path.join(src, "scripts", "fc-dask"),
                                        archive, "-f", fmt])]:
                got = subprocess.run(cmd, capture_output=True, env=env, timeout=600)
                check(got.returncode == want.returncode,
                      f"{name} ({fmt}): exit {got.returncode} ({got.stderr.decode()[-300:]!r})")
                check(got.stdout == want.stdout,
                      f"{name} ({fmt}): the single run's report, byte for byte "
                      f"({len(got.stdout)} and {len(want.stdout)} bytes)")
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
