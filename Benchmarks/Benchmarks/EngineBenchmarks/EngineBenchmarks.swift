import Benchmark
import Earshot
import EarshotWorkloads

/// Engine benchmarks (issue: compiled matcher). All numbers are compared within one run:
/// the compiled engine at 1k/10k/100k/250k rules against itself at 1k and against the reference
/// evaluator at 1k and 10k, on the same deterministic corpus.
let workload = BrandMonitoringWorkload(seed: 42)
let corpusSize = 2_000
let corpus: [Mention] = workload.mentionTexts(count: corpusSize, brandCount: 1_000).map { Mention(text: $0) }

func ruleSet(_ count: Int, engine: RuleSet.EngineKind) -> RuleSet? {
    try? RuleSet(yaml: workload.rulesYAML(count: count), path: "generated-\(count).yaml", engine: engine)
}

/// Rule sets compiled once per process (globals initialize lazily, on first use), so the match
/// benchmarks measure matching only, never compilation.
let compiledSets: [Int: RuleSet] = Dictionary(
    uniqueKeysWithValues: [1_000, 10_000, 100_000, 250_000].compactMap { size in ruleSet(size, engine: .compiled).map { (size, $0) } })
let referenceSets: [Int: RuleSet] = Dictionary(
    uniqueKeysWithValues: [1_000, 10_000].compactMap { size in ruleSet(size, engine: .reference).map { (size, $0) } })

let benchmarks: @Sendable () -> Void = {
    let sizes = [1_000, 10_000, 100_000, 250_000]

    for size in sizes {
        let yaml = workload.rulesYAML(count: size)
        Benchmark(
            "Compile \(size / 1000)k rules",
            configuration: .init(
                metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(30),
                maxIterations: size >= 100_000 ? 2 : 10)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? RuleSet(yaml: yaml, path: "generated.yaml"))
            }
        }
    }

    for size in sizes {
        Benchmark(
            "Match \(corpusSize) mentions, compiled, \(size / 1000)k rules",
            configuration: .init(
                metrics: [.wallClock, .throughput, .peakMemoryResident], scalingFactor: .one,
                maxDuration: .seconds(10), maxIterations: 20)
        ) { benchmark in
            guard let rules = compiledSets[size] else { fatalError("workload rules must compile") }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for mention in corpus { blackHole(rules.match(mention)) }
            }
        }
    }

    for size in [1_000, 10_000] {
        Benchmark(
            "Match \(corpusSize) mentions, reference, \(size / 1000)k rules",
            configuration: .init(
                metrics: [.wallClock, .throughput], scalingFactor: .one, maxDuration: .seconds(20), maxIterations: 3)
        ) { benchmark in
            guard let rules = referenceSets[size] else { fatalError("workload rules must compile") }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for mention in corpus { blackHole(rules.match(mention)) }
            }
        }
    }

    Benchmark("Tokenize \(corpusSize) mentions", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) {
        benchmark in
        for _ in benchmark.scaledIterations {
            for mention in corpus { blackHole(Tokenizer.tokenize(texts: mention.texts)) }
        }
    }
}
