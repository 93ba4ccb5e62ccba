#!/usr/bin/env python3
"""Validates every shipped rule file against schema/rules.schema.json, and checks
that the schema rejects the invalid fixtures the loader rejects.
Usage: validate_rules_schema.py SOURCE_DIR"""
import glob
import json
import os
import sys

import jsonschema

src = sys.argv[1]
schema = json.load(open(os.path.join(src, "schema/rules.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

shipped = (glob.glob(os.path.join(src, "rules/*.json")) +
           glob.glob(os.path.join(src, "claims/factcheck.rules.json")) +
           glob.glob(os.path.join(src, "docs/examples/*.rules.json")) +
           [os.path.join(src, "tests/data/rules/overlay.json")])
failed = 0
for path in sorted(shipped):
    errors = list(validator.iter_errors(json.load(open(path))))
    for e in errors:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    failed += bool(errors)
    print(f"{path}: {'ok' if not errors else 'INVALID'}")

# Invalid fixtures (the JSON-level ones; malformed JSON and regex or alias-cycle
# errors are beyond a schema) must be rejected too.
for name in ("unknown-field", "beat", "bad-kind", "bad-type"):
    path = os.path.join(src, "tests/data/rules", name + ".json")
    if validator.is_valid(json.load(open(path))):
        print(f"{path}: the schema accepts an invalid file")
        failed += 1
    else:
        print(f"{path}: rejected, as it should be")

print(f"{len(shipped) + 4 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
