import Benchmark
import Earshot
import Foundation

/// Sentiment scorer throughput on the parity fixture's sentences (2,147 English sentences), with
/// VADER alone and with the support overlay. `scripts/bench-sentiment.sh` runs this next to the
/// Python reference (vaderSentiment 3.3.2) on the same sentences and prints the ratio.
let sentences: [String] = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Tests/EarshotTaggingTests/Fixtures/vader-parity.jsonl").standardized
    guard let text = try? String(contentsOf: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object["text"] as? String
    }
}()

let benchmarks: @Sendable () -> Void = {
    for (name, lexicon) in [("VADER", SentimentLexicon.vader), ("VADER + support overlay", .vaderWithSupportOverlay)] {
        let scorer = SentimentScorer(lexicon: lexicon)
        Benchmark(
            "Sentiment: \(sentences.count) sentences, \(name)",
            configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                for sentence in sentences { blackHole(scorer.score(sentence, lang: "en")) }
            }
        }
    }
}
