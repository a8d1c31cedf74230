/// VADER's heuristics (vaderSentiment 3.3.2's `polarity_scores`), applied to a ``VaderText``:
/// lexicon valence, "no" handling, ALL-CAPS emphasis, boosters and dampeners up to three words
/// back, negation up to three words back ("never so", "without doubt"), idioms, "least", the
/// "but" contrast, `!`/`?` emphasis, normalization, and the pos/neu/neg proportions. It follows
/// the reference's behaviour, quirks included, so scores agree with it (docs/sentiment.md).
///
/// Words are compared by table index and every fact about a word comes from its table entry, so
/// the heuristics run on integers; each word's valence is written into the text's word buffer.
struct VaderScorer {
    /// The lexicon's word index (`lexicon.index`), read through pointers.
    let index: SentimentWordIndex.View
    let text: VaderText

    /// compound, pos, neu, neg (rounded like the reference).
    func score() -> (compound: Double, positive: Double, neutral: Double, negative: Double) {
        guard text.count > 0 else { return (0, 0, 0, 0) }
        // Every valence is 0: the sum is 0 and every word is neutral.
        guard !text.presentFlags.isDisjoint(with: .mayScore) else { return (0, 0, 1, 0) }
        Pass(keys: index.keys, index: index, words: text.words, text: text).valences()
        if text.presentFlags.contains(.contrasts) { butContrast() }
        return VaderScorer.summarize(text.words, punctuation: punctuationEmphasis())
    }

    /// One scoring pass: the word index and the words, read without copies.
    private struct Pass {
        let keys: SentimentLexiconData.KeyWords
        let index: SentimentWordIndex.View
        let words: UnsafeMutableBufferPointer<VaderWord>
        let text: VaderText
        private var count: Int { words.count }

        @inline(__always) private func word(_ i: Int) -> Int { Int(words[i].id) }
        @inline(__always) private func has(_ i: Int, _ flag: SentimentWordIndex.Flags) -> Bool {
            words[i].flags.contains(flag)
        }
        @inline(__always) private func inLexicon(_ i: Int) -> Bool { has(i, .inLexicon) }
        @inline(__always) private func negated(_ i: Int) -> Bool { words[i].hasNT || has(i, .negates) }
        @inline(__always) private func capsEmphasis(_ i: Int) -> Bool { words[i].isUpper && text.capsDifferential }

        /// One valence per word, into `words[i].sentiment` (which starts at 0): only words in the
        /// lexicon (not boosters, not "kind" of "kind of") and the ends of overlay phrases get one.
        func valences() {
            for i in 0..<count {
                let flags = words[i].flags
                if flags.contains(.inLexicon), flags.isDisjoint(with: [.boosts, .dampens]) {
                    let entry = word(i)
                    if !(i < count - 1 && entry == keys.kind && word(i + 1) == keys.of) {
                        words[i].sentiment = valence(at: i, base: index[entry].valence)
                    }
                }
                if flags.contains(.endsOverlayPhrase) { applyOverlayPhrase(endingAt: i) }
            }
        }

        /// The valence of word `i`, which is in the lexicon with valence `base`.
        private func valence(at i: Int, base: Double) -> Double {
            let entry = word(i)
            let scalar = VaderConstants.negationScalar
            var valence = base
            if entry == keys.no, i != count - 1, inLexicon(i + 1) { valence = 0 }
            if (i > 0 && word(i - 1) == keys.no) || (i > 1 && word(i - 2) == keys.no)
                || (i > 2 && word(i - 3) == keys.no && (word(i - 1) == keys.or || word(i - 1) == keys.nor))
            {
                valence = base * scalar
            }
            if capsEmphasis(i) {
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
        @inline(__always) private func boosterIncrement(at j: Int, valence: Double) -> Double {
            var increment = words[j].flags.booster
            guard increment != 0 else { return 0 }
            if valence < 0 { increment *= -1 }
            if capsEmphasis(j) {
                increment += valence > 0 ? VaderConstants.capsIncrement : -VaderConstants.capsIncrement
            }
            return increment
        }

        /// `_negation_check`, with its operator precedence kept as published.
        @inline(__always) private func negation(_ valence: Double, back: Int, at i: Int) -> Double {
            let scalar = VaderConstants.negationScalar
            switch back {
            case 0:
                return negated(i - 1) ? valence * scalar : valence
            case 1:
                if word(i - 2) == keys.never, word(i - 1) == keys.so || word(i - 1) == keys.this {
                    return valence * 1.25
                }
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
            // Every phrase tried below starts at one of words i-3...i: most windows have none.
            let window = words[i - 3].flags.union(words[i - 2].flags).union(words[i - 1].flags).union(words[i].flags)
            guard window.contains(.startsPhrase) else { return valence }
            var valence = valence
            let special = index.specialCases
            // onezero, twoonezero, twoone, threetwoone, threetwo: the first idiom found replaces.
            if let value = phraseValue(start: i - 1, count: 2, special) {
                valence = value
            } else if let value = phraseValue(start: i - 2, count: 3, special) {
                valence = value
            } else if let value = phraseValue(start: i - 2, count: 2, special) {
                valence = value
            } else if let value = phraseValue(start: i - 3, count: 3, special) {
                valence = value
            } else if let value = phraseValue(start: i - 3, count: 2, special) {
                valence = value
            }
            if count - 1 > i, let value = phraseValue(start: i, count: 2, special) { valence = value }
            if count - 1 > i + 1, let value = phraseValue(start: i, count: 3, special) { valence = value }
            let degree = index.boosterPhrases
            if let increment = phraseValue(start: i - 3, count: 3, degree) { valence += increment }
            if let increment = phraseValue(start: i - 3, count: 2, degree) { valence += increment }
            if let increment = phraseValue(start: i - 2, count: 2, degree) { valence += increment }
            return valence
        }

        /// The valence of the phrase made of the `count` words from `start`, if it is one of
        /// `phrases` (idioms and degree phrases, whose first and later words the table marks).
        private func phraseValue(start: Int, count: Int, _ phrases: UnsafeBufferPointer<SentimentWordIndex.Phrase>)
            -> Double?
        {
            // Both first words must be able to stand where they are (every phrase has two or more).
            guard words[start].flags.contains(.startsPhrase), words[start + 1].flags.contains(.continuesPhrase) else {
                return nil
            }
            return matchingPhrase(start: start, count: count, phrases)
        }

        /// The valence of the first of `phrases` made of the `count` words from `start`.
        private func matchingPhrase(
            start: Int, count: Int, _ phrases: UnsafeBufferPointer<SentimentWordIndex.Phrase>
        ) -> Double? {
            for phrase in phrases where Int(phrase.count) == count {
                var same = true
                for k in 0..<count where index.word(k, of: phrase) != word(start + k) {
                    same = false
                    break
                }
                if same { return phrase.valence }
            }
            return nil
        }

        /// `_least_check`.
        @inline(__always) private func least(_ valence: Double, at i: Int) -> Double {
            if i > 1, !inLexicon(i - 1), word(i - 1) == keys.least {
                return word(i - 2) != keys.at && word(i - 2) != keys.very
                    ? valence * VaderConstants.negationScalar : valence
            }
            if i > 0, !inLexicon(i - 1), word(i - 1) == keys.least { return valence * VaderConstants.negationScalar }
            return valence
        }

        /// Support overlay: a phrase ending at `i` scores once, there; its earlier words count 0.
        private func applyOverlayPhrase(endingAt i: Int) {
            for phrase in index.overlayPhrases where Int(phrase.count) <= i + 1 {
                let start = i + 1 - Int(phrase.count)
                var same = true
                for k in 0..<Int(phrase.count) where index.word(k, of: phrase) != word(start + k) {
                    same = false
                    break
                }
                guard same else { continue }
                var valence = phrase.valence
                if capsEmphasis(i) {
                    valence += valence > 0 ? VaderConstants.capsIncrement : -VaderConstants.capsIncrement
                }
                for j in start..<i { words[j].sentiment = 0 }
                words[i].sentiment = valence
                return
            }
        }
    }

    /// `_but_check`, reproducing the reference's lookup of each value's first position.
    func butContrast() {
        let but = index.keys.but
        let words = text.words
        guard but >= 0, let position = words.firstIndex(where: { Int($0.id) == but }) else { return }
        for k in words.indices {
            let value = words[k].sentiment
            // A zero stays zero (±0 count alike in summarize), so its search can be skipped.
            guard value != 0, let first = words.firstIndex(where: { $0.sentiment == value }) else { continue }
            if first < position {
                words[first].sentiment = value * 0.5
            } else if first > position {
                words[first].sentiment = value * 1.5
            }
        }
    }

    /// `!` (up to 4, 0.292 each) and `?` (2–3: 0.18 each; more: 0.96).
    func punctuationEmphasis() -> Double {
        let questions = text.questions
        let fromExclamations = Double(min(text.exclamations, 4)) * 0.292
        let fromQuestions = questions > 1 ? (questions <= 3 ? Double(questions) * 0.18 : 0.96) : 0
        return fromExclamations + fromQuestions
    }

    /// `score_valence`.
    static func summarize(_ words: UnsafeMutableBufferPointer<VaderWord>, punctuation: Double)
        -> (compound: Double, positive: Double, neutral: Double, negative: Double)
    {
        // One pass, without branches on each value's sign (they are hard to predict); adding
        // 0 leaves each sum exactly as the reference's separate loops leave it.
        var sum = 0.0
        var positive = 0.0
        var negative = 0.0
        var neutral = 0.0
        for word in words {
            let value = word.sentiment
            sum += value
            positive += keep(value + 1, if: value > 0)
            negative += keep(value - 1, if: value < 0)
            neutral += keep(1, if: value == 0)
        }
        if sum > 0 { sum += punctuation } else if sum < 0 { sum -= punctuation }
        let normalized = sum / (sum * sum + VaderConstants.normalizationAlpha).squareRoot()
        let compound = min(1, max(-1, normalized))
        if positive > abs(negative) { positive += punctuation } else if positive < abs(negative) { negative -= punctuation }
        let total = positive + abs(negative) + neutral
        return (
            rounded(compound, 4), rounded(abs(positive / total), 3), rounded(abs(neutral / total), 3),
            rounded(abs(negative / total), 3)
        )
    }

    /// `x` when `condition` holds, else +0, by masking its bits (no branch).
    @inline(__always)
    private static func keep(_ x: Double, if condition: Bool) -> Double {
        Double(bitPattern: x.bitPattern & (0 &- UInt64(condition ? 1 : 0)))
    }

    /// Python's `round(x, digits)` (half to even).
    @inline(__always)
    static func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = digits == 4 ? 10_000.0 : 1_000.0
        return roundedToEven(value * scale) / scale
    }

    /// `x.rounded(.toNearestOrEven)` without a call into the C library (baseline x86-64 has no
    /// rounding instruction): adding and subtracting 2^52 leaves no fraction bits, and the FPU
    /// rounds the sum to nearest, ties to even. Larger magnitudes (and NaN) are returned as they are.
    @inline(__always)
    static func roundedToEven(_ x: Double) -> Double {
        let twoToThe52 = 4_503_599_627_370_496.0
        let magnitude = x.magnitude
        guard magnitude < twoToThe52 else { return x }
        return Double(signOf: x, magnitudeOf: (magnitude + twoToThe52) - twoToThe52)
    }
}
