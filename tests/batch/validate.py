#!/usr/bin/python3
"""Validates JSON Lines records (stdin) against schema/record.schema.json.
Prints 'schema: N passed, N failed' and exits non-zero on any failure."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
ok = bad = 0
for n, line in enumerate(sys.stdin, 1):
    try:
        rec = json.loads(line)
    except ValueError as e:
        print(f"line {n}: not JSON: {e}")
        bad += 1
        continue
    errors = list(validator.iter_errors(rec))
    if errors:
        bad += 1
        for e in errors[:3]:
            print(f"line {n} ({rec.get('file')}): {e.message} at {list(e.absolute_path)}")
    else:
        ok += 1
print(f"schema: {ok} passed, {bad} failed")
sys.exit(1 if bad or not ok else 0)
