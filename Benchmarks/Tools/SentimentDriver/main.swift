import Earshot
import Foundation
import SentimentFixture

// sentiment-driver: a small driver for the sentiment scorer, for profiling and differential checks.
//
//   sentiment-driver loop [ROUNDS] [vader|overlay]
//                                    score the parity fixture's sentences ROUNDS times (default 200)
//                                    with both lexicons, or with the one named; run it under `perf record -g`
//   sentiment-driver dump            print every score of the fixture's sentences and of variants
//                                    (caps, joined, "no", doubled spaces, elongation, emoji, no lang)
//                                    with both lexicons, one line each, to diff two builds exactly

/// The parity fixture's sentences.
func fixtureSentences() -> [String] { ParitySentences.load() }

/// Each sentence and a few variants that exercise other paths of the scorer.
func variants(_ sentences: [String]) -> [(text: String, lang: String?)] {
    var result: [(String, String?)] = []
    for (i, sentence) in sentences.enumerated() {
        let next = sentences[(i + 1) % sentences.count]
        result.append((sentence, "en"))
        result.append((sentence, nil))
        result.append((sentence.uppercased(), "en"))
        result.append((sentence + " " + next, "en"))
        result.append(("no " + sentence, "en"))
        result.append((sentence.replacingOccurrences(of: " ", with: "  "), "en"))
        result.append((sentence.replacingOccurrences(of: "o", with: "ooo"), "en"))
        result.append((sentence + " 😂🔥!!", "en"))
        result.append(("\u{00A0}" + sentence + "\u{3000}", "EN-us"))
        result.append((sentence, "es"))
    }
    return result
}

let arguments = CommandLine.arguments.dropFirst()
let scorers = [SentimentScorer(lexicon: .vader), SentimentScorer(lexicon: .vaderWithSupportOverlay)]
switch arguments.first {
case "dump":
    for (text, lang) in variants(fixtureSentences()) {
        var line = ""
        for scorer in scorers {
            let s = scorer.score(text, lang: lang)
            line += "\(s.label) \(s.compound) \(s.positive) \(s.neutral) \(s.negative) \(s.languageSupported) | "
        }
        print(line + text.debugDescription)
    }
default:
    let rounds = arguments.dropFirst().first.flatMap { Int($0) } ?? 200
    let sentences = fixtureSentences()
    let chosen = arguments.dropFirst(2).first
    let scorers = chosen == "vader" ? [scorers[0]] : chosen == "overlay" ? [scorers[1]] : scorers
    var checksum = 0.0
    let start = Date()
    for _ in 0..<rounds {
        for scorer in scorers {
            for sentence in sentences { checksum += scorer.score(sentence, lang: "en").compound }
        }
    }
    let seconds = Date().timeIntervalSince(start)
    let count = Double(rounds * sentences.count * scorers.count)
    print("checksum \(checksum); \(Int(count / seconds)) sentences/s (\(chosen ?? "both lexicons"))")
}
