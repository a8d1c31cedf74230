/// A sentiment label, by the usual VADER thresholds on the compound score.
public enum SentimentLabel: String, Sendable, Hashable, CaseIterable {
    /// compound ≥ 0.05.
    case positive
    /// compound ≤ -0.05.
    case negative
    /// Anything in between.
    case neutral

    /// The label of a compound score.
    public init(compound: Double) {
        self = compound >= 0.05 ? .positive : compound <= -0.05 ? .negative : .neutral
    }
}

/// The sentiment of one text (tagging.md "Sentiment").
public struct SentimentScore: Sendable, Hashable {
    /// positive, negative or neutral.
    public var label: SentimentLabel
    /// The normalized sum of valences, in [-1, 1], rounded to 4 decimals as VADER does.
    public var compound: Double
    /// Share of the text that is positive (3 decimals).
    public var positive: Double
    /// Share that is neutral (3 decimals).
    public var neutral: Double
    /// Share that is negative (3 decimals).
    public var negative: Double
    /// `false` when the text is in a language without a lexicon (then only emoji count).
    public var languageSupported: Bool

    /// No sentiment at all.
    public static let none = SentimentScore(
        label: .neutral, compound: 0, positive: 0, neutral: 0, negative: 0, languageSupported: true)
}

/// Which lexicon the scorer uses.
public enum SentimentLexicon: String, Sendable, Hashable, CaseIterable {
    /// VADER 3.3.2 alone: the reference behaviour (`--sentiment-lexicon vader`).
    case vader
    /// VADER plus Earshot's support-domain overlay (words and phrases that are negative in a
    /// support context) and elongation folding ("sooooo good"); the default.
    case vaderWithSupportOverlay
}

/// `Sentiment.score(_:)`: the default scorer in one call.
///
/// ```swift
/// Sentiment.score("The app keeps crashing, so annoying :(").label   // .negative
/// ```
public enum Sentiment {
    /// The shared default scorer (support overlay on), built once.
    public static let defaultScorer = SentimentScorer()

    /// Scores a text with the default scorer, guessing its language.
    public static func score(_ text: String) -> SentimentScore {
        defaultScorer.score(text)
    }
}
