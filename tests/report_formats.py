#!/usr/bin/env python3
"""End-to-end test of every report format on claims/, each read back by a parser
that is not factcheck's: Python's json and csv modules, the JSON Schema validator
(schema/report.schema.json), and a JSON-LD processor (pyld) for ClaimReview.

The JSON report is the reference the other formats are compared with; its own
figures are pinned to what docs/checks.md works out by hand for claims/.

Usage: report_formats.py FACTCHECK_BINARY SOURCE_DIR
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
from pyld import jsonld

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
    return p.stdout


# --- json: the schema, and the figures of claims/ ---------------------------------
schema = json.load(open(os.path.join(src, "schema/report.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
report = json.loads(run("claims/", "-f", "json"))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
for e in errors[:5]:
    print("   ", "/".join(map(str, e.absolute_path)), e.message)
check(not errors, "json report validates against schema/report.schema.json")
check(report["version"] == "1.0", "json report carries version 1.0")
s = report["summary"]
# claims/ holds 12 documents; docs/corpus.md lists 4 conflicts (two on the raid
# count: one dispute between the outlets and one against the reference figure; one
# on the Korean population estimate; one on the 3,000 a day that the reference
# data's peak of 2,000 a day contradicts) and 5 warnings.
check((s["inputs"], s["inputs_ok"], s["conflicts"], s["warnings"]) == (12, 12, 4, 5),
      f"json summary: 12 inputs ok, 4 conflicts, 5 warnings (got {s})")
check(s["claims"] == len(report["claims"]) and s["findings"] == len(report["findings"]),
      "json summary counts match the arrays")
claims = {c["id"]: c for c in report["claims"]}

# An extract run has no findings and is valid against the same schema.
extract = json.loads(run("extract", "claims/", "-f", "json", expect=0))
check(not list(jsonschema.Draft202012Validator(schema).iter_errors(extract)) and
      "findings" not in extract, "extract -f json validates, without findings")

# --- jsonl: each line one record of the schema, the same content --------------------
line_schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/line"}
validator = jsonschema.Draft202012Validator(line_schema)
lines = [json.loads(l) for l in run("claims/", "-f", "jsonl").decode().splitlines()]
check(all(validator.is_valid(l) for l in lines), "every jsonl line validates as a record")
by_type = {}
for l in lines:
    by_type.setdefault(l["type"], []).append(l)
check(len(by_type["claim"]) == s["claims"] and len(by_type["finding"]) == s["findings"] and
      len(by_type["input"]) == s["inputs"] and len(by_type["summary"]) == 1,
      "jsonl has a line per claim, finding and input, and one summary")
check([l["id"] for l in by_type["claim"]] == [c["id"] for c in report["claims"]],
      "jsonl claims come in the json report's order")

# --- csv: RFC 4180, read back by the csv module --------------------------------------
raw = run("claims/", "-f", "csv")
check(raw.startswith(b"\xef\xbb\xbf"), "csv starts with a UTF-8 byte-order mark")
nprov = 1 + len(report["provenance"]["files"])  # the "run" row and a row per file
check(raw.count(b"\n") == raw.count(b"\r\n") ==
      nprov + s["inputs"] + s["claims"] + s["findings"] + 1,
      "csv: a CRLF-terminated record per row and the header, no bare line feed")
rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
kinds = [r["type"] for r in rows]
check((kinds.count("input"), kinds.count("claim"), kinds.count("finding")) ==
      (s["inputs"], s["claims"], s["findings"]), "csv has a row per input, claim and finding")
widths = {len(r) for r in rows}
check(widths == {len(rows[0])} and None not in rows[0], "every csv row has the header's columns")


def num(x):
    return None if x == "" else float(x)


mismatch = []
for r in rows:
    if r["type"] != "claim":
        continue
    c = claims[r["id"]]
    for key in ("value", "low", "high", "from"):
        if num(r[key]) != c[key]:
            mismatch.append((r["id"], key, r[key], c[key]))
    for key in ("text", "unit", "qualifier", "modality", "measure", "attribution", "subject"):
        if r[key].lstrip("'") != (c[key] or ""):
            mismatch.append((r["id"], key, r[key], c[key]))
    if (int(r["line"]), int(r["col"])) != (c["line"], c["col"]):
        mismatch.append((r["id"], "line:col"))
check(not mismatch, f"csv claim rows equal the json claims, field by field {mismatch[:3]}")
raid = [r for r in rows if r["type"] == "claim" and r["text"] == "About 250"]
check(len(raid) == 1 and raid[0]["high"] == "275" and raid[0]["low"] == "225" and
      "About 250 Korean workers were detained" in raid[0]["context"],
      "csv: 'About 250' is [225, 275], with its sentence as context")
more = [r for r in rows if r["type"] == "claim" and r["text"] == "More than 300"]
check(len(more) == 1 and more[0]["high"] == "", "csv: an unbounded side is an empty field")
fnd = {r["id"]: r for r in rows if r["type"] == "finding"}
check(all(fnd[f["id"]]["claims"].split() == f["claims"] and
          fnd[f["id"]]["message"] == f["message"] for f in report["findings"]),
      "csv finding rows carry the json findings' claims and messages")

# --- what a dashboard needs of a finding: its measure, documents and outlets ----------
# Worked out here from the claims and inputs, not taken from the report's own fields.
outlet_of = {i["path"]: i.get("outlet") for i in report["inputs"]}
bad = []
for f in report["findings"]:
    docs = list(dict.fromkeys(claims[c]["doc"] for c in f["claims"]))
    outlets = list(dict.fromkeys(outlet_of[d] for d in docs if outlet_of[d]))
    measure = next((claims[c]["measure"] for c in f["claims"] if claims[c]["measure"]), None)
    key = None if measure else next((claims[c]["key"] for c in f["claims"] if claims[c]["key"]),
                                    None)
    if (f["documents"], f["outlets"], f["measure"], f["key"]) != (docs, outlets, measure, key):
        bad.append(f["id"])
    r = fnd[f["id"]]
    if (r["documents"].split(" | "), r["outlets"].split(" | ") if r["outlets"] else [],
            r["measure"] or None, r["key"] or None, r["label"]) != (docs, outlets, measure, key,
                                                                  f["label"]):
        bad.append(("csv", f["id"]))
check(not bad, f"json and csv findings carry their measure, documents and outlets {bad[:3]}")
# docs/corpus.md: the conflict over the Korean population estimate sets the Harbor
# City Ledger (01) against the Westside Courier (02) on the rule measure
# us.unauthorized_population.korea (claims/factcheck.rules.json).
pop = [f for f in report["findings"] if f["check"] == "cross_source" and
       f["severity"] == "conflict" and f["measure"] == "us.unauthorized_population.korea"]
check(len(pop) == 1 and
      pop[0]["documents"] == ["claims/01-korean-community-uneasy.md",
                              "claims/02-koreatown-shops-arrest-surge.md"] and
      pop[0]["outlets"] == ["Harbor City Ledger", "Westside Courier"] and pop[0]["key"] is None and
      pop[0]["label"] == "Unauthorized immigrants born in Korea living in the U.S.",
      f"the population conflict: documents 01 and 02, their outlets, the measure's label {pop}")
# csv: "claims" holds only ids (finding rows), "claim_count" only counts (input rows)
inputs_by_path = {i["path"]: i for i in report["inputs"]}
check(all(r["claims"] == "" and int(r["claim_count"]) == inputs_by_path[r["doc"]]["claims"]
          for r in rows if r["type"] == "input") and
      all(r["claim_count"] == "" for r in rows if r["type"] != "input"),
      "csv: claim_count is the count on input rows, claims the ids on finding rows, never mixed")

# --- provenance: each rule file and dataset with its SHA-256, as sha256sum has it ------
prov = report["provenance"]
files = prov["files"]
sums = {}
for f in files:
    out = subprocess.run(["sha256sum", f["path"]], cwd=src, capture_output=True, text=True)
    sums[f["path"]] = out.stdout.split()[0] if out.returncode == 0 else None
check(prov["version"] == report["tool"]["version"] and
      [f["kind"] for f in files] == ["rules", "rules", "dataset", "events"] and
      files[1]["path"] == "claims/factcheck.rules.json" and
      files[0]["path"].endswith("rules/default.json") and
      files[2]["path"].endswith("datasets/immigration-2025.csv") and
      files[3]["path"].endswith("datasets/events-2025.csv"),
      f"json provenance: the version, the default and folder rules, the dataset and events {files}")
check(all(sums[f["path"]] == f["sha256"] for f in files),
      f"json provenance: every sha256 equals sha256sum of the file {sums}")
prov_rows = [(r["type"], r["file"], r["sha256"]) for r in rows
             if r["type"] in ("rules", "dataset", "events")]
run_rows = [r for r in rows if r["type"] == "run"]
check(prov_rows == [(f["kind"], f["path"], f["sha256"]) for f in files] and
      len(run_rows) == 1 and run_rows[0]["version"] == prov["version"] and
      kinds[:nprov] == ["run"] + [f["kind"] for f in files],
      "csv: the provenance rows come first and equal the json provenance")
text = run("claims/").decode()
html = run("claims/", "-f", "html").decode()
check(all(f"sha256:{f['sha256']}  {f['path']}" in text for f in files) and
      text.startswith(f"factcheck {prov['version']}"),
      "text report: a line per file with its sha256 under the title")
check(all(f["sha256"] in html for f in files) and 'id="provenance"' in html,
      "html report: the provenance table holds every sha256")

# A document can plant a formula; the spreadsheet must show it, not run it.
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "formula.md"), "w") as f:
        f.write('=HYPERLINK("http://attacker.invalid","x") said 300 workers, "quoted", left.\n'
                "-5 degrees; +12 points, @home: 40 people.\n")
    out = subprocess.run([factcheck, "extract", "-f", "csv", tmp], capture_output=True).stdout
    rr = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    ctx = [r["context"] for r in rr if r["type"] == "claim"]
    check(ctx and all(c[0] not in "=+-@" for c in ctx) and
          any(c.startswith("'=HYPERLINK") for c in ctx),
          f"csv: a cell that would start with = + - @ gets a leading apostrophe {ctx}")
    check(any('"quoted"' in c for c in ctx), "csv: quotes inside a field survive the round trip")

# --- claimreview: JSON-LD, expanded by pyld --------------------------------------------
reviews = json.loads(run("claims/", "-f", "claimreview"))
# The findings that pass a verdict (docs/reports.md): a comparison with reference
# data, or a warning or conflict whose claims are all in one document (arithmetic
# inside the text); never a dispute between outlets; one review per claim, its most
# severe verdict - recomputed here from the json report.
def verdict(f):
    if f["check"] == "reference":
        return {"conflict": 1, "warning": 2, "info": 3}[f["severity"]] if f.get("source") else None
    if f["severity"] == "info" or f["check"] == "cross_source" or f["check"].startswith("target_"):
        return None
    if len({claims[i]["doc"] for i in f["claims"]}) > 1:
        return None
    return {"conflict": 1, "warning": 2}[f["severity"]]


best = {}
for f in report["findings"]:
    v = verdict(f)
    if v is not None and (f["claims"][0] not in best or v < verdict(best[f["claims"][0]])):
        best[f["claims"][0]] = f
judged = [f for f in report["findings"] if best.get(f["claims"][0]) is f]
check(isinstance(reviews, list) and len(reviews) == len(judged) and len(reviews) >= 10,
      f"claimreview: one review per judged claim (got {len(reviews)}, expected {len(judged)})")
check(len({r["itemReviewed"]["appearance"].get("url", "") + r["claimReviewed"] +
           claims[j["claims"][0]]["id"] for r, j in zip(reviews, judged)}) == len(reviews),
      "claimreview: never two reviews of one claim")
check(not any(r["reviewBody"].startswith("Sources disagree") for r in reviews),
      "claimreview: a dispute between outlets passes no verdict")


def loader(url, options=None):
    # schema.org's context maps every term into its vocabulary; offline, that is all
    # the expansion needs.
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": "https://schema.org/"}}}
    raise ValueError(f"no network: {url}")


S = "https://schema.org/"
expanded = jsonld.expand(reviews, {"documentLoader": loader})
check(len(expanded) == len(reviews) and
      all(e["@type"] == [S + "ClaimReview"] for e in expanded),
      "claimreview: every item expands to a schema.org ClaimReview")
ratings = {}
problems = []
for r, e, f in zip(reviews, expanded, judged):
    for key in ("claimReviewed", "reviewRating", "itemReviewed", "author", "reviewBody"):
        if S + key not in e:
            problems.append((r["identifier"], key))
    rating = e[S + "reviewRating"][0]
    val = rating[S + "ratingValue"][0]["@value"]
    best = rating[S + "bestRating"][0]["@value"]
    worst = rating[S + "worstRating"][0]["@value"]
    if not (worst <= val <= best) or rating["@type"] != [S + "Rating"]:
        problems.append((r["identifier"], "rating"))
    ratings[(f["severity"], val)] = rating[S + "alternateName"][0]["@value"]
    item = e[S + "itemReviewed"][0]
    if item["@type"] != [S + "Claim"] or S + "appearance" not in item:
        problems.append((r["identifier"], "itemReviewed"))
    if r["identifier"] != f["id"] or r["reviewBody"] != f["message"]:
        problems.append((r["identifier"], "order"))
    c = claims[f["claims"][0]]
    if c["text"] not in r["claimReviewed"]:
        problems.append((r["identifier"], "claimReviewed"))
    doc = next(i for i in report["inputs"] if i["path"] == c["doc"])
    app = r["itemReviewed"]["appearance"]
    if app.get("url") != doc["url"] or r["itemReviewed"].get("datePublished") != doc["published"]:
        problems.append((r["identifier"], "appearance"))
check(not problems, f"claimreview: required properties, ratings and front matter {problems[:4]}")
allowed = {("conflict", 1): {"Conflicts with reference data", "Does not add up"},
           ("warning", 2): {"Needs context"}, ("info", 3): {"Consistent with reference data"}}
check(all(name in allowed.get(k, ()) for k, name in ratings.items()) and
      ("conflict", 1) in ratings and ("info", 3) in ratings,
      f"claimreview: the rating scale 1-3 maps severities as documented {ratings}")

# --- other inputs: pages, JSON Lines records (a bad line too), a skipped file ------------
with tempfile.TemporaryDirectory() as tmp:
    os.makedirs(os.path.join(tmp, "desk"))
    with open(os.path.join(tmp, "desk", "a.html"), "w") as f:
        f.write('<html><head><meta property="og:site_name" content="Quay Post">'
                '<meta property="article:published_time" content="2025-06-02"></head>'
                '<body><article><p>The ferry carried 2,400 passengers a day in May.</p>'
                '</article></body></html>')
    with open(os.path.join(tmp, "desk", "b.jsonl"), "w") as f:
        f.write('{"id": "b1", "outlet": "Inlet News", "published": "2025-06-03", '
                '"text": "The ferry carried 3,100 passengers a day in May."}\n'
                '{"id": "b2", "text": ["not a string"]}\n')
    with open(os.path.join(tmp, "desk", "c.pdf"), "w") as f:
        f.write("not read")
    desk = os.path.join(tmp, "desk")
    other = json.loads(run(desk, "-f", "json", expect=2))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(other))
    for e in errors[:5]:
        print("   ", "/".join(map(str, e.absolute_path)), e.message)
    check(not errors, "a page, records, a bad line and a skipped file: the json report validates")
    check([(i["path"].replace(desk + "/", ""), i["status"]) for i in other["inputs"]] ==
          [("a.html", "ok"), ("b1", "ok"), ("b.jsonl:2", "error"), ("c.pdf", "skipped")],
          f"the inputs listed with their status {[(i['path'], i['status']) for i in other['inputs']]}")
    so = other["summary"]
    check((so["inputs"], so["inputs_ok"], so["inputs_failed"], so["inputs_skipped"]) == (4, 2, 1, 1),
          f"the summary counts ok, failed and skipped inputs {so}")
    lines = [json.loads(l) for l in run(desk, "-f", "jsonl", expect=2).decode().splitlines()]
    check(all(validator.is_valid(l) for l in lines), "every jsonl line validates, skipped input too")
    rows = list(csv.DictReader(io.StringIO(run(desk, "-f", "csv", expect=2).decode("utf-8-sig"),
                                           newline="")))
    check([r["status"] for r in rows if r["type"] == "input"] == ["ok", "ok", "error", "skipped"],
          "csv input rows carry the statuses")

# --- a finding with no rule measure: the inferred key and its label -----------------------
# tests/scenarios/disasters.txt, disasters-wildfire-acreage-dispute, cut to its figures
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "a.md"), "w") as f:
        f.write("---\noutlet: High Desert Courier\npublished: 2025-08-14\n---\n"
                "The Sawtooth Canyon fire had burned 18,400 acres by Wednesday evening, "
                "according to the state forestry agency.\n")
    with open(os.path.join(tmp, "b.md"), "w") as f:
        f.write("---\noutlet: Pinecrest Valley News\npublished: 2025-08-14\n---\n"
                "Crews on Wednesday were still battling the Sawtooth Canyon blaze, which has now "
                "scorched 26,900 acres, the state forestry agency said.\n")
    keyed = json.loads(run(tmp, "-f", "json"))
    cs = [f for f in keyed["findings"] if f["check"] == "cross_source" and
          f["severity"] == "conflict"]
    # a's key is "u:acre e:destroy p:sawtooth_canyon w:fir w:even"; the label takes its
    # unit noun, event and place: "acre destroy sawtooth canyon"
    check(len(cs) == 1 and cs[0]["measure"] is None and
          cs[0]["key"] == keyed["claims"][0]["key"] and
          cs[0]["key"].startswith("u:acre e:destroy p:sawtooth_canyon") and
          cs[0]["label"] == "acre destroy sawtooth canyon" and
          [os.path.basename(d) for d in cs[0]["documents"]] == ["a.md", "b.md"] and
          cs[0]["outlets"] == ["High Desert Courier", "Pinecrest Valley News"],
          f"without a rule measure a finding carries the inferred key and a label {cs}")

sys.exit(1 if failures else 0)
