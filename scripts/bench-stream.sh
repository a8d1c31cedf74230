#!/usr/bin/env bash
# Stream benchmarks (issue 5), all in one run on this machine: 200k X API v2 lines through the
# release `earshot match`, next to `cat` and a parse-only floor; 1 and 2 threads at 1k and 10k
# rules with tagging off, and 10k rules with tagging on; trickle latency; peak memory on ~1 GB.
# Inputs are generated deterministically by the Benchmarks package's `earshot-workload` tool.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${EARSHOT_BENCH_DIR:-/tmp/earshot-bench}
mkdir -p "$work"
swift build -c release --product earshot >/dev/null
(cd Benchmarks && swift build -c release --product earshot-workload >/dev/null)
earshot=.build/release/earshot
workload=Benchmarks/.build/release/earshot-workload
corpus=$work/xv2-200k.jsonl
[ -s "$corpus" ] || "$workload" xv2 200000 > "$corpus"
for n in 1000 10000; do [ -s "$work/rules-$n.yaml" ] || "$workload" rules $n > "$work/rules-$n.yaml"; done
printf 'version: 1\nrules: []\n' > "$work/rules-0.yaml"
bytes=$(stat -c %s "$corpus")
lines=$(wc -l < "$corpus")
echo "corpus: $lines X-v2 lines, $((bytes / 1000000)) MB"

# The first 10 % of the corpus: the steady rate is the rate on the other 90 %.
prefix=$work/xv2-prefix.jsonl
head -n $((lines / 10)) "$corpus" > "$prefix"
prefix_bytes=$(stat -c %s "$prefix")
runs=${EARSHOT_BENCH_RUNS:-3}

best() {  # command... → "seconds rssKB" of the fastest of $runs runs
    local best_s="" best_m=0 out
    for _ in $(seq "$runs"); do
        out=$( { /usr/bin/time -f "%e %M" "$@" > /dev/null; } 2>&1 | tail -1)
        if [ -z "$best_s" ] || awk -v a="${out% *}" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=${out% *}; fi
        [ "${out#* }" -gt "$best_m" ] && best_m=${out#* }
    done
    echo "$best_s $best_m"
}

# label, command... (the corpus is the last argument). Besides the whole run, the steady rate
# is the marginal one, (corpus bytes - prefix bytes) / (time on corpus - time on prefix): it
# leaves out what a run pays once whatever its length (loading and compiling the rules, building
# the workers' replicas, exit), which a long-running stream does not notice.
measure() {
    local label=$1; shift
    local whole part
    whole=$(best "$@")
    part=$(best "${@:1:$#-1}" "$prefix")
    awk -v l="$label" -v s="${whole% *}" -v p="${part% *}" -v b="$bytes" -v pb="$prefix_bytes" -v n="$lines" -v r="${whole#* }" \
        'BEGIN { printf "%-44s %6.2f s %7.1f MB/s %8.0f mentions/s | steady %6.1f MB/s | peak RSS %5.1f MB\n",
                 l, s, b/s/1e6, n/s, (s > p ? (b-pb)/(s-p)/1e6 : 0), r/1024 }'
}

measure "cat (read floor)" cat "$corpus"
measure "0 rules, parse+map+tokenize+splice, 1 thr" "$earshot" match --rules "$work/rules-0.yaml" --no-tagging --quiet --input x-v2 --threads 1 "$corpus"
for n in 1000 10000; do
    for t in 1 2; do
        measure "$((n / 1000))k rules, tagging off, $t thread(s)" "$earshot" match --rules "$work/rules-$n.yaml" --no-tagging --quiet --input x-v2 --threads $t "$corpus"
    done
done
measure "10k rules, tagging on, 2 threads" "$earshot" match --rules "$work/rules-10000.yaml" --quiet --input x-v2 --threads 2 "$corpus"
python3 scripts/bench-stream-trickle.py "$earshot" "$work/rules-10000.yaml" "$corpus"
# ~1.1 GB through a pipe: memory must not grow with the input.
big() { for _ in 1 2 3 4 5; do cat "$corpus"; done; }
out=$( { /usr/bin/time -f "%e %M" bash -c "$(declare -f big); corpus=$corpus; big | $earshot match --rules $work/rules-10000.yaml --no-tagging --quiet --input x-v2 --threads 2 > /dev/null"; } 2>&1 | tail -1)
echo "1.1 GB piped, 10k rules, 2 threads: ${out% *} s, peak RSS of the pipeline's largest process $(( ${out#* } / 1024 )) MB"
