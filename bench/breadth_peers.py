#!/usr/bin/env python3
"""factcheck beside Microsoft Recognizers-Text on the breadth gold set's sentences.

For every gold quantity of tests/gold/breadth/sentences.jsonl, each extractor gets
  value       right when one of its results overlapping the gold span has the gold
              value (relative tolerance 1e-6);
  value+unit  right when one such result also has the gold unit: the same
              unit_name (after the spelling rules of tools/score_breadth.py), for
              money no other ISO currency than the gold one, no unit for counts
              and ratios.
factcheck records without a unit_name field get the unit their class implies where
the class says it all (count and ratio: none; percent; percentage point; currency
by its ISO code); other classes (durations, physical
measures) then have no unit. Recognizers-Text's results are those of its number,
percentage, currency, dimension and temperature models (bench/peers/breadth.js), its
unit names mapped to the set's vocabulary ("Kilometer per hour" = "kilometre per
hour", "C" = "degree Celsius", money by its ISO code: "Australian dollar" = AUD).
The same per written form (the gold claims' `forms`), and the share of trap
sentences on which each reports nothing.

Usage: bench/breadth_peers.py [--factcheck BIN] [--gold DIR]
Installs the peers' npm packages (bench/peers/package-lock.json) when missing.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
spec = importlib.util.spec_from_file_location("score_breadth", os.path.join(ROOT, "tools", "score_breadth.py"))
sb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sb)

# Recognizers-Text unit names (lowercased) that differ from the set's vocabulary.
RT_UNITS = {
    "c": "degree celsius", "f": "degree fahrenheit", "k": "kelvin",
    "percentage": "percent", "pence": "penny", "cent": "cent",
    "square meter": "square metre", "square kilometer": "square kilometre",
    "cubic meter": "cubic metre", "kilometer per hour": "kilometre per hour",
    "meter per second": "metre per second", "mile per hour": "mile per hour",
    "kilowatt hour": "kilowatt hour", "horsepower": "horsepower",
    "ton": "tonne", "metric ton": "tonne", "square hectometre": "hectare",
}
# A currency word Recognizers-Text resolves without an ISO code, when only one
# currency goes by it; "franc", "rupee", "peso", "riyal", "krone" stay unresolved.
CURRENCY_WORDS = {"dollar": "USD", "pound": "GBP", "euro": "EUR", "yen": "JPY", "yuan": "CNY",
                  "won": "KRW", "rand": "ZAR", "naira": "NGN", "ringgit": "MYR"}


def to_float(v):
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().rstrip("%").replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def rt_unit(r):
    """(unit name, currency) of a Recognizers-Text result in the set's vocabulary."""
    if r["model"] == "number":
        return None, None
    if r["model"] == "percentage":
        return "percent", None
    u = (r["unit"] or "").lower()
    u = RT_UNITS.get(u, u)
    if r["model"] == "currency":
        last = u.split()[-1] if u else ""
        last = {"pence": "penny", "dollars": "dollar"}.get(last, last)
        iso = r["iso"]
        if last in ("cent", "penny"):
            return last, iso or ("GBP" if last == "penny" else "USD")
        if iso is None and last in CURRENCY_WORDS and (last != "dollar" or u == "dollar"):
            iso = CURRENCY_WORDS[last]
        return sb.norm_unit(iso) if iso else u, iso
    return sb.norm_unit(u), None


def fc_unit(c):
    if "unit_name" in c:
        return sb.norm_unit(c["unit_name"]), c.get("currency")
    cls = c.get("unit")
    if cls in ("count", "ratio"):
        return None, None
    if cls == "percent":
        return "percent", None
    if cls == "percentage_point":
        return "percentage point", None
    if cls == "currency" and c.get("currency"):
        return sb.norm_unit(c["currency"]), c["currency"]
    return "(class %s)" % cls, c.get("currency")


def unit_ok(gold, name, cur):
    """The unit name matches and the currency, when the result names one, too."""
    if sb.norm_unit(gold.get("unit_name")) != name:
        return False
    return cur is None or gold.get("currency") == cur


def judge(gold, span, cands):
    """cands: [(start, end, value, unit name, currency)] in the sentence (characters)."""
    v_ok = vu_ok = False
    for s, e, val, name, cur in cands:
        if min(e, span[1]) - max(s, span[0]) <= 0:
            continue
        if sb.num_eq(float(gold["value"]), val):
            v_ok = True
            if unit_ok(gold, name, cur):
                vu_ok = True
    return v_ok, vu_ok


def utf16_to_chars(text):
    """Index: UTF-16 offset -> character offset."""
    m = []
    for i, ch in enumerate(text):
        m.extend([i] * (2 if ord(ch) > 0xFFFF else 1))
    m.append(len(text))
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factcheck", default=os.path.join(ROOT, "build", "bin", "factcheck"))
    ap.add_argument("--gold", default=os.path.join(ROOT, "tests", "gold", "breadth"))
    a = ap.parse_args()
    peers = os.path.join(HERE, "peers")
    import shutil
    if not shutil.which("node") or not shutil.which("npm"):
        print("breadth_peers.py: needs node and npm (Debian: apt-get install nodejs npm)", file=sys.stderr)
        return 2
    if not os.path.isdir(os.path.join(peers, "node_modules", "@microsoft")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=peers, check=True)
    rows = [r for _, r in sb.load_jsonl(os.path.join(a.gold, "sentences.jsonl"))]

    # factcheck: every sentence in one document, as tools/score_breadth.py does.
    doc, starts = bytearray(), []
    for r in rows:
        starts.append(len(doc))
        doc += r["text"].encode("utf-8") + b"\n\n"
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "sentences.txt")
        with open(p, "wb") as f:
            f.write(doc)
        got = sb.extract(a.factcheck, [p])
    import bisect
    fc = [[] for _ in rows]
    for c in got:
        i = bisect.bisect_right(starts, c["start"]) - 1
        b = rows[i]["text"].encode("utf-8")
        s = len(b[:c["start"] - starts[i]].decode("utf-8", "replace"))
        e = len(b[:c["end"] - starts[i]].decode("utf-8", "replace"))
        name, cur = fc_unit(c)
        fc[i].append((s, e, to_float(c.get("value")), name, cur))

    # Recognizers-Text: one call per sentence, all models.
    inp = "\n".join(json.dumps(r["text"], ensure_ascii=False) for r in rows) + "\n"
    out = subprocess.run(["node", os.path.join(peers, "breadth.js")], input=inp.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8").splitlines()
    rt = []
    for r, line in zip(rows, out):
        m = utf16_to_chars(r["text"])
        cands = []
        for x in json.loads(line):
            name, cur = rt_unit(x)
            cands.append((m[min(x["start"], len(m) - 1)], m[min(x["end"], len(m) - 1)],
                          to_float(x["value"]), name, cur))
        rt.append(cands)

    tally, by_form = {}, {}
    traps = {"fc": [0, 0], "rt": [0, 0]}
    for r, f_c, r_c in zip(rows, fc, rt):
        if r["domain"] == "trap":
            for k, cands in (("fc", f_c), ("rt", r_c)):
                traps[k][1] += 1
                traps[k][0] += not cands
            continue
        t = tally.setdefault(r["domain"], [0, 0, 0, 0, 0])
        for g in r["claims"]:
            rows_here = [t] + [by_form.setdefault(f, [0, 0, 0, 0, 0]) for f in g.get("forms", [])]
            start = r["text"].find(g["span"])
            for _ in range(g.get("nth", 1) - 1):
                start = r["text"].find(g["span"], start + 1)
            span = (start, start + len(g["span"]))
            res = (1,) + judge(g, span, f_c) + judge(g, span, r_c)
            for row in rows_here:
                for i, x in enumerate(res):
                    row[i] += x
    rt_version = json.load(open(os.path.join(peers, "node_modules", "@microsoft",
                                             "recognizers-text-number", "package.json")))["version"]
    print(f"gold quantities right (value; value and unit), factcheck beside Recognizers-Text {rt_version}")
    print(f"{'domain':<10} {'gold':>5}  {'fc value':>9} {'fc v+unit':>9}  {'RT value':>9} {'RT v+unit':>9}")
    total = [0, 0, 0, 0, 0]
    for d in sorted(tally):
        t = tally[d]
        total = [x + y for x, y in zip(total, t)]
        print(f"{d:<10} {t[0]:>5}  " + "  ".join(f"{t[i] / t[0]:>9.3f} {t[i + 1] / t[0]:>9.3f}" for i in (1, 3)))
    t = total
    print(f"{'TOTAL':<10} {t[0]:>5}  " + "  ".join(f"{t[i] / t[0]:>9.3f} {t[i + 1] / t[0]:>9.3f}" for i in (1, 3)))
    print(f"{'by form':<18} {'gold':>5}  {'fc value':>9} {'fc v+unit':>9}  {'RT value':>9} {'RT v+unit':>9}")
    for f in sorted(by_form):
        t = by_form[f]
        print(f"{f:<18} {t[0]:>5}  " + "  ".join(f"{t[i] / t[0]:>9.3f} {t[i + 1] / t[0]:>9.3f}" for i in (1, 3)))
    print(f"trap sentences with nothing reported: factcheck {traps['fc'][0]}/{traps['fc'][1]}, "
          f"Recognizers-Text {traps['rt'][0]}/{traps['rt'][1]} (its number model reports every number)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
