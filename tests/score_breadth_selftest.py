#!/usr/bin/env python3
"""Checks tools/score_breadth.py itself on a small gold set and a stand-in for
factcheck that prints fixed records: matching by span overlap, the accuracy of each
field (unit_name and base_value read when present, wrong when absent, US spellings
accepted), trap silence, attribution on articles, and the exit status of the floors.

Usage: score_breadth_selftest.py SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SENTENCES = [
    {"id": "science-001", "domain": "science", "text": "The rod is 2.5 mm wide and weighs 30g.",
     "claims": [
         {"span": "2.5 mm", "value": 2.5, "low": 2.5, "high": 2.5, "unit": "other",
          "unit_name": "millimetre", "base_value": 0.0025, "currency": None,
          "forms": ["unit_spaced"]},
         {"span": "30g", "value": 30, "low": 30, "high": 30, "unit": "other",
          "unit_name": "gram", "base_value": 0.03, "currency": None, "forms": ["unit_glued"]}]},
    {"id": "business-001", "domain": "business", "text": "It cost $2.4m, up 45 cents.",
     "claims": [
         {"span": "$2.4m", "value": 2400000, "low": 2400000, "high": 2400000, "unit": "currency",
          "unit_name": "dollar", "base_value": 2400000, "currency": "USD"},
         {"span": "45 cents", "value": 45, "low": 45, "high": 45, "unit": "currency",
          "unit_name": "cent", "base_value": 0.45, "currency": "USD"}]},
    {"id": "trap-001", "domain": "trap", "trap": "figure", "text": "See Fig. 3 for the data.", "claims": []},
    {"id": "trap-002", "domain": "trap", "trap": "age", "text": "Children under 5 ride free.", "claims": []},
]
ARTICLE = ("Rain record\n\nRain reached 41 mm, the Midland Agency said.\n\n"
           "The agency said 12 towns flooded.\n")
ARTICLE_GOLD = [
    {"anchor": "41 mm", "value": 41, "low": 41, "high": 41, "unit": "other",
     "unit_name": "millimetre", "base_value": 0.041, "currency": None, "attribution": "Midland Agency"},
    {"anchor": "12", "value": 12, "low": 12, "high": 12, "unit": "count",
     "unit_name": None, "base_value": None, "currency": None, "attribution": "Midland Agency"},
]

# What the stand-in prints for each piece of text it finds in a document.
RECORDS = {
    "2.5 mm": {"value": 2.5, "low": 2.5, "high": 2.5, "unit": "other", "currency": None,
               "unit_name": "Millimeter", "base_value": 0.0025},
    "30": {"value": 30, "low": 30, "high": 30, "unit": "count", "currency": None},
    "wide": {"value": 1, "low": 1, "high": 1, "unit": "count", "currency": None},
    "$2.4m": {"value": 2400000, "low": 2400000, "high": 2400000, "unit": "currency",
              "currency": "USD", "unit_name": "dollar", "base_value": 2400000},
    "45 cents": {"value": 0.45, "low": 0.45, "high": 0.45, "unit": "currency", "currency": "USD",
                 "unit_name": "cent", "base_value": 0.45},
    "under 5": {"value": 5, "low": 0, "high": 5, "unit": "count", "currency": None},
    "41 mm": {"value": 41, "low": 41, "high": 41, "unit": "other", "currency": None,
              "unit_name": "millimetre", "base_value": 0.041, "attribution": "the Midland Agency"},
    "12": {"value": 12, "low": 12, "high": 12, "unit": "count", "currency": None,
           "unit_name": None, "attribution": "agency"},
}

STANDIN = r'''#!/usr/bin/env python3
import json, sys
records = json.loads(%r)
paths = [a for a in sys.argv[1:] if a not in ("extract", "--format", "jsonl")]
for path in paths:
    data = open(path, "rb").read()
    for text, fields in records.items():
        pos = data.find(text.encode("utf-8"))
        if pos < 0:
            continue
        rec = {"doc": path, "start": pos, "end": pos + len(text.encode("utf-8")), "text": text}
        rec.update(fields)
        print(json.dumps(rec))
'''


def run(tool, gold, standin, *floors):
    out = subprocess.run([sys.executable, tool, "--gold", gold, "--factcheck", standin, *floors],
                         capture_output=True, text=True)
    return out.returncode, out.stdout + out.stderr


def main():
    src = sys.argv[1]
    tool = os.path.join(src, "tools", "score_breadth.py")
    failures = []

    def expect(cond, what, output):
        if not cond:
            failures.append(what)
            print(f"FAIL: {what}\n{output}")

    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold")
        os.makedirs(os.path.join(gold, "articles"))
        with open(os.path.join(gold, "sentences.jsonl"), "w", encoding="utf-8") as f:
            for s in SENTENCES:
                f.write(json.dumps(s) + "\n")
        with open(os.path.join(gold, "articles", "01-rain.txt"), "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        with open(os.path.join(gold, "articles", "01-rain.jsonl"), "w", encoding="utf-8") as f:
            for c in ARTICLE_GOLD:
                f.write(json.dumps(c) + "\n")
        standin = os.path.join(tmp, "factcheck")
        with open(standin, "w") as f:
            f.write(STANDIN % json.dumps(RECORDS))
        os.chmod(standin, 0o755)

        rc, out = run(tool, gold, standin)
        expect(rc == 0, "exit status 0 without floors", out)
        # science: both claims found, one extra ("wide"); value right twice; unit_name
        # right for "Millimeter", wrong for the record with no unit_name; base_value
        # likewise; no currency on either side, so no currency score (1.000).
        expect(re.search(r"^science\s+2\s+1\s+0\s+0\.667\s+1\.000\s+1\.000\s+1\.000\s+0\.500\s+0\.500"
                         r"\s+1\.000\s+0\.500$", out, re.M), "science row", out)
        # business: "45 cents" as 0.45 is a wrong value and interval; names, base
        # values and currencies right.
        expect(re.search(r"^business\s+2\s+0\s+0\s+1\.000\s+1\.000\s+0\.500\s+0\.500\s+1\.000\s+1\.000"
                         r"\s+1\.000\s+1\.000$", out, re.M), "business row", out)
        expect(re.search(r"^TOTAL\s+4\s+1\s+0\s+0\.800\s+1\.000\s+0\.750\s+0\.750\s+0\.750\s+0\.750",
                         out, re.M), "total row", out)
        expect("trap silence: 1/2 0.500  (age 0/1, figure 1/1)" in out, "trap silence", out)
        # articles: "the Midland Agency" is the gold source once the article is
        # dropped; "agency" is not.
        expect(re.search(r"articles \(1\): TP 2 FP 0 FN 0 .* attribution 1/2 0\.500", out),
               "articles line", out)

        rc, out = run(tool, gold, standin, "--min-value", "0.75", "--min-trap-silence", "0.5",
                      "--min-attribution", "0.5")
        expect(rc == 0, "floors met: exit 0", out)
        rc, out = run(tool, gold, standin, "--min-unit-name", "0.8")
        expect(rc == 1 and "unit-name 0.750 is below the floor 0.8" in out, "floor missed: exit 1", out)
        rc, out = run(tool, gold, standin, "--forms")
        expect(re.search(r"^unit_glued\s+1\s+1\.000\s+1\.000\s+1\.000\s+0\.000$", out, re.M)
               and re.search(r"^unit_spaced\s+1\s+1\.000\s+1\.000\s+1\.000\s+1\.000$", out, re.M),
               "rows per form", out)
        rc, out = run(tool, gold, standin, "--details")
        expect("  extra  science-001: 'wide'" in out and "  TRAP   trap-002: 'under 5'" in out
               and "unit_name: got '(no field)', want 'gram'" in out, "details", out)

        with open(os.path.join(gold, "sentences.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps({"id": "x-001", "domain": "science", "text": "No figure here.",
                                "claims": [{"span": "9 kg", "value": 9}]}) + "\n")
        rc, out = run(tool, gold, standin)
        expect(rc == 2 and "span '9 kg' not in the sentence" in out, "bad gold: exit 2", out)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("score_breadth.py: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
