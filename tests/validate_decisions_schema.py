#!/usr/bin/env python3
"""The decisions file and the report with decisions, against their JSON Schemas:
schema/decisions.schema.json accepts the valid fixture and a file written by
`factcheck review`, and rejects the invalid fixtures that factcheck refuses; a
report with a decision and a stale one validates against schema/report.schema.json
(json, and every jsonl line against $defs/line).
Usage: validate_decisions_schema.py FACTCHECK_BINARY SOURCE_DIR"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

factcheck, src = sys.argv[1], sys.argv[2]
failed = 0


def check(ok, what):
    global failed
    print(("ok   " if ok else "FAIL ") + what)
    failed += not ok


schema = json.load(open(os.path.join(src, "schema/decisions.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
decisions = jsonschema.Draft202012Validator(schema)
data = os.path.join(src, "tests/data/decisions")
check(decisions.is_valid(json.load(open(os.path.join(data, "valid.json")))), "valid.json accepted")
# Fixtures a schema can judge (a day that does not exist, a finding decided twice
# and malformed JSON are refused by factcheck alone).
for name in ("bad-decision", "bad-fingerprint", "bad-time", "unknown-field", "missing-by"):
    doc = json.load(open(os.path.join(data, name + ".json")))
    check(not decisions.is_valid(doc), f"{name}.json rejected")

report_schema = json.load(open(os.path.join(src, "schema/report.schema.json")))
report = jsonschema.Draft202012Validator(report_schema)
line = jsonschema.Draft202012Validator({"$schema": report_schema["$schema"],
                                        "$defs": report_schema["$defs"], "$ref": "#/$defs/line"})

story = """---
outlet: {outlet}
published: 2025-05-{day}
---
The shelter took in {n} dogs last month, the county animal services office said.
"""
with tempfile.TemporaryDirectory(prefix="fc-decisions-") as tmp:
    copy = os.path.join(tmp, "copy")
    os.mkdir(copy)
    for name, outlet, day, n in (("a.md", "Lakeside Times", "06", 140),
                                 ("b.md", "Valley Herald", "07", 190)):
        with open(os.path.join(copy, name), "w") as f:
            f.write(story.format(outlet=outlet, day=day, n=n))
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", USER="schema-test")
    run = lambda *args: subprocess.run([factcheck, *args], capture_output=True, text=True, env=env)
    first = json.loads(run("-f", "json", copy).stdout)
    conflict = [f["id"] for f in first["findings"] if f["severity"] == "conflict"]
    check(len(conflict) == 1, "one conflict to decide")
    r = run("review", "--decisions", copy, conflict[0], "confirmed", "--note", "Herald misread")
    check(r.returncode == 0, "review exits 0: " + r.stderr.strip())
    r = run("review", "--decisions", copy, "f00000000000000ff", "false_alarm")
    written = json.load(open(os.path.join(copy, "factcheck.decisions.json")))
    errors = [e.message for e in decisions.iter_errors(written)]
    check(not errors, f"the file review wrote is valid {errors}")
    out = run("-f", "json", copy)
    doc = json.loads(out.stdout)
    errors = [e.message for e in report.iter_errors(doc)]
    check(not errors, f"json report with decisions is valid {errors[:3]}")
    check([f["decision"]["decision"] for f in doc["findings"] if f["id"] == conflict[0]]
          == ["confirmed"], "the decision is in the json report")
    check([s["finding"] for s in doc["stale_decisions"]] == ["f00000000000000ff"],
          "the stale decision is in the json report")
    lines = [json.loads(l) for l in run("-f", "jsonl", copy).stdout.splitlines()]
    bad = [l for l in lines if not line.is_valid(l)]
    check(not bad, f"every jsonl line is valid {bad[:1]}")
    check(sum(l.get("type") == "stale_decision" for l in lines) == 1, "one stale_decision line")

print(f"{failed} failed")
sys.exit(1 if failed else 0)
