import EarshotTestSupport
import Foundation
import Testing

@testable import EarshotTagging

/// Parity with the reference implementation: `Fixtures/vader-parity.jsonl` holds 2,000+ English
/// sentences with vaderSentiment 3.3.2's scores (made by scripts/sentiment-parity-fixture.py).
@Suite("Sentiment parity with vaderSentiment 3.3.2")
struct SentimentParityTests {
    struct Case: Decodable {
        var text: String
        var compound: Double
        var pos: Double
        var neu: Double
        var neg: Double
    }

    static func cases() throws -> [Case] {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/EarshotTaggingTests/Fixtures/vader-parity.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    @Test("overlay off: compound within ±0.01 on ≥ 99%, same label on ≥ 99.5%")
    func parity() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 2_000)
        let scorer = SentimentScorer(lexicon: .vader)
        var compoundMisses: [String] = []
        var labelMisses = 0
        for item in cases {
            let score = scorer.score(item.text, lang: "en")
            if abs(score.compound - item.compound) > 0.01 {
                compoundMisses.append("\(item.text): reference \(item.compound), Earshot \(score.compound)")
            }
            if score.label != SentimentLabel(compound: item.compound) { labelMisses += 1 }
        }
        for miss in compoundMisses.prefix(20) { print("parity miss: \(miss)") }
        #expect(Double(compoundMisses.count) <= Double(cases.count) * 0.01)
        #expect(Double(labelMisses) <= Double(cases.count) * 0.005)
    }

    @Test("the pos/neu/neg proportions match the reference within 0.01")
    func proportions() throws {
        let scorer = SentimentScorer(lexicon: .vader)
        var misses = 0
        let cases = try Self.cases()
        for item in cases {
            let score = scorer.score(item.text, lang: "en")
            if abs(score.positive - item.pos) > 0.01 || abs(score.neutral - item.neu) > 0.01
                || abs(score.negative - item.neg) > 0.01
            {
                misses += 1
            }
        }
        #expect(Double(misses) <= Double(cases.count) * 0.01)
    }

    @Test("the embedded lexicons equal the resource files")
    func embeddedCopies() throws {
        let resources = Fixtures.repositoryRoot.appendingPathComponent("Sources/Earshot/Tagging/Resources")
        for (name, embedded) in [
            ("vader_lexicon.txt", EmbeddedLexicons.vader), ("emoji_utf8_lexicon.txt", EmbeddedLexicons.emoji),
            ("support-overlay.tsv", EmbeddedLexicons.supportOverlay),
        ] {
            // Swift string literals store line endings as \n; the VADER files use \r\n (some lines).
            let file = try String(contentsOf: resources.appendingPathComponent(name), encoding: .utf8)
            var scalars = Array(file.unicodeScalars.filter { $0 != "\r" })
            if scalars.last == "\n" { scalars.removeLast() }
            #expect(scalars == Array(embedded.unicodeScalars), "\(name) changed: run scripts/embed-sentiment-lexicons.sh")
        }
    }
}
