#!/usr/bin/env python3
"""Times the reference vaderSentiment 3.3.2 on the parity fixture's sentences (best of 5 runs) and
prints sentences per second. Run through scripts/bench-sentiment.sh, next to the Swift benchmark."""
import json
import os
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "EarshotTaggingTests", "Fixtures", "vader-parity.jsonl")
sentences = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
analyzer = SentimentIntensityAnalyzer()
best = None
for _ in range(5):
    start = time.perf_counter()
    for sentence in sentences:
        analyzer.polarity_scores(sentence)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"python vaderSentiment 3.3.2: {len(sentences)} sentences in {best * 1000:.1f} ms (best of 5) = {len(sentences) / best:,.0f} sentences/s")
