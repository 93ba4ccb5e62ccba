#!/usr/bin/env python3
"""Run the scenario suite (tests/scenarios/*.txt; the format is in README.md).

Usage: run.py FACTCHECK [SCENARIO_FILE_OR_DIR ...] [--verbose] [--case ID]

Each case's documents are written to a temporary folder and checked with
`FACTCHECK -f json FOLDER` under the built-in rules only. Prints one line a case,
the failures in detail, then the catch rate and the false-alarm rate. Exit status 1
when a case that is not marked xfail fails.
"""
import json
import os
import subprocess
import sys
import tempfile

SEVERITIES = {"conflict": {"conflict"}, "warning": {"warning"}, "info": {"info"},
              "flag": {"warning", "conflict"}}


class Case:
    def __init__(self, cid, path, line):
        self.id = cid
        self.path = path
        self.line = line
        self.expects = []  # (check, severity, [snippets], line)
        self.silent = []
        self.xfail = None
        self.docs = []  # (name, text)


def parse(path):
    cases = []
    case = None
    doc = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, 1):
        if raw.startswith("=== case:"):
            case = Case(raw.split(":", 1)[1].strip(), path, n)
            cases.append(case)
            doc = None
            continue
        if case is None:
            continue
        if raw.startswith("--- doc:"):
            doc = [raw.split(":", 1)[1].strip(), []]
            case.docs.append(doc)
            continue
        if doc is not None:
            doc[1].append(raw)
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, rest = line.partition(":")
        rest = rest.strip()
        if key == "expect":
            parts = [p.strip() for p in rest.split("|")]
            head = parts[0].split()
            if len(head) != 2 or head[1] not in SEVERITIES:
                sys.exit(f"{path}:{n}: expect: CHECK SEVERITY | SNIPPET ...")
            case.expects.append((head[0], head[1], [p for p in parts[1:] if p], n))
        elif key == "silent":
            case.silent.extend(rest.split())
        elif key == "xfail":
            case.xfail = rest or "known gap"
        elif key == "note":
            pass
        else:
            sys.exit(f"{path}:{n}: unknown header line {line!r}")
    for c in cases:
        c.docs = [(name, "\n".join(body).strip("\n") + "\n") for name, body in c.docs]
        if not c.docs:
            sys.exit(f"{c.path}:{c.line}: case {c.id} has no document")
    return cases


def run_case(factcheck, case):
    with tempfile.TemporaryDirectory(prefix="fc-scenario-") as tmp:
        for name, text in case.docs:
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(text)
        p = subprocess.run([factcheck, "-f", "json", "-j", "1", tmp], capture_output=True,
                           text=True)
        if p.returncode not in (0, 1):
            return None, f"factcheck exited {p.returncode}: {p.stderr.strip()}"
        report = json.loads(p.stdout)
    claims = {c["id"]: c for c in report["claims"]}
    texts = {name: text.encode("utf-8") for name, text in case.docs}
    for c in claims.values():  # the document's text from the claim's start on
        doc = texts.get(os.path.basename(c.get("doc") or ""), b"")
        c["_here"] = doc[c["start"]:c["end"]].decode("utf-8", "replace")
        c["_on"] = doc[c["start"]:c["end"] + 200].decode("utf-8", "replace")
    return (claims, report["findings"]), None


def matches(expect, finding, claims):
    check, sev, snippets, _ = expect
    if finding["check"] != check or finding["severity"] not in SEVERITIES[sev]:
        return False
    mine = [claims[i] for i in finding["claims"] if i in claims]
    return all(any(s.lower() in c["text"].lower() or starts_in(s, c) for c in mine)
               for s in snippets)


def starts_in(s, c):
    """Whether snippet s starts within the claim's text and runs on past it
    ("three times as many as" for "three times"; "600 units" for "about 600").
    Letter case is not compared: "one in five" names the claim "One in five"."""
    at = c["_on"].lower().find(s.lower())
    return 0 <= at < len(c["_here"])


def describe(f, claims):
    texts = ", ".join(repr(claims[i]["text"]) for i in f["claims"] if i in claims)
    return f"{f['severity']} {f['check']} [{texts}]: {f['message']}"


def main(argv):
    verbose = "--verbose" in argv
    only = None
    if "--case" in argv:
        only = argv[argv.index("--case") + 1]
        argv = [a for a in argv if a not in ("--case", only)]
    argv = [a for a in argv if a != "--verbose"]
    if len(argv) < 2:
        sys.exit(__doc__)
    factcheck = argv[1]
    paths = argv[2:] or [os.path.dirname(os.path.abspath(__file__))]
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".txt"))
        else:
            files.append(p)
    cases = [c for f in files for c in parse(f)]
    ids = [c.id for c in cases]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"duplicate case ids: {sorted(dup)}")
    if only:
        cases = [c for c in cases if c.id == only]
    flagged_expects = met_flagged = 0
    false_alarm_cases = failed = xfailed = xpassed = 0
    beats = {}
    for case in cases:
        result, err = run_case(factcheck, case)
        problems = []
        unexpected = []
        if err:
            problems.append(err)
        else:
            claims, findings = result
            for e in case.expects:
                ok = any(matches(e, f, claims) for f in findings)
                if e[1] != "info":
                    flagged_expects += 1
                    met_flagged += ok
                if not ok:
                    problems.append(f"line {e[3]}: missed {e[0]} {e[1]} | " + " | ".join(e[2]))
            for f in findings:
                if f["severity"] == "info":
                    continue
                if not any(matches(e, f, claims) for e in case.expects):
                    unexpected.append(f)
            if unexpected:
                false_alarm_cases += 1
                problems += ["false alarm: " + describe(f, claims) for f in unexpected]
        beat = case.id.split("-", 1)[0]
        b = beats.setdefault(beat, [0, 0])
        b[0] += 1
        if problems:
            if case.xfail:
                xfailed += 1
                status = "XFAIL"
            else:
                failed += 1
                status = "FAIL"
        else:
            b[1] += 1
            status = "XPASS" if case.xfail else "ok"
            xpassed += bool(case.xfail)
        print(f"{status:5} {case.id}")
        if problems and (status == "FAIL" or verbose):
            if case.xfail:
                print(f"      (xfail: {case.xfail})")
            for p in problems:
                print("      " + p)
        if verbose and not err:
            for f in result[1]:
                print("      . " + describe(f, result[0]))
    n = len(cases)
    print()
    print(f"{n} cases on {len(beats)} beats: {n - failed - xfailed} passed, {failed} failed, "
          f"{xfailed} known gaps (xfail), {xpassed} xfail passed")
    print("per beat (passed/cases): " +
          ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(beats.items())))
    if flagged_expects:
        print(f"catch rate: {met_flagged}/{flagged_expects} expected warnings and conflicts "
              f"raised ({100 * met_flagged / flagged_expects:.1f}%)")
    if n:
        print(f"false-alarm rate: {false_alarm_cases}/{n} cases with an unexpected warning or "
              f"conflict ({100 * false_alarm_cases / n:.1f}%)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
