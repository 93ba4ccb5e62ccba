#!/usr/bin/env python3
"""The man page (man/factcheck.1) and `factcheck --help` say the same thing: the
same options, formats, fail-on levels, exit codes and environment variables, and
the same version.
Usage: man_help.py FACTCHECK_BINARY SOURCE_DIR"""
import re
import subprocess
import sys

factcheck, src = sys.argv[1], sys.argv[2]
help_text = subprocess.run([factcheck, "--help"], capture_output=True, text=True, check=True).stdout
version = subprocess.run([factcheck, "--version"], capture_output=True, text=True,
                         check=True).stdout.split()[1]
roff = open(f"{src}/man/factcheck.1").read()
# roff to plain words: \- is a hyphen, \fB \fR \fI are font changes
man = re.sub(r"\\f[BIRP]", "", roff).replace("\\-", "-")

failures = []


def same(what, a, b):
    ok = a == b
    print(("ok   " if ok else "FAIL ") + f"{what}: --help {sorted(a)} / man {sorted(b)}")
    if not ok:
        failures.append(what)


def section(text, start, end):
    return text[text.index(start):text.index(end, text.index(start))]


# options: the long names, with their short forms
opt = re.compile(r"(?:^|\s)(?:-([A-Za-z]), )?--([a-z][a-z-]*)")
help_opts = set(opt.findall(section(help_text, "Options:", "Formats:")))
man_opts = set()
for line in section(man, ".SH OPTIONS", ".SH FORMATS").splitlines():
    if line.startswith(".BR"):
        m = re.match(r'\.BR (?:-([A-Za-z]) ", " )?--([a-z-]+)', line)
        if m:
            man_opts.add(m.groups(""))
same("options", help_opts, man_opts)

formats = re.compile(r"^  ([a-z]+) {2,}", re.M)
same("formats", set(formats.findall(section(help_text, "Formats:", "Exit status:"))),
     set(re.findall(r"^\.TP\n\.B ([a-z]+)$", section(man, ".SH FORMATS", ".SH EXIT"), re.M)))
same("fail-on levels", set(re.findall(r"(conflict|warning|never)",
                                      help_text[help_text.index("--fail-on"):][:120])),
     set(re.findall(r"^\.B (conflict|warning|never)", man, re.M)))
same("exit codes", set(re.findall(r"^  ([0-9])  ", help_text, re.M)),
     set(re.findall(r"^\.TP\n\.B ([0-9])$", man, re.M)))
same("environment", set(re.findall(r"^  ([A-Z_]{4,}) ", help_text, re.M)),
     set(re.findall(r"^\.B ([A-Z_]{4,})$", section(man, ".SH ENVIRONMENT", ".SH EXAMPLES"), re.M)))
th = re.search(r'^\.TH FACTCHECK 1 "[^"]*" "factcheck ([^"]+)"', roff, re.M)
same("version", {version}, {th.group(1) if th else None})
sys.exit(1 if failures else 0)
