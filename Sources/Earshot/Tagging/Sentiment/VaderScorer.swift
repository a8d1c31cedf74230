/// VADER's heuristics (vaderSentiment 3.3.2's `polarity_scores`), applied to a ``VaderText``:
/// lexicon valence, "no" handling, ALL-CAPS emphasis, boosters and dampeners up to three words
/// back, negation up to three words back ("never so", "without doubt"), idioms, "least", the
/// "but" contrast, `!`/`?` emphasis, normalization, and the pos/neu/neg proportions. It follows
/// the reference's behaviour, quirks included, so scores agree with it (docs/sentiment.md).
struct VaderScorer {
    let lexicon: SentimentLexiconData
    let text: VaderText

    /// compound, pos, neu, neg (rounded like the reference).
    func score() -> (compound: Double, positive: Double, neutral: Double, negative: Double) {
        guard text.count > 0 else { return (0, 0, 0, 0) }
        var sentiments = valences()
        butContrast(&sentiments)
        return VaderScorer.summarize(sentiments, punctuation: punctuationEmphasis())
    }

    private var table: SentimentTable { lexicon.table }
    private var keys: SentimentLexiconData.KeyWords { lexicon.words }

    private func word(_ i: Int) -> Int { text.entries[i] }
    private func inLexicon(_ i: Int) -> Bool { text.entries[i] >= 0 && table[text.entries[i]].valence != nil }
    private func negated(_ i: Int) -> Bool { text.hasNT[i] || (text.entries[i] >= 0 && table[text.entries[i]].negates) }

    /// One valence per word.
    func valences() -> [Double] {
        var sentiments: [Double] = []
        sentiments.reserveCapacity(text.count)
        for i in 0..<text.count {
            let entry = word(i)
            if entry >= 0, table[entry].booster != 0 {
                sentiments.append(0)
            } else if i < text.count - 1, entry == keys.kind, word(i + 1) == keys.of {
                sentiments.append(0)
            } else {
                sentiments.append(valence(at: i))
            }
            applyOverlayPhrase(endingAt: i, to: &sentiments)
        }
        return sentiments
    }

    private func valence(at i: Int) -> Double {
        let entry = word(i)
        guard entry >= 0, let base = table[entry].valence else { return 0 }
        let scalar = VaderConstants.negationScalar
        var valence = base
        if entry == keys.no, i != text.count - 1, inLexicon(i + 1) { valence = 0 }
        if (i > 0 && word(i - 1) == keys.no) || (i > 1 && word(i - 2) == keys.no)
            || (i > 2 && word(i - 3) == keys.no && (word(i - 1) == keys.or || word(i - 1) == keys.nor))
        {
            valence = base * scalar
        }
        if text.isUpper[i], text.capsDifferential {
            valence += valence > 0 ? VaderConstants.capsIncrement : -VaderConstants.capsIncrement
        }
        for back in 0..<3 where i > back && !inLexicon(i - (back + 1)) {
            var increment = boosterIncrement(at: i - (back + 1), valence: valence)
            if back == 1, increment != 0 { increment *= 0.95 }
            if back == 2, increment != 0 { increment *= 0.9 }
            valence += increment
            valence = negation(valence, back: back, at: i)
            if back == 2 { valence = idioms(valence, at: i) }
        }
        return least(valence, at: i)
    }

    /// `scalar_inc_dec`: the booster of word `j` signed like `valence`, plus caps emphasis.
    private func boosterIncrement(at j: Int, valence: Double) -> Double {
        let entry = word(j)
        guard entry >= 0, table[entry].booster != 0 else { return 0 }
        var increment = table[entry].booster
        if valence < 0 { increment *= -1 }
        if text.isUpper[j], text.capsDifferential {
            increment += valence > 0 ? VaderConstants.capsIncrement : -VaderConstants.capsIncrement
        }
        return increment
    }

    /// `_negation_check`, with its operator precedence kept as published.
    private func negation(_ valence: Double, back: Int, at i: Int) -> Double {
        let scalar = VaderConstants.negationScalar
        switch back {
        case 0:
            return negated(i - 1) ? valence * scalar : valence
        case 1:
            if word(i - 2) == keys.never, word(i - 1) == keys.so || word(i - 1) == keys.this { return valence * 1.25 }
            if word(i - 2) == keys.without, word(i - 1) == keys.doubt { return valence }
            return negated(i - 2) ? valence * scalar : valence
        default:
            if (word(i - 3) == keys.never && (word(i - 2) == keys.so || word(i - 2) == keys.this))
                || (word(i - 1) == keys.so || word(i - 1) == keys.this)
            {
                return valence * 1.25
            }
            if word(i - 3) == keys.without, word(i - 2) == keys.doubt || word(i - 1) == keys.doubt { return valence }
            return negated(i - 3) ? valence * scalar : valence
        }
    }

    /// `_special_idioms_check` (only reached with three words before `i`).
    private func idioms(_ valence: Double, at i: Int) -> Double {
        var valence = valence
        // onezero, twoonezero, twoone, threetwoone, threetwo: the first idiom found replaces.
        let before: [(start: Int, count: Int)] = [(i - 1, 2), (i - 2, 3), (i - 2, 2), (i - 3, 3), (i - 3, 2)]
        for (start, count) in before {
            if let value = phraseValue(start: start, count: count, lexicon.specialCases) {
                valence = value
                break
            }
        }
        if text.count - 1 > i, let value = phraseValue(start: i, count: 2, lexicon.specialCases) { valence = value }
        if text.count - 1 > i + 1, let value = phraseValue(start: i, count: 3, lexicon.specialCases) { valence = value }
        for (start, count) in [(i - 3, 3), (i - 3, 2), (i - 2, 2)] {
            if let increment = phraseValue(start: start, count: count, lexicon.boosterPhrases) { valence += increment }
        }
        return valence
    }

    /// The valence of the phrase made of the `count` words from `start`, if it is one of `phrases`.
    private func phraseValue(start: Int, count: Int, _ phrases: [SentimentLexiconData.Phrase]) -> Double? {
        for phrase in phrases where phrase.words.count == count {
            var same = true
            for k in 0..<count where phrase.words[k] != word(start + k) {
                same = false
                break
            }
            if same { return phrase.valence }
        }
        return nil
    }

    /// `_least_check`.
    private func least(_ valence: Double, at i: Int) -> Double {
        if i > 1, !inLexicon(i - 1), word(i - 1) == keys.least {
            return word(i - 2) != keys.at && word(i - 2) != keys.very ? valence * VaderConstants.negationScalar : valence
        }
        if i > 0, !inLexicon(i - 1), word(i - 1) == keys.least { return valence * VaderConstants.negationScalar }
        return valence
    }

    /// Support overlay: a phrase ending at `i` scores once, there; its earlier words count 0.
    private func applyOverlayPhrase(endingAt i: Int, to sentiments: inout [Double]) {
        guard !lexicon.overlayPhrases.isEmpty, word(i) >= 0, lexicon.phraseEnds.contains(word(i)) else { return }
        for phrase in lexicon.overlayPhrases where phrase.words.count <= i + 1 {
            let start = i + 1 - phrase.words.count
            guard phraseValue(start: start, count: phrase.words.count, [phrase]) != nil else { continue }
            var valence = phrase.valence
            if text.isUpper[i], text.capsDifferential {
                valence += valence > 0 ? VaderConstants.capsIncrement : -VaderConstants.capsIncrement
            }
            for j in start..<i { sentiments[j] = 0 }
            sentiments[i] = valence
            return
        }
    }

    /// `_but_check`, reproducing the reference's lookup of each value's first position.
    func butContrast(_ sentiments: inout [Double]) {
        guard let but = text.entries.firstIndex(of: keys.but), keys.but >= 0 else { return }
        for k in sentiments.indices {
            let value = sentiments[k]
            guard let first = sentiments.firstIndex(of: value) else { continue }
            if first < but {
                sentiments[first] = value * 0.5
            } else if first > but {
                sentiments[first] = value * 1.5
            }
        }
    }

    /// `!` (up to 4, 0.292 each) and `?` (2–3: 0.18 each; more: 0.96).
    func punctuationEmphasis() -> Double {
        var exclamations = 0
        var questions = 0
        for byte in text.bytes {
            if byte == 0x21 { exclamations += 1 } else if byte == 0x3F { questions += 1 }
        }
        let fromExclamations = Double(min(exclamations, 4)) * 0.292
        let fromQuestions = questions > 1 ? (questions <= 3 ? Double(questions) * 0.18 : 0.96) : 0
        return fromExclamations + fromQuestions
    }

    /// `score_valence`.
    static func summarize(_ sentiments: [Double], punctuation: Double)
        -> (compound: Double, positive: Double, neutral: Double, negative: Double)
    {
        var sum = sentiments.reduce(0, +)
        if sum > 0 { sum += punctuation } else if sum < 0 { sum -= punctuation }
        let normalized = sum / (sum * sum + VaderConstants.normalizationAlpha).squareRoot()
        let compound = min(1, max(-1, normalized))
        var positive = 0.0
        var negative = 0.0
        var neutral = 0.0
        for value in sentiments {
            if value > 0 { positive += value + 1 }
            if value < 0 { negative += value - 1 }
            if value == 0 { neutral += 1 }
        }
        if positive > abs(negative) { positive += punctuation } else if positive < abs(negative) { negative -= punctuation }
        let total = positive + abs(negative) + neutral
        return (
            rounded(compound, 4), rounded(abs(positive / total), 3), rounded(abs(neutral / total), 3),
            rounded(abs(negative / total), 3)
        )
    }

    /// Python's `round(x, digits)` (half to even).
    static func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = digits == 4 ? 10_000.0 : 1_000.0
        return (value * scale).rounded(.toNearestOrEven) / scale
    }
}
