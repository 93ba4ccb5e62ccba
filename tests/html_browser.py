#!/usr/bin/env python3
"""Opens factcheck's HTML report in headless Chromium and checks what rendered.

The page is built from claims/ plus a hostile document whose front matter and
text carry markup and script. From the DOM as Chromium built it (--dump-dom):
every finding is there with its class, every claim is highlighted at its text,
one chart per multi-source measure with a bar per claim, and the hostile
document's markup is shown as text - no script, no event handler, no element
it tried to plant; a review decision with markup in its note and name shows as
text with its finding, and a stale decision has its own box. From a screenshot: the page is not blank, and the colours of
the conflict findings and of the chart bars are on it.

Usage: html_browser.py FACTCHECK_BINARY SOURCE_DIR
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from PIL import Image

factcheck, src = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium:
    print("chromium not found: install the Debian package 'chromium' (scripts/bootstrap does)")
    sys.exit(1)

HOSTILE = """---
outlet: "\\"><script>alert('outlet')</script>"
title: <img src=x onerror="alert('title')"> Raid <b>count</b>
published: 2025-09-06
---

<script>alert("pwned")</script> More than 300 workers were detained, officials said.

</div></article><iframe src="http://attacker.invalid/"></iframe> About 250 were held.
"""


class Dom(html.parser.HTMLParser):
    """Every element with its attributes and text; the text of each element id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs, ancestors' ids)
        self.stack = []
        self.text_by_id = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a, [e[1].get("id") for e in self.stack]))
        if tag not in ("meta", "link", "br", "img", "input", "hr", "path", "line", "rect",
                       "circle"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for _, a in self.stack:
            if a.get("id"):
                self.text_by_id[a["id"]] = self.text_by_id.get(a["id"], "") + data


def classes(a):
    return (a.get("class") or "").split()


with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "hostile.md"), "w") as f:
        f.write(HOSTILE)
    page = os.path.join(tmp, "report.html")
    first = json.loads(subprocess.run([factcheck, "claims/", os.path.join(tmp, "hostile.md"),
                                       "-f", "json"], cwd=src, capture_output=True).stdout)
    decided = first["findings"][0]["id"]
    decisions = os.path.join(tmp, "decisions.json")
    with open(decisions, "w") as f:
        json.dump({"decisions": [
            {"finding": decided, "decision": "confirmed", "at": "2026-02-11T09:30:00Z",
             "by": "<img src=x onerror=alert('by')>", "note": "<script>alert('note')</script>"},
            {"finding": "f0123456789abcdef", "decision": "false_alarm", "by": "Ana",
             "at": "2026-02-11T09:31:00Z", "note": "an edit made this one go"}]}, f)
    run = subprocess.run([factcheck, "claims/", os.path.join(tmp, "hostile.md"), "-f", "html",
                          "--decisions", decisions, "-o", page], cwd=src, capture_output=True)
    check(run.returncode == 1, f"factcheck -f html exits 1 (conflicts) (got {run.returncode})")
    report = json.loads(subprocess.run([factcheck, "claims/", os.path.join(tmp, "hostile.md"),
                                        "-f", "json", "--decisions", decisions], cwd=src,
                                       capture_output=True).stdout)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={tmp}/profile"]
    dom_run = subprocess.run([chromium, *flags, "--dump-dom", "file://" + page],
                             capture_output=True, text=True, timeout=120)
    shot = os.path.join(tmp, "shot.png")
    subprocess.run([chromium, *flags, "--window-size=1280,16000", f"--screenshot={shot}",
                    "file://" + page], capture_output=True, timeout=120)

    dom = Dom()
    dom.feed(dom_run.stdout)
    tags = [t for t, _, _ in dom.elements]
    check(len(tags) > 500, f"Chromium built the page's DOM ({len(tags)} elements)")

    # findings: every one, in order, with its severity as class
    found = [(a.get("id"), classes(a)) for t, a, _ in dom.elements
             if t == "article" and "finding" in classes(a)]
    expected = [("f-" + f["id"], ["finding", f["severity"]]) for f in report["findings"]]
    check(found == expected, f"all {len(expected)} findings rendered in order with their severity")
    check(sum(1 for _, c in found if "conflict" in c) == report["summary"]["conflicts"] == 4,
          "the 4 conflicts are marked as such")
    arithmetic = [a for t, a, anc in dom.elements if t == "table" and "numbers" in classes(a)]
    check(len(arithmetic) == sum(1 for f in report["findings"] if f["numbers"]),
          "each finding with numbers shows them in a table")

    # claims: each highlighted at its text
    marks = {a["id"]: dom.text_by_id.get(a["id"], "") for t, a, _ in dom.elements if t == "mark"}
    wrong = [c["id"] for c in report["claims"] if marks.get("c-" + c["id"]) != c["text"]]
    check(len(marks) == len(report["claims"]) and not wrong,
          f"every claim ({len(report['claims'])}) is highlighted at its own text {wrong[:3]}")

    # charts: one per measure that two documents or more give a level for
    docs_by_measure = {}
    for c in report["claims"]:
        if c["measure"] and c["role"] != "change":
            docs_by_measure.setdefault(c["measure"], []).append(c)
    multi = {m: cs for m, cs in docs_by_measure.items() if len({c["doc"] for c in cs}) >= 2}
    figures = [a for t, a, _ in dom.elements if t == "figure" and "chart" in classes(a)]
    check(len(figures) == len(multi) == 6, f"one chart per multi-source measure (6; got {len(figures)})")
    bars = sum(1 for t, a, _ in dom.elements if t == "rect" and "interval" in classes(a))
    check(bars == sum(min(len(cs), 40) for cs in multi.values()),
          f"a bar for each claim on a charted measure ({bars})")
    check(tags.count("svg") == len(multi), "the charts are inline SVG")
    # the desk's reference figures: one dashed line per distinct figure a
    # reference finding sets beside a chart's claims
    charted = {c["id"]: m for m, cs in multi.items() for c in cs}
    refs = {}
    for f in report["findings"]:
        ms = {charted[c] for c in f["claims"] if c in charted}
        if f["check"] == "reference" and ms:
            for m in ms:
                refs.setdefault(m, set()).add((f["numbers"]["reference_low"],
                                               f["numbers"]["reference_high"]))
    lines = [a for t, a, _ in dom.elements if t == "line" and "reference" in classes(a)]
    check(len(lines) == sum(min(len(r), 6) for r in refs.values()) > 0,
          f"a reference line per reference figure of a charted measure ({len(lines)})")
    # which side the evidence backs: a settled dispute's two sides, else a
    # reference check's verdict; only the side it contradicts is marked wrong
    verdict = {}
    for f in report["findings"]:
        if f["agrees"]:
            verdict[f["agrees"]], verdict[f["disagrees"]] = 1, -1
        elif f["check"] == "reference" and len(f["claims"]) == 1 and f["claims"][0] not in verdict:
            verdict[f["claims"][0]] = 1 if f["severity"] == "info" else -1
    rows, href = {}, None
    for t, a, _ in dom.elements:
        if t == "a":
            href = a.get("href", "")
        elif t == "text" and "row" in classes(a):
            rows[href[3:]] = classes(a)
    marked = {c: (1 if "agrees" in k else -1 if "disagrees" in k else 0) for c, k in rows.items()}
    want = {c: verdict.get(c, 0) for c in rows}
    check(marked == want and 1 in want.values() and -1 in want.values(),
          "chart rows mark the side the evidence backs and only the side it contradicts")
    disputes = [f for f in report["findings"] if f["agrees"]]
    check(disputes and all(marks.get("c-" + f["agrees"]) is not None for f in disputes),
          "every settled dispute names both sides")
    mark_class = {a["id"][2:]: classes(a) for t, a, _ in dom.elements if t == "mark"}
    backed_only = [f["agrees"] for f in disputes
                   if not any(g["severity"] == "conflict" and f["agrees"] in g["claims"] and
                              g.get("agrees") != f["agrees"] for g in report["findings"])]
    check(backed_only and all("conflict" not in mark_class[c] for c in backed_only),
          "the side a reference backs is not highlighted as a conflict in its text")
    # human labels: each chart is captioned by its measure's description, not
    # its key; each axis says what it counts; no row label is cut short
    with open(page, encoding="utf-8") as f:
        page_html = f.read()
    captions = re.findall(r"<figcaption>([^<]*)<", page_html)
    keys = {c["measure"] for c in report["claims"] if c["measure"]}
    check(len(captions) == len(multi) and not any(c.strip() in keys for c in captions) and
          any(c.startswith("Unauthorized immigrants born in Korea") for c in captions),
          f"charts are captioned by what they measure, not by rule keys {captions[:2]}")
    cut = re.findall(r'<text class="row[^"]*"[^>]*><title>([^<]*)</title>[^<]*\u2026</text>',
                     page_html)
    check(not [c for c in cut if "hostile" not in c and "script" not in c],
          f"the chart rows' labels are whole {cut[:2]}")
    axis = [a for t, a, _ in dom.elements if t == "text" and "axis-label" in classes(a)]
    check(len(axis) == len(multi), "every chart's axis is labelled with its unit")

    # the hostile document: shown as text, nothing planted
    check("script" not in tags and "iframe" not in tags and "img" not in tags,
          "no script, iframe or img element made it into the page")
    handlers = [(t, k) for t, a, _ in dom.elements for k in a if k.startswith("on")]
    check(not handlers, f"no event-handler attribute in the page {handlers[:3]}")
    hostile_doc = next(a["id"] for t, a, _ in dom.elements
                       if t == "article" and "doc" in classes(a)
                       and "hostile.md" in dom.text_by_id.get(a["id"], ""))
    text = dom.text_by_id[hostile_doc]
    check('<script>alert("pwned")</script>' in text, "the document's <script> is shown as text")
    check('<iframe src="http://attacker.invalid/"></iframe>' in text and
          "<img src=x onerror=" in text, "its other markup is shown as text too")
    decision = dom.text_by_id.get("f-" + decided, "")
    check("Decision: confirmed by <img src=x onerror=alert('by')>" in decision and
          "<script>alert('note')</script>" in decision,
          "the review decision is shown with its finding, its markup as text")
    check("an edit made this one go" in dom.text_by_id.get("stale-f0123456789abcdef", ""),
          "the stale decision has its own box")
    check(any(t == "meta" and a.get("http-equiv") == "Content-Security-Policy" and
              "default-src 'none'" in a.get("content", "") for t, a, _ in dom.elements),
          "a Content-Security-Policy forbids scripts and fetches")

    # the screenshot: not blank, and the findings and charts are drawn
    img = Image.open(shot).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 24)  # (count, rgb) for each colour used
    total = img.size[0] * img.size[1]
    inked = sum(n for n, p in colours if sum(p) < 600) / total
    check(inked > 0.01, f"the screenshot is not blank ({100 * inked:.1f}% inked)")

    def near(rgb, tol=24):
        return sum(n for n, p in colours if all(abs(p[i] - rgb[i]) <= tol for i in range(3)))

    check(near((0xc0, 0x39, 0x2b)) > 2000, "the conflicts' red is on screen")
    check(near((0x28, 0x74, 0xa6)) + near((0x1e, 0x84, 0x49)) > 300,
          "the chart bars' blue and green are on screen")
    check(near((0x1e, 0x84, 0x49)) > 300, "the reference lines' and backed claims' green is on screen")

sys.exit(1 if failures else 0)
