import Benchmark
import Earshot
import Foundation

/// The sample mentions bundled in Fixtures/ (read once).
let sampleTexts: [String] = {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/mentions/generic.jsonl")
    guard let data = try? Data(contentsOf: url) else { return ["Spotify keeps crashing on my iPhone"] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object["text"] as? String
    }
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3), maxIterations: 1_000)

    Benchmark("Tokenize sample mentions") { benchmark in
        for _ in benchmark.scaledIterations {
            for text in sampleTexts { blackHole(Tokenizer.tokenize(text)) }
        }
    }

    Benchmark("Reference evaluator, built-in pack, sample mentions") { benchmark in
        guard let rules = try? RuleSet.defaultPack() else { return }
        let mentions = sampleTexts.map { Mention(text: $0) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for mention in mentions { blackHole(rules.match(mention)) }
        }
    }

    Benchmark("Compile built-in pack") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? RuleSet.defaultPack())
        }
    }
}
