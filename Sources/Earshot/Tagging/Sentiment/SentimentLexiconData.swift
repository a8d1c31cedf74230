/// The parsed lexicons: the word table (VADER's lexicon, boosters, negations, the words of its
/// idioms, and with the overlay its words), the overlay's phrases, and VADER's emoji
/// descriptions. Parsed once per lexicon choice from the embedded files; ``index`` is the form
/// the scoring path reads (with the key words, the phrases and the elongation switch).
///
/// A class, so that scorers share it by one reference instead of copying its tables.
final class SentimentLexiconData: Sendable {
    /// An idiom or overlay phrase as word indices, with its valence.
    struct Phrase: Sendable {
        var words: [Int]
        var valence: Double
    }

    let table: SentimentTable
    /// The table as the scoring path reads it.
    let index: SentimentWordIndex
    /// VADER's idioms (`SPECIAL_CASES`).
    let specialCases: [Phrase]
    /// VADER's degree phrases ("kind of").
    let boosterPhrases: [Phrase]
    /// The overlay's phrases ("charged twice"); empty without the overlay.
    let overlayPhrases: [Phrase]
    /// Emoji (one scalar) → its description, as VADER substitutes them.
    let emojiDescriptions: [UInt32: String]
    /// Indices of the words the heuristics test by name.
    let words: KeyWords

    /// Word indices the heuristics compare tokens with.
    struct KeyWords: Sendable {
        var no = -1, but = -1, kind = -1, of = -1, least = -1, at = -1, very = -1, never = -1, so = -1
        var this = -1, without = -1, doubt = -1, or = -1, nor = -1
    }

    static let vader = SentimentLexiconData(overlay: false)
    static let withOverlay = SentimentLexiconData(overlay: true)

    init(overlay: Bool) {
        var table = SentimentTable(expectedCount: 8_000)
        for line in SentimentLexiconData.lines(EmbeddedLexicons.vader) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let valence = Double(fields[1]) else { continue }
            let index = table.insert(String(fields[0]))
            table[index].valence = valence
        }
        for (word, increment) in VaderConstants.boosters { table[table.insert(word)].booster = increment }
        for word in VaderConstants.negations { table[table.insert(word)].negates = true }
        func phrases(_ source: [[String]: Double]) -> [Phrase] {
            source.map { Phrase(words: $0.key.map { table.insert($0) }, valence: $0.value) }
        }
        let specialCases = phrases(VaderConstants.specialCases)
        let boosterPhrases = phrases(VaderConstants.boosterPhrases)
        self.specialCases = specialCases
        self.boosterPhrases = boosterPhrases
        for phrase in specialCases + boosterPhrases { table[phrase.words[0]].startsPhrase = true }
        var overlayPhrases: [Phrase] = []
        if overlay {
            for line in SentimentLexiconData.lines(EmbeddedLexicons.supportOverlay) where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t")
                guard fields.count >= 2, let valence = Double(fields[1]) else { continue }
                let terms = fields[0].split(separator: " ").map { String($0) }
                if terms.count == 1 {
                    let index = table.insert(terms[0])
                    table[index].valence = valence == 0 ? nil : valence
                } else {
                    overlayPhrases.append(Phrase(words: terms.map { table.insert($0) }, valence: valence))
                }
            }
        }
        self.overlayPhrases = overlayPhrases
        var keys = KeyWords()
        keys.no = table.insert("no")
        keys.but = table.insert("but")
        keys.kind = table.insert("kind")
        keys.of = table.insert("of")
        keys.least = table.insert("least")
        keys.at = table.insert("at")
        keys.very = table.insert("very")
        keys.never = table.insert("never")
        keys.so = table.insert("so")
        keys.this = table.insert("this")
        keys.without = table.insert("without")
        keys.doubt = table.insert("doubt")
        keys.or = table.insert("or")
        keys.nor = table.insert("nor")
        words = keys
        var emoji: [UInt32: String] = [:]
        for line in SentimentLexiconData.lines(EmbeddedLexicons.emoji) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            let scalars = fields[0].unicodeScalars
            // VADER looks emoji up one code point at a time, so only one-scalar entries can match.
            if scalars.count == 1, let scalar = scalars.first { emoji[scalar.value] = String(fields[1]) }
        }
        emojiDescriptions = emoji
        self.table = table
        index = SentimentWordIndex(
            table, keys: keys, phrases: [specialCases, boosterPhrases, overlayPhrases], foldsElongation: overlay,
            emoji: emoji)
    }

    /// Non-empty lines, trimmed of surrounding whitespace as VADER's loader does.
    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n").map { line in
            var slice = line[...]
            while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
            while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
            return slice
        }.filter { !$0.isEmpty }
    }
}
