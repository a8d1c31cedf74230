#!/usr/bin/env bash
# Sentiment throughput, Swift vs the Python reference, on the same 2,147 sentences, one after the
# other on this machine. Installs vaderSentiment 3.3.2 into a venv under .build/ the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/vader-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q vaderSentiment==3.3.2
fi
"$venv/bin/python" scripts/bench-sentiment-python.py
(cd Benchmarks && swift package --allow-writing-to-package-directory benchmark --target SentimentBenchmarks --format markdown 2>&1 \
    | grep -vE "ETA:" | grep -E "^###|Metric|Time|Throughput|Malloc")
