/// Scores the sentiment of a text with VADER's lexicon and rules (tagging.md "Sentiment").
///
/// Immutable and shareable across threads; the lexicon is parsed once per process and shared.
///
/// ```swift
/// let scorer = SentimentScorer()                       // VADER + the support overlay
/// scorer.score("The app keeps crashing :(").label       // .negative
/// SentimentScorer(lexicon: .vader).score("The book was good.").compound   // 0.4404
/// ```
public struct SentimentScorer: Sendable {
    /// The lexicon choice.
    public let lexicon: SentimentLexicon
    let data: SentimentLexiconData

    /// - Parameter lexicon: `.vaderWithSupportOverlay` (default) or `.vader`.
    public init(lexicon: SentimentLexicon = .vaderWithSupportOverlay) {
        self.lexicon = lexicon
        self.data = lexicon == .vader ? .vader : .withOverlay
    }

    /// Scores a text.
    /// - Parameter lang: the mention's language tag, if known; otherwise it is guessed. Text in
    ///   a language without a lexicon is scored on its emoji alone and marked
    ///   `languageSupported: false`.
    public func score(_ text: String, lang: String? = nil) -> SentimentScore {
        guard LanguageSupport.isEnglish(text, lang: lang) else {
            var result = scoreEnglish(emojiOnly(text))
            result.languageSupported = false
            return result
        }
        return scoreEnglish(text)
    }

    /// VADER on the text as English.
    func scoreEnglish(_ text: String) -> SentimentScore {
        let data = data
        let scores = data.index.withView { index in
            VaderText.withWords(of: text, index: index) {
                VaderScorer(index: index, text: $0).score()
            }
        }
        return SentimentScore(
            label: SentimentLabel(compound: scores.compound), compound: scores.compound, positive: scores.positive,
            neutral: scores.neutral, negative: scores.negative, languageSupported: true)
    }

    /// The text's emoji alone, separated by spaces (what still counts in other languages).
    func emojiOnly(_ text: String) -> String {
        var kept: [String] = []
        for scalar in text.unicodeScalars where scalar.value >= 0xA9 && data.emojiDescriptions[scalar.value] != nil {
            kept.append(String(scalar))
        }
        return kept.joined(separator: " ")
    }
}
