#!/usr/bin/env python3
"""Latency of `earshot match` on a trickling input: writes one line every 100 ms into its stdin
pipe and records when each output line arrives. Prints p50, p99 and max in milliseconds."""
import os
import subprocess
import sys
import threading
import time

binary, rules, corpus = sys.argv[1], sys.argv[2], sys.argv[3]
lines = [line for _, line in zip(range(60), open(corpus, "rb"))]
process = subprocess.Popen([binary, "match", "--rules", rules, "--quiet", "--no-tagging", "--input", "x-v2"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
arrived = []

def reader():
    for _ in lines:
        process.stdout.readline()
        arrived.append(time.perf_counter())

thread = threading.Thread(target=reader)
thread.start()
time.sleep(1.0)  # let the rules compile before the first line
sent = []
for line in lines:
    sent.append(time.perf_counter())
    process.stdin.write(line)
    time.sleep(0.1)
process.stdin.close()
thread.join()
process.wait()
latencies = sorted((a - s) * 1000 for s, a in zip(sent, arrived))
print(f"trickle: {len(latencies)} lines, latency p50 {latencies[len(latencies) // 2]:.2f} ms, "
      f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.2f} ms, max {latencies[-1]:.2f} ms")
