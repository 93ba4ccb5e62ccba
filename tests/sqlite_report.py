#!/usr/bin/env python3
"""End-to-end test of -f sqlite: two runs over claims/ appended to one database,
read back with the sqlite3 shell (not with factcheck's own code), and compared
with the JSON report of the same corpus.

Usage: sqlite_report.py FACTCHECK_BINARY SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile

factcheck, src = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args, expect=1):
    p = subprocess.run([factcheck, *args], cwd=src, capture_output=True)
    check(p.returncode == expect,
          f"factcheck {' '.join(args)} exits {expect} (got {p.returncode}: {p.stderr[:300]!r})")
    return p


def sql(db, query):
    """The rows of query as dicts, through the sqlite3 shell's JSON mode."""
    p = subprocess.run(["sqlite3", "-bail", "-json", db, query], capture_output=True, text=True)
    if p.returncode != 0:
        check(False, f"sqlite3 {query!r}: {p.stderr.strip()}")
        return []
    return json.loads(p.stdout) if p.stdout.strip() else []


def one(db, query):
    rows = sql(db, query)
    return next(iter(rows[0].values())) if rows else None


report = json.loads(run("claims/", "-f", "json").stdout)
s = report["summary"]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "claims.db")
    first = run("-f", "sqlite", "-o", db, "claims/")
    check(first.stdout == b"", "-f sqlite writes nothing to standard output")
    run("-f", "sqlite", "-o", db, "claims/")

    # --- two runs, each with the counts of the JSON report --------------------------
    runs = sql(db, "SELECT * FROM runs ORDER BY id")
    check([r["id"] for r in runs] == [1, 2], f"two runs appended {[r['id'] for r in runs]}")
    for r in runs:
        got = {k: r[k] for k in ("inputs", "inputs_ok", "inputs_failed", "inputs_skipped",
                                 "claims", "findings", "conflicts", "warnings", "info")}
        want = {k: s[k] for k in got}
        check(got == want, f"run {r['id']}: the summary of the JSON report {got}")
        check(r["factcheck_version"] == report["tool"]["version"] and r["report"] == "full" and
              re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r["written_at"]),
              f"run {r['id']}: version, kind and time written {r}")
    for run_id in (1, 2):
        counts = (one(db, f"SELECT count(*) FROM documents WHERE run = {run_id}"),
                  one(db, f"SELECT count(*) FROM claims WHERE run = {run_id}"),
                  one(db, f"SELECT count(*) FROM findings WHERE run = {run_id}"),
                  one(db, f"SELECT count(*) FROM finding_claims JOIN findings ON "
                          f"findings.id = finding_claims.finding WHERE run = {run_id}"))
        want = (len(report["inputs"]), len(report["claims"]), len(report["findings"]),
                sum(len(f["claims"]) for f in report["findings"]))
        check(counts == want, f"run {run_id}: documents, claims, findings and their links "
                              f"count as in the JSON report {counts} {want}")

    # --- the keys hold --------------------------------------------------------------------
    check(sql(db, "PRAGMA foreign_key_check") == [], "PRAGMA foreign_key_check finds nothing")
    check(one(db, "PRAGMA integrity_check") == "ok", "PRAGMA integrity_check is ok")
    check(one(db, "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document "
                  "WHERE c.run <> d.run") == 0, "every claim's document is of the claim's run")
    check(one(db, "SELECT count(*) FROM finding_claims fc JOIN findings f ON f.id = fc.finding "
                  "JOIN claims c ON c.id = fc.claim WHERE f.run <> c.run") == 0,
          "every finding's claims are of the finding's run")
    indexes = {r["name"] for r in sql(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    check({"claims_document", "claims_claim_id", "findings_run", "finding_claims_claim"} <= indexes,
          f"the indexes a dashboard's joins use exist {sorted(indexes)}")

    # --- findings joined to claims and documents equal the JSON report ---------------------
    claims = {c["id"]: c for c in report["claims"]}
    outlet = {i["path"]: i.get("outlet") for i in report["inputs"]}
    want = [(f["id"], f["check"], f["severity"], c, claims[c]["doc"], outlet[claims[c]["doc"]])
            for f in report["findings"] for c in f["claims"]]
    got = [tuple(r.values()) for r in sql(
        db, "SELECT f.fingerprint, f.check_name, f.severity, c.claim_id, d.path, d.outlet "
            "FROM findings f JOIN finding_claims fc ON fc.finding = f.id "
            "JOIN claims c ON c.id = fc.claim JOIN documents d ON d.id = c.document "
            "WHERE f.run = 2 ORDER BY f.id, fc.seq")]
    check(got == want, f"findings -> claims -> documents equals the JSON report ({len(got)} rows)")
    got = [tuple(r.values()) for r in sql(
        db, "SELECT fingerprint, measure, key, label, message FROM findings WHERE run = 1 "
            "ORDER BY id")]
    want = [(f["id"], f["measure"], f["key"], f["label"], f["message"]) for f in report["findings"]]
    check(got == want, "findings carry the JSON report's measure, key, label and message")
    got = [tuple(r.values()) for r in sql(
        db, "SELECT claim_id, text, value, low, high, unit, measure, line, col FROM claims "
            "WHERE run = 1 ORDER BY id")]
    want = [(c["id"], c["text"], c["value"], c["low"], c["high"], c["unit"], c["measure"],
             c["line"], c["col"]) for c in report["claims"]]
    check(got == want, "claims carry the JSON report's text, value, interval, unit and place")
    nums = {(r["fingerprint"], r["name"]): r["value"] for r in sql(
        db, "SELECT f.fingerprint, n.name, n.value FROM finding_numbers n "
            "JOIN findings f ON f.id = n.finding WHERE f.run = 1")}
    # the JSON report drops the last binary digits of arithmetic noise (15 significant
    # digits when they read back within an ulp); the database keeps the double as it is
    want = {(f["id"], k): v for f in report["findings"] for k, v in f["numbers"].items()}
    check(nums.keys() == want.keys() and
          all(abs(nums[k] - v) <= 1e-12 * max(1.0, abs(v)) for k, v in want.items()),
          "finding_numbers holds every number of every finding")
    # docs/corpus.md: "About 250" of the raid is [225, 275]
    check(sql(db, "SELECT low, high FROM claims WHERE run = 2 AND text = 'About 250'") ==
          [{"low": 225.0, "high": 275.0}], "'About 250' is [225, 275] in the database too")

    # --- provenance: run_files hashes are sha256sum's --------------------------------------
    files = sql(db, "SELECT kind, path, sha256 FROM run_files WHERE run = 2 ORDER BY seq")
    sums = [subprocess.run(["sha256sum", f["path"]], cwd=src, capture_output=True,
                           text=True).stdout.split()[:1] for f in files]
    check([f["kind"] for f in files] == ["rules", "rules", "dataset", "events"] and
          [[f["sha256"]] for f in files] == sums,
          f"run_files: each rule and data file with the sha256 sha256sum gives {files}")
    check([(f["kind"], f["path"], f["sha256"]) for f in files] ==
          [(f["kind"], f["path"], f["sha256"]) for f in report["provenance"]["files"]],
          "run_files equals the JSON report's provenance")

    # --- the schema in docs/sqlite.md is the one written -------------------------------------
    doc = open(os.path.join(src, "docs/sqlite.md")).read()
    block = re.search(r"```sql\n(.*?)```", doc, re.S).group(1)
    norm = lambda t: re.sub(r"\s+", " ", re.sub(r"--[^\n]*", "", t)).replace("( ", "(") \
        .replace(" )", ")").strip()
    schema = subprocess.run(["sqlite3", db, ".schema"], capture_output=True, text=True).stdout
    check(norm(block) == norm(schema), "docs/sqlite.md holds the CREATE statements of the database")

    # --- errors: no -o, a file that is no database, a database of something else -----------
    for args in (["-f", "sqlite", "claims/"], ["-f", "sqlite", "-o", "-", "claims/"]):
        p = run(*args, expect=2)
        check(b"-o FILE" in p.stderr and b"standard output" in p.stderr and p.stdout == b"",
              f"factcheck {' '.join(args)}: a clear error, nothing written {p.stderr!r}")
    text = os.path.join(tmp, "notes.txt")
    with open(text, "w") as f:
        f.write("not a database, but a journalist's notes\n" * 100)
    p = run("-f", "sqlite", "-o", text, "claims/", expect=2)
    check(text.encode() in p.stderr and b"not a database" in p.stderr,
          f"a file that is no database: an error naming it {p.stderr!r}")
    check(open(text).read() == "not a database, but a journalist's notes\n" * 100,
          "the file that is no database is left as it was")
    other = os.path.join(tmp, "other.db")
    subprocess.run(["sqlite3", other, "CREATE TABLE budget (line TEXT, amount REAL)"], check=True)
    p = run("-f", "sqlite", "-o", other, "claims/", expect=2)
    check(other.encode() in p.stderr and b"did not make" in p.stderr and
          [r["name"] for r in sql(other, "SELECT name FROM sqlite_master")] == ["budget"],
          f"another program's database: refused, naming it, left as it was {p.stderr!r}")
    # an extract run is a run too, with claims and no findings
    run("extract", "-f", "sqlite", "-o", db, "claims/", expect=0)
    check(sql(db, "SELECT id, report, claims, findings FROM runs WHERE id = 3") ==
          [{"id": 3, "report": "claims", "claims": s["claims"], "findings": 0}] and
          one(db, "SELECT count(*) FROM findings WHERE run = 3") == 0 and
          one(db, "SELECT count(*) FROM claims WHERE run = 3") == s["claims"],
          "factcheck extract -f sqlite appends a run of claims without findings")

# --- review decisions: a finding's decision, and a stale one kept ---------------------------
with tempfile.TemporaryDirectory() as tmp:
    db, dec = os.path.join(tmp, "desk.db"), os.path.join(tmp, "decisions.json")
    pop = next(f["id"] for f in report["findings"] if f["severity"] == "conflict")
    run("review", "--decisions", dec, pop, "confirmed", "--note", "Pew's 2022 estimate",
        "--by", "Dana Whitfield", expect=0)
    run("review", "--decisions", dec, "f0123456789abcdef", "false_alarm", "--by", "Dana Whitfield",
        expect=0)
    run("--decisions", dec, "-f", "sqlite", "-o", db, "claims/")
    check(sql(db, "SELECT fingerprint, decision, decided_by, note FROM findings "
                  "WHERE decision IS NOT NULL") ==
          [{"fingerprint": pop, "decision": "confirmed", "decided_by": "Dana Whitfield",
            "note": "Pew's 2022 estimate"}], "a finding's decision is in its row")
    stale = sql(db, "SELECT fingerprint, decision, file, reason FROM stale_decisions")
    check(stale == [{"fingerprint": "f0123456789abcdef", "decision": "false_alarm", "file": dec,
                     "reason": "no finding with this fingerprint in this run"}],
          f"a stale decision is kept in stale_decisions, never dropped {stale}")
    check(sql(db, "PRAGMA foreign_key_check") == [], "foreign keys hold with decisions too")

sys.exit(1 if failures else 0)
