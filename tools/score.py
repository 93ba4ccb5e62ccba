#!/usr/bin/env python3
"""Score factcheck's extractor against gold annotations.

A gold file (NAME.jsonl) annotates the document NAME.txt or NAME.md in --docs:
one JSON object a line.

  {"anchor": "110,000", "nth": 1, "value": 110000, "low": 99000, "high": 121000,
   "qualifier": "approximately", "unit": "count", "per": null,
   "attribution": "Pew Research Center", "modality": "estimate"}
      a claim: the nth occurrence (default 1) of the anchor text in the document
      must overlap the span of one extracted claim; the other fields are compared.
  {"anchor": "Jan. 28", "claim": false}
      a trap: no extracted claim may overlap it.

Prints, per document and in total: true positives, false positives, false
negatives, precision, recall, F1; per-field accuracy over matched claims (value,
interval, unit, per, attribution, modality); then every miss, every spurious
claim, every trap that was reported, and every field that differs.

Usage: score.py --gold DIR --docs DIR [--factcheck BIN] [--min-f1 X] [--min-value X]
Exit status: 0, or 1 when a --min-* threshold is not met, or more traps are hit
than --max-traps (default 0).
"""
import argparse
import json
import math
import os
import subprocess
import sys

FIELDS = ["value", "interval", "unit", "per", "attribution", "modality"]


def norm_attr(a):
    if a is None:
        return None
    a = a.strip().lower()
    for art in ("the ", "an ", "a "):
        if a.startswith(art):
            a = a[len(art):]
    return a


def num_eq(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def field_ok(field, gold, got):
    """Whether the extracted claim got a field of the gold claim right; None when
    the gold annotation does not state the field."""
    if field == "interval":
        if "low" not in gold and "high" not in gold:
            return None
        return num_eq(gold.get("low"), got.get("low")) and num_eq(gold.get("high"), got.get("high"))
    if field not in gold:
        return None
    if field == "value":
        return num_eq(gold["value"], got.get("value"))
    if field == "attribution":
        return norm_attr(gold["attribution"]) == norm_attr(got.get("attribution"))
    return gold[field] == got.get(field)


def anchor_span(data, anchor, nth):
    needle = anchor.encode("utf-8")
    pos = -1
    for _ in range(nth):
        pos = data.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def extract(factcheck, path):
    out = subprocess.run([factcheck, "extract", "--format", "jsonl", path],
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"score.py: factcheck failed on {path}: {out.stderr.decode()}")
    lines = [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]
    return [c for c in lines if c.get("type") != "input"]  # the claims, not the inputs


def find_doc(docs, name):
    for ext in (".txt", ".md", ""):
        p = os.path.join(docs, name + ext)
        if os.path.isfile(p):
            return p
    return None


def score_doc(factcheck, gold_path, doc_path, report):
    data = open(doc_path, "rb").read()
    golds, traps = [], []
    for lineno, line in enumerate(open(gold_path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        g = json.loads(line)
        span = anchor_span(data, g["anchor"], g.get("nth", 1))
        if span is None:
            raise SystemExit(f"{gold_path}:{lineno}: anchor {g['anchor']!r} "
                             f"(occurrence {g.get('nth', 1)}) not found in {doc_path}")
        (traps if g.get("claim") is False else golds).append((span, g))
    got = extract(factcheck, doc_path)
    used = set()
    tp, fields = 0, {f: [0, 0] for f in FIELDS}
    for span, g in golds:
        match = None
        for i, c in enumerate(got):
            if i not in used and c["start"] < span[1] and span[0] < c["end"]:
                match = i
                break
        if match is None:
            report.append(f"  miss   {doc_path}: {g['anchor']!r}")
            continue
        used.add(match)
        tp += 1
        c = got[match]
        for f in FIELDS:
            ok = field_ok(f, g, c)
            if ok is None:
                continue
            fields[f][1] += 1
            fields[f][0] += ok
            if not ok:
                want = (g.get("low"), g.get("high")) if f == "interval" else g.get(f)
                have = (c.get("low"), c.get("high")) if f == "interval" else c.get(f)
                report.append(f"  field  {doc_path}: {g['anchor']!r} {f}: got {have!r}, want {want!r}")
    trap_hits = 0
    for i, c in enumerate(got):
        if i in used:
            continue
        hit = [g["anchor"] for span, g in traps if c["start"] < span[1] and span[0] < c["end"]]
        if hit:
            trap_hits += 1
            report.append(f"  TRAP   {doc_path}: reported {c['text']!r} (not a claim: {hit[0]!r})")
        else:
            report.append(f"  extra  {doc_path}: {c['text']!r}")
    return tp, len(got) - len(used), len(golds) - tp, fields, trap_hits


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True, help="folder of NAME.jsonl gold files")
    ap.add_argument("--docs", required=True, help="folder holding the documents")
    ap.add_argument("--factcheck", default="factcheck", help="the factcheck program")
    ap.add_argument("--min-f1", type=float, default=None)
    ap.add_argument("--min-value", type=float, default=None,
                    help="minimum accuracy of value and of interval over matched claims")
    ap.add_argument("--max-traps", type=int, default=0,
                    help="how many traps may be reported as claims before failing (default 0)")
    a = ap.parse_args()

    total = [0, 0, 0]
    fields = {f: [0, 0] for f in FIELDS}
    traps = 0
    report = []
    print(f"{'document':<40} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for name in sorted(os.listdir(a.gold)):
        if not name.endswith(".jsonl"):
            continue
        stem = name[:-len(".jsonl")]
        doc = find_doc(a.docs, stem)
        if doc is None:
            raise SystemExit(f"score.py: no document for {name} in {a.docs}")
        tp, fp, fn, fl, th = score_doc(a.factcheck, os.path.join(a.gold, name), doc, report)
        traps += th
        for i, v in enumerate((tp, fp, fn)):
            total[i] += v
        for f in FIELDS:
            fields[f][0] += fl[f][0]
            fields[f][1] += fl[f][1]
        p, r, f1 = prf(tp, fp, fn)
        print(f"{stem:<40} {tp:>4} {fp:>4} {fn:>4} {p:>6.3f} {r:>6.3f} {f1:>6.3f}")
    p, r, f1 = prf(*total)
    print(f"{'TOTAL':<40} {total[0]:>4} {total[1]:>4} {total[2]:>4} {p:>6.3f} {r:>6.3f} {f1:>6.3f}")
    print("field accuracy over matched claims:")
    acc = {}
    for f in FIELDS:
        ok, n = fields[f]
        acc[f] = ok / n if n else 1.0
        print(f"  {f:<12} {ok:>4}/{n:<4} {acc[f]:.3f}")
    print(f"traps reported as claims: {traps}")
    if report:
        print("details:")
        print("\n".join(report))
    failed = traps > a.max_traps
    if failed:
        print(f"{traps} traps reported as claims, more than {a.max_traps}")
    if a.min_f1 is not None and f1 < a.min_f1:
        print(f"F1 {f1:.3f} is below {a.min_f1}")
        failed = True
    if a.min_value is not None:
        for f in ("value", "interval"):
            if acc[f] < a.min_value:
                print(f"{f} accuracy {acc[f]:.3f} is below {a.min_value}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
