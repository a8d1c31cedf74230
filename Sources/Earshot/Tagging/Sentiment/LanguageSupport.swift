/// Whether a text is English, the one language with a lexicon (tagging.md: other languages get
/// `neutral` with `lang_supported: false`, emoji still count).
///
/// The mention's `lang` decides when it names a language (`en`, `en-GB` → English; `es` → not).
/// When it is missing or says "undetermined" (`und`, `zxx`, `qme`, `qht`, `qam`, `qst`), a cheap
/// guess: letters of non-Latin scripts outnumbering Latin ones mean not English; otherwise common
/// function words of Spanish, Portuguese, French, German, Italian, Dutch and Swedish must clearly
/// outnumber English ones (at least two, and more than the English count).
enum LanguageSupport {
    static let undetermined: Set<String> = ["und", "zxx", "qme", "qht", "qam", "qst", "art"]

    static func isEnglish(_ text: String, lang: String?) -> Bool {
        guard let lang else { return guessEnglish(text) }
        // The common tag: a small string, compared with the literal as one word.
        if lang == "en" { return true }
        if let english = isEnglishTag(lang) { return english }
        if !lang.isEmpty {
            let primary = lang.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
            if !undetermined.contains(primary) { return primary == "en" }
        }
        return guessEnglish(text)
    }

    /// The answer for an ASCII tag that names a language, read in place (the common case: no
    /// String is made); `nil` for an empty, undetermined or non-ASCII tag.
    static func isEnglishTag(_ lang: String) -> Bool? {
        var first: UInt8 = 0
        var second: UInt8 = 0
        var length = 0
        for byte in lang.utf8 {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") { break }
            if length == 0 { first = SentimentTable.lowered(byte) } else if length == 1 { second = SentimentTable.lowered(byte) }
            length += 1
        }
        // Other lengths may be undetermined ("und") or odd ("-en"): the String path decides.
        guard length == 2 else { return nil }
        return first == UInt8(ascii: "e") && second == UInt8(ascii: "n")
    }

    static func guessEnglish(_ text: String) -> Bool {
        var latin = 0
        var other = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.isASCII || (0xC0...0x24F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value) {
                latin += 1
            } else {
                other += 1
            }
        }
        if other > latin { return false }
        var english = 0
        var foreign = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) {
            let key = String(word)
            if englishWords.contains(key) { english += 1 } else if foreignWords.contains(key) { foreign += 1 }
        }
        return !(foreign >= 2 && foreign > english)
    }

    static let englishWords: Set<String> = [
        "the", "and", "is", "are", "to", "my", "it", "you", "this", "that", "for", "of", "on", "with", "not", "why",
        "what", "again", "me", "was", "have", "has", "just", "please", "can't", "don't", "i'm", "it's", "won't",
        "keeps", "when", "after", "your", "from", "but", "all", "any", "anyone", "still", "now", "i", "in", "be",
    ]

    static let foreignWords: Set<String> = [
        // Spanish
        "el", "la", "los", "las", "que", "y", "por", "para", "con", "mi", "es", "una", "pero", "muy", "está", "qué",
        "del", "al", "se", "lo", "otra", "vez", "canción", "canciones", "cuenta",
        // Portuguese
        "os", "não", "uma", "meu", "minha", "você", "é", "com", "em", "isso", "música", "músicas",
        // French
        "le", "les", "des", "est", "une", "pas", "je", "et", "du", "mon", "ma", "avec", "pour", "ça", "c'est", "j'ai",
        // German
        "der", "die", "das", "und", "ist", "nicht", "ich", "mein", "meine", "mit", "auf", "ein", "eine", "schon", "immer",
        // Italian
        "il", "di", "che", "non", "sono", "della", "mio", "perché",
        // Dutch
        "het", "een", "niet", "ik", "mijn", "van", "ook", "weer",
        // Swedish
        "och", "är", "inte", "jag", "att", "på", "med", "igen", "har",
    ]
}
