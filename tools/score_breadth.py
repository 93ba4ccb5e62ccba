#!/usr/bin/env python3
"""Score factcheck's extractor on the breadth gold set (tests/gold/breadth).

The set has two parts (tests/gold/breadth/README.md gives the format):

  sentences.jsonl   one sentence a line, each with a domain and every quantity in
                    it; lines whose domain is "trap" must yield no claim at all.
  articles/         multi-paragraph articles (NAME.txt) with their gold claims
                    (NAME.jsonl, anchored like tests/gold/dev), each with the source
                    the figure is attributed to, resolved across paragraphs.

All sentences go into one temporary document, a blank line between two sentences,
and the articles into a second run, so the whole set costs two runs of
`factcheck extract -f jsonl`. A gold claim is matched by the extracted claim of the
same sentence (or article) whose span overlaps the gold span the most; each
extracted claim matches at most one gold claim.

Prints one row per domain and a total: true positives, false positives, false
negatives, precision, recall, and over matched claims the accuracy of value,
interval (low and high), unit_name, base_value, currency and unit class; then the
trap silence rate (trap sentences with no claim) per trap kind, and for the articles
precision, recall and attribution accuracy, and the accuracy of `modality` and of
`subject` (the head noun of the counted whole, "62% of applicants" ->
"applicants"; a record's subject matches when it is that noun or ends with it,
"emergency patients") over the gold claims that give them. A record with no `unit_name` field
counts as wrong on unit_name, and one with no `base_value` field as wrong on
base_value. Currency accuracy is over matched claims where the gold or the record
names a currency.

With --forms, one more row per written form ("unit_glued", "currency_after",
"number_words", ...; the `forms` field of the gold claims): how many of its gold
claims were found, and the accuracy of value, interval and unit_name on those.

Usage: score_breadth.py [--gold DIR] [--factcheck BIN] [--details] [--forms]
                        [--min-precision X] [--min-recall X] [--min-value X]
                        [--min-interval X] [--min-unit-name X] [--min-base-value X]
                        [--min-currency X] [--min-unit X] [--min-trap-silence X]
                        [--min-attribution X] [--min-article-recall X]
                        [--min-modality X] [--min-subject X]
Exit status: 0, or 1 when a --min-* floor is not met (2 on bad gold data).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

FIELDS = ["value", "interval", "unit_name", "base_value", "currency", "unit"]
# Scored on the articles only, and only on the gold claims that carry the field.
ARTICLE_FIELDS = ["attribution", "modality", "subject"]


def num_eq(a, b):
    if a is None or b is None:
        return a is None and b is None
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def norm_unit(name):
    """Spelling variants of one unit name compare equal: case, US spellings of
    metre and litre, hyphens."""
    if name is None:
        return None
    n = str(name).strip().lower().replace("-", " ")
    return n.replace("meter", "metre").replace("liter", "litre")


def norm_attr(a):
    if a is None:
        return None
    a = " ".join(str(a).split()).lower()
    for art in ("the ", "an ", "a "):
        if a.startswith(art):
            a = a[len(art):]
    return a


def field_ok(field, gold, got):
    """Whether the record got the field right; None when the field is not scored
    for this claim."""
    if field == "value":
        return num_eq(gold["value"], got.get("value"))
    if field == "interval":
        return num_eq(gold.get("low"), got.get("low")) and num_eq(gold.get("high"), got.get("high"))
    if field == "unit_name":
        if "unit_name" not in got:
            return False
        return norm_unit(gold.get("unit_name")) == norm_unit(got["unit_name"])
    if field == "base_value":
        if gold.get("base_value") is None:
            return None
        if "base_value" not in got:
            return False
        return num_eq(gold["base_value"], got["base_value"])
    if field == "currency":
        if gold.get("currency") is None and got.get("currency") is None:
            return None
        return gold.get("currency") == got.get("currency")
    if field == "unit":
        if "unit" not in gold:
            return None
        return gold["unit"] == got.get("unit")
    if field == "attribution":
        if "attribution" not in gold:
            return None
        return norm_attr(gold["attribution"]) == norm_attr(got.get("attribution"))
    if field == "modality":
        if "modality" not in gold:
            return None
        return gold["modality"] == got.get("modality")
    if field == "subject":
        if "subject" not in gold:
            return None
        # the gold names the head noun of the whole; the record may keep its
        # modifiers ("emergency patients" for "patients")
        want, have = norm_attr(gold["subject"]), norm_attr(got.get("subject"))
        return have is not None and (have == want or have.split()[-1] == want)
    raise ValueError(field)


def extract(factcheck, paths):
    out = subprocess.run([factcheck, "extract", "--format", "jsonl", *paths],
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"score_breadth.py: factcheck failed: {out.stderr.decode()}")
    lines = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()]
    return [c for c in lines if c.get("type") != "input"]  # the claims, not the inputs


def find_span(data, needle, nth):
    pos = -1
    for _ in range(nth):
        pos = data.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.fields = {f: [0, 0] for f in FIELDS + ARTICLE_FIELDS}

    def add(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for f, (ok, n) in other.fields.items():
            self.fields[f][0] += ok
            self.fields[f][1] += n

    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def acc(self, f):
        ok, n = self.fields[f]
        return ok / n if n else 1.0


def match(golds, got, tally, where, details, fields, forms=None):
    """golds: [(start, end, gold)] in one unit of text; got: the records in it.
    forms: form -> [gold claims, found, value, interval, unit_name right], updated for
    the forms each gold claim lists."""
    used = set()
    for start, end, g in golds:
        counts = [forms.setdefault(f, [0, 0, 0, 0, 0]) for f in g.get("forms", [])] if forms is not None else []
        for t in counts:
            t[0] += 1
        best, best_ov = None, 0
        for i, c in enumerate(got):
            if i in used:
                continue
            ov = min(end, c["end"]) - max(start, c["start"])
            if ov > best_ov:
                best, best_ov = i, ov
        if best is None:
            tally.fn += 1
            details.append(f"  miss   {where}: {g['span']!r}")
            continue
        used.add(best)
        tally.tp += 1
        c = got[best]
        for t in counts:
            t[1] += 1
            t[2] += field_ok("value", g, c)
            t[3] += field_ok("interval", g, c)
            t[4] += field_ok("unit_name", g, c)
        for f in fields:
            ok = field_ok(f, g, c)
            if ok is None:
                continue
            tally.fields[f][1] += 1
            tally.fields[f][0] += ok
            if not ok:
                if f == "interval":
                    want, have = (g.get("low"), g.get("high")), (c.get("low"), c.get("high"))
                else:
                    want, have = g.get(f), c.get(f, "(no field)")
                details.append(f"  field  {where}: {g['span']!r} {f}: got {have!r}, want {want!r}")
    for i, c in enumerate(got):
        if i not in used:
            tally.fp += 1
            details.append(f"  extra  {where}: {c['text']!r}")


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip() and not line.startswith("#"):
                try:
                    rows.append((lineno, json.loads(line)))
                except json.JSONDecodeError as e:
                    print(f"{path}:{lineno}: {e}", file=sys.stderr)
                    sys.exit(2)
    return rows


def score_sentences(factcheck, path, details, forms):
    rows = load_jsonl(path)
    doc = bytearray()
    units = []  # (start, end, row)
    for lineno, r in rows:
        text = r["text"].encode("utf-8")
        if b"\n" in text:
            print(f"{path}:{lineno}: a sentence may not contain a line break", file=sys.stderr)
            sys.exit(2)
        units.append((len(doc), len(doc) + len(text), lineno, r))
        doc += text + b"\n\n"
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "sentences.txt")
        with open(p, "wb") as f:
            f.write(doc)
        got = extract(factcheck, [p])
    per_unit = {i: [] for i in range(len(units))}
    starts = [u[0] for u in units]
    import bisect
    for c in got:
        i = bisect.bisect_right(starts, c["start"]) - 1
        if i >= 0:
            per_unit[i].append(c)
    domains, traps = {}, {}
    for i, (s, e, lineno, r) in enumerate(units):
        got_here = per_unit[i]
        if r["domain"] == "trap":
            kind = r.get("trap", "trap")
            t = traps.setdefault(kind, [0, 0])
            t[1] += 1
            if got_here:
                details.append(f"  TRAP   {r['id']}: " + ", ".join(repr(c["text"]) for c in got_here))
            else:
                t[0] += 1
            continue
        golds = []
        text = r["text"].encode("utf-8")
        for g in r["claims"]:
            span = find_span(text, g["span"].encode("utf-8"), g.get("nth", 1))
            if span is None:
                print(f"{path}:{lineno}: span {g['span']!r} not in the sentence", file=sys.stderr)
                sys.exit(2)
            golds.append((s + span[0], s + span[1], g))
        match(golds, got_here, domains.setdefault(r["domain"], Tally()), r["id"], details, FIELDS, forms)
    return domains, traps


def score_articles(factcheck, folder, details):
    names = sorted(n[:-len(".jsonl")] for n in os.listdir(folder) if n.endswith(".jsonl"))
    docs = []
    for n in names:
        p = os.path.join(folder, n + ".txt")
        if not os.path.isfile(p):
            print(f"score_breadth.py: no article {p} for {n}.jsonl", file=sys.stderr)
            sys.exit(2)
        docs.append(p)
    got = extract(factcheck, docs) if docs else []
    by_doc = {p: [] for p in docs}
    for c in got:
        by_doc.setdefault(c["doc"], []).append(c)
    tally = Tally()
    for n, p in zip(names, docs):
        data = open(p, "rb").read()
        golds = []
        for lineno, g in load_jsonl(os.path.join(folder, n + ".jsonl")):
            g.setdefault("span", g.get("anchor"))
            span = find_span(data, g["span"].encode("utf-8"), g.get("nth", 1))
            if span is None:
                print(f"{folder}/{n}.jsonl:{lineno}: anchor {g['span']!r} not in {p}", file=sys.stderr)
                sys.exit(2)
            golds.append((span[0], span[1], g))
        match(golds, by_doc.get(p, []), tally, n, details, FIELDS + ARTICLE_FIELDS)
    return tally, len(docs)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=os.path.join(here, "..", "tests", "gold", "breadth"))
    ap.add_argument("--factcheck", default="factcheck")
    ap.add_argument("--details", action="store_true",
                    help="list every miss, extra claim, trap hit and wrong field")
    ap.add_argument("--forms", action="store_true",
                    help="also a row per written form (the gold claims' forms field)")
    floors = ["precision", "recall", "value", "interval", "unit-name", "base-value",
              "currency", "unit", "trap-silence", "attribution", "article-recall", "modality",
              "subject"]
    for f in floors:
        ap.add_argument(f"--min-{f}", type=float, default=None)
    a = ap.parse_args()

    details, forms = [], {}
    domains, traps = score_sentences(a.factcheck, os.path.join(a.gold, "sentences.jsonl"), details, forms)
    art_dir = os.path.join(a.gold, "articles")
    articles, n_articles = (score_articles(a.factcheck, art_dir, details)
                            if os.path.isdir(art_dir) else (Tally(), 0))

    head = (f"{'domain':<10} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6} "
            f"{'value':>6} {'intvl':>6} {'uname':>6} {'base':>6} {'curr':>6} {'class':>6}")
    print(head)
    total = Tally()

    def row(name, t):
        print(f"{name:<10} {t.tp:>4} {t.fp:>4} {t.fn:>4} {t.precision():>6.3f} {t.recall():>6.3f} "
              + " ".join(f"{t.acc(f):>6.3f}" for f in FIELDS))
    for d in sorted(domains):
        row(d, domains[d])
        total.add(domains[d])
    row("TOTAL", total)
    silent = sum(t[0] for t in traps.values())
    n_traps = sum(t[1] for t in traps.values())
    silence = silent / n_traps if n_traps else 1.0
    print(f"trap silence: {silent}/{n_traps} {silence:.3f}  ("
          + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(traps.items())) + ")")
    attr = articles.acc("attribution")
    if n_articles:
        ok, n = articles.fields["attribution"]
        print(f"articles ({n_articles}): TP {articles.tp} FP {articles.fp} FN {articles.fn} "
              f"precision {articles.precision():.3f} recall {articles.recall():.3f} "
              f"value {articles.acc('value'):.3f} attribution {ok}/{n} {attr:.3f}")
        print("  " + "  ".join(f"{f} {articles.fields[f][0]}/{articles.fields[f][1]} {articles.acc(f):.3f}"
                               for f in ("modality", "subject")))
    print("(value, intvl, uname, base, curr, class: accuracy over matched claims of value, "
          "interval, unit_name, base_value, currency and unit class)")
    if a.forms:
        print(f"{'form':<18} {'gold':>5} {'found':>6} {'value':>6} {'intvl':>6} {'uname':>6}   "
              "(found: share of the form's gold claims matched; the rest over those)")
        for f in sorted(forms):
            n, found, *ok = forms[f]
            print(f"{f:<18} {n:>5} {found / n:>6.3f} "
                  + " ".join(f"{x / found if found else 0:>6.3f}" for x in ok))
    if a.details and details:
        print("details:")
        print("\n".join(details))

    measured = {
        "precision": total.precision(), "recall": total.recall(),
        "value": total.acc("value"), "interval": total.acc("interval"),
        "unit-name": total.acc("unit_name"), "base-value": total.acc("base_value"),
        "currency": total.acc("currency"), "unit": total.acc("unit"),
        "trap-silence": silence, "attribution": attr, "article-recall": articles.recall(),
        "modality": articles.acc("modality"), "subject": articles.acc("subject"),
    }
    failed = False
    for f in floors:
        floor = getattr(a, "min_" + f.replace("-", "_"))
        if floor is not None and measured[f] < floor:
            print(f"{f} {measured[f]:.3f} is below the floor {floor}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
