#!/usr/bin/env python3
"""Assigns the held-out test split of Fixtures/labeled/support-eval.jsonl: 25% of each issue type,
chosen by a seeded hash of the mention id (stable when lines are added), everything else train.
Run once after writing the set and before tuning any rule; tune on `train` only."""
import hashlib
import json
import os
import sys

SEED = "earshot-labels-2026"
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Fixtures", "labeled", "support-eval.jsonl")
rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
by_label = {}
for row in rows:
    by_label.setdefault(row["labels"]["issue_type"], []).append(row)
for label, items in by_label.items():
    ranked = sorted(items, key=lambda r: hashlib.sha256((SEED + r["id"]).encode()).hexdigest())
    test_count = round(len(items) * 0.25)
    for i, row in enumerate(ranked):
        row["split"] = "test" if i < test_count else "train"
with open(path, "w", encoding="utf-8") as f:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print({s: sum(1 for r in rows if r["split"] == s) for s in ("train", "test")})
