import Testing

@testable import EarshotTagging

/// Each heuristic on its own. Simple cases are worked out by hand from VADER's constants
/// (valence v, compound = v / √(v² + 15)); composite ones were checked against vaderSentiment
/// 3.3.2 and say so.
@Suite("Sentiment heuristics (tagging.md Sentiment)")
struct SentimentHeuristicTests {
    let vader = SentimentScorer(lexicon: .vader)
    let support = SentimentScorer()

    func compound(_ text: String, _ scorer: SentimentScorer? = nil) -> Double {
        (scorer ?? vader).score(text, lang: "en").compound
    }

    @Test("lexicon valence: good = 1.9 → 1.9/√(1.9²+15) = 0.4404")
    func lexicon() {
        #expect(compound("The book was good.") == 0.4404)
        #expect(compound("nothing here at the moment") == 0)
    }

    @Test("negation scales by -0.74: not good → -1.406 → -0.3412; a n't word negates too")
    func negation() {
        #expect(compound("not good") == -0.3412)
        #expect(compound("isn't good") == -0.3412)
        #expect(compound("never good") == -0.3412)
    }

    @Test("boosters add 0.293 (very good → 0.4927), dampeners subtract (slightly good → 0.3832)")
    func boosters() {
        #expect(compound("very good") == 0.4927)
        #expect(compound("slightly good") == 0.3832)
        // "kind of" as a dampener phrase (checked against the reference).
        #expect(compound("it is kind of good") == 0.3832)
    }

    @Test("ALL CAPS among mixed case adds 0.733: GOOD day → 2.633 → 0.5622; all caps adds nothing")
    func caps() {
        #expect(compound("GOOD day") == 0.5622)
        #expect(compound("GOOD DAY") == 0.4404)
        // A booster in caps adds to the boost (checked against the reference).
        #expect(compound("The app is VERY good") == 0.6028)
    }

    @Test("! adds 0.292 each (up to 4); ?? adds 0.18 each")
    func punctuation() {
        #expect(compound("good!") == 0.4926)
        #expect(compound("good??") == 0.504)
        #expect(compound("good!!!!") == compound("good!!!!!!!"))
    }

    @Test("but: words before count half, words after 1.5×: good but bad → 0.95 − 3.75 → -0.5859")
    func but() {
        #expect(compound("good but bad") == -0.5859)
    }

    @Test("least negates unless after at/very: least good → -0.3412, at least good → 0.4404")
    func least() {
        #expect(compound("least good") == -0.3412)
        #expect(compound("at least good") == 0.4404)
    }

    @Test("emoticons are lexicon words: :) = 2.0 → 0.4588; emoji count through their descriptions")
    func emoticonsAndEmoji() {
        #expect(compound(":)") == 0.4588)
        // 😍 → "smiling face with heart-eyes" (checked against the reference: 0.802).
        #expect(compound("I love it 😍") == 0.802)
    }

    @Test("idioms replace the valence: it is the bomb → 3 → 0.6124; never so good is emphasis")
    func idioms() {
        #expect(compound("it is the bomb") == 0.6124)
        #expect(compound("never so good") == 0.5777)  // checked against the reference
    }

    @Test("pos, neu, neg proportions sum to 1 and follow the reference")
    func proportions() {
        let score = vader.score("good but bad", lang: "en")
        #expect(score.positive == 0.253)
        #expect(score.neutral == 0.13)
        #expect(score.negative == 0.617)
        let empty = vader.score("", lang: "en")
        #expect(empty == SentimentScore.none)
    }

    @Test("labels use the 0.05 thresholds")
    func labels() {
        #expect(SentimentLabel(compound: 0.05) == .positive)
        #expect(SentimentLabel(compound: 0.0499) == .neutral)
        #expect(SentimentLabel(compound: -0.05) == .negative)
        #expect(vader.score("not good", lang: "en").label == .negative)
    }

    @Test("support overlay: crashing, charged twice and not loading are negative; off, VADER's own scores")
    func overlay() {
        #expect(compound("the app keeps crashing") == 0)
        #expect(compound("the app keeps crashing", support) == -0.4215)  // -1.8 → -1.8/√(3.24+15)
        #expect(compound("charged twice") == -0.2023)  // VADER: charged = -0.8
        #expect(compound("charged twice", support) == -0.4939)  // the phrase: -2.2, counted once
        // A phrase carries its own negation: not loading stays negative.
        #expect(compound("the album is not loading", support) == -0.4215)
        #expect(compound("isn't working") == 0)
        #expect(compound("isn't working", support) < -0.05)
    }

    @Test("elongation folds to a known word with the overlay only: sooooo good → so good")
    func elongation() {
        #expect(compound("sooooo good") == 0.4404)  // the reference ignores elongation
        #expect(compound("sooooo good", support) == compound("so good"))
        #expect(compound("goooood", support) == compound("good"))
        #expect(compound("looove it", support) == compound("love it"))
    }

    @Test("other languages: neutral with languageSupported false, emoji still count")
    func languages() {
        let spanish = support.score("Spotify se cierra cada vez que abro una canción", lang: "es")
        #expect(spanish.label == .neutral)
        #expect(spanish.compound == 0)
        #expect(!spanish.languageSupported)
        let withEmoji = support.score("la app no funciona 😂", lang: "es")
        #expect(!withEmoji.languageSupported)
        #expect(withEmoji.compound == compound("face with tears of joy"))
        // Guessed when lang is missing or undetermined.
        #expect(!support.score("Spotify se cierra cada vez que abro una canción").languageSupported)
        #expect(!support.score("Spotifyが落ちた、また再生できない", lang: "und").languageSupported)
        #expect(support.score("Spotify keeps crashing on my phone").languageSupported)
        #expect(support.score("great app", lang: "en-GB").languageSupported)
    }

    @Test("Sentiment.score uses the default scorer with the overlay")
    func facade() {
        #expect(Sentiment.score("the app keeps crashing").label == .negative)
    }
}
