import Benchmark
import Earshot
import SentimentFixture

/// Sentiment scorer throughput on the parity fixture's sentences (2,147 English sentences), with
/// VADER alone and with the support overlay. `scripts/bench-sentiment.sh` runs this next to the
/// Python reference (vaderSentiment 3.3.2) on the same sentences and prints the ratio.
let sentences = ParitySentences.load()

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
