#!/usr/bin/env python3
"""`factcheck check CLAIMS.jsonl...` writes the report of the run over the documents.

Usage: claims_files.py FACTCHECK SOURCE_DIR

For claims/ and for a second corpus (every case of tests/scenarios written out as a
folder of its own under one folder: 198 cases, 267 documents), and for every
report format, the report and the exit status of `factcheck check` on the claims
file `factcheck extract -f jsonl` wrote must equal those of `factcheck DIR`, byte
for byte; also with the claims file cut in two and the halves given in reverse
order, and concatenated in reverse order into one file; the text report with
--list-claims too (each claim's line and column), and -f sqlite, whose databases
must hold the same rows (`sqlite3 .dump`, the run's time of writing left out);
in both corpora each claim is at the line and column of its first byte in its
file.
Then bad claims files: a
line that is not JSON and a claim without its "value" are errors naming FILE:LINE,
the other lines are still read and checked, and the exit status is 2; a claims file
left out (the input records count claims that are missing) is an error too.
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenarios"))
import run as scenarios  # noqa: E402

FORMATS = [["-f", "text"], ["-f", "text", "--list-claims"], ["-f", "json"], ["-f", "jsonl"],
           ["-f", "csv"], ["-f", "claimreview"], ["-f", "html"], ["-f", "sqlite"]]
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL:", what)
    else:
        print("ok:", what)


def fc(*args, stdin=None):
    p = subprocess.run([FC, *args], capture_output=True, input=stdin, timeout=600)
    return p.returncode, p.stdout, p.stderr


def write_scenarios(root):
    n = 0
    for name in sorted(os.listdir(os.path.join(SRC, "tests", "scenarios"))):
        if not name.endswith(".txt"):
            continue
        for case in scenarios.parse(os.path.join(SRC, "tests", "scenarios", name)):
            d = os.path.join(root, case.id)
            os.makedirs(d, exist_ok=True)
            for doc, text in case.docs:
                with open(os.path.join(d, doc), "w", encoding="utf-8") as f:
                    f.write(text)
                n += 1
    return n


def dump(db):
    """The database's rows as SQL, the run's time of writing left out."""
    out = subprocess.run(["sqlite3", db, ".dump"], capture_output=True, check=True).stdout
    return re.sub(rb"(INSERT INTO runs VALUES\(\d+,)'[^']*'", rb"\1'TIME'", out)


def report(args, out):
    """factcheck ARGS; for -f sqlite, written to a new database OUT, read back by dump."""
    if "sqlite" not in args:
        return fc(*args)
    if os.path.exists(out):
        os.remove(out)
    code, stdout, err = fc(*args, "-o", out)
    return code, stdout + (dump(out) if os.path.exists(out) else b""), err


def same_as_folder_run(name, folder, rules, tmp):
    code, claims, err = fc("extract", "-f", "jsonl", "-j", "2", folder)
    check(code == 0, f"{name}: extract -f jsonl exits 0 ({err[:200]!r})")
    whole = os.path.join(tmp, name + ".jsonl")
    with open(whole, "wb") as f:
        f.write(claims)
    lines = claims.splitlines(keepends=True)
    half = len(lines) // 2
    first, second = os.path.join(tmp, name + "-1.jsonl"), os.path.join(tmp, name + "-2.jsonl")
    with open(first, "wb") as f:
        f.writelines(lines[:half])
    with open(second, "wb") as f:
        f.writelines(lines[half:])
    reversed_one = os.path.join(tmp, name + "-rev.jsonl")
    with open(reversed_one, "wb") as f:
        f.writelines(lines[half:] + lines[:half])
    for opts in FORMATS:
        fmt = " ".join(opts[1:])
        want = report([*opts, folder], os.path.join(tmp, "want.db"))
        check(want[0] == 1 and want[1], f"{name}: the folder run finds conflicts ({fmt})")
        for label, files in [("one file", [whole]), ("two halves, reversed", [second, first]),
                             ("halves concatenated in reverse", [reversed_one])]:
            got = report(["check", *rules, *opts, *files], os.path.join(tmp, "got.db"))
            check(got[0] == want[0], f"{name}, {fmt}, {label}: exit {got[0]}, folder run {want[0]}")
            check(got[1] == want[1], f"{name}, {fmt}, {label}: the report is the folder run's, "
                                     f"byte for byte ({len(got[1])} and {len(want[1])} bytes)")
    return whole, lines


def bad_input(tmp, lines):
    """A malformed line and a claim without its value: errors naming FILE:LINE."""
    claims = [i for i, l in enumerate(lines) if b'"type":"input"' not in l]
    bad = list(lines)
    bad[claims[0]] = b'{"id": "c1", this is not JSON\n'
    k = claims[1]
    bad[k] = bad[k].replace(b'"value":', b'"worth":', 1)
    path = os.path.join(tmp, "bad.jsonl")
    with open(path, "wb") as f:
        f.writelines(bad)
    code, out, err = fc("check", "-f", "json", path)
    err = err.decode()
    check(code == 2, f"bad claims file: exit status 2 (got {code})")
    check(f"{path}:{claims[0] + 1}: not JSON" in err, f"the malformed line is named: {err[:300]!r}")
    check(f'{path}:{k + 1}: no "value"' in err, "the claim without its value is named")
    import json
    report = json.loads(out)
    check(report["summary"]["claims"] == len(claims) - 2,
          f"the other {len(claims) - 2} claims are read (got {report['summary']['claims']})")
    check(report["summary"]["findings"] > 0, "and checked")
    # A claims file left out: its claims are missing from the inputs' counts.
    part = os.path.join(tmp, "part.jsonl")
    with open(part, "wb") as f:
        f.writelines(lines[len(lines) // 3:])
    code, out, err = fc("check", "-f", "json", part)
    check(code == 2 and b"claims recorded" in err,
          f"a claims file left out is an error: {code} {err[:200]!r}")


def places_from_the_text(name, folder):
    """A kept document gives each claim's line and column from the stretch that
    holds it: they must be those of the claim's first byte in the file (line and
    column from 1, the column in bytes), counted here from the file itself."""
    import json
    code, out, err = fc("-f", "json", folder)
    report = json.loads(out)
    wrong = []
    for c in report["claims"]:
        with open(c["doc"], "rb") as f:
            text = f.read()
        before = text[:c["start"]]
        line = before.count(b"\n") + 1
        col = c["start"] - (before.rfind(b"\n") + 1) + 1
        if (c["line"], c["col"]) != (line, col):
            wrong.append((c["id"], c["line"], c["col"], line, col))
    check(len(report["claims"]) > 50 and not wrong,
          f"{name}: each of {len(report['claims'])} claims is at the line and column of its "
          f"first byte ({wrong[:3]})")


def main(argv):
    global FC, SRC
    FC, SRC = argv[1], argv[2]
    with tempfile.TemporaryDirectory(prefix="fc-claims-") as tmp:
        claims_dir = os.path.join(SRC, "claims")
        # The folder run reads claims/factcheck.rules.json; check is given it.
        whole, lines = same_as_folder_run(
            "claims", claims_dir, ["--rules", os.path.join(claims_dir, "factcheck.rules.json")],
            tmp)
        places_from_the_text("claims", claims_dir)
        corpus = os.path.join(tmp, "scenarios")
        n = write_scenarios(corpus)
        check(n > 250, f"the second corpus has {n} documents")
        same_as_folder_run("scenarios", corpus, [], tmp)
        places_from_the_text("scenarios", corpus)
        bad_input(tmp, lines)
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
