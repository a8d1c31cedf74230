/// The words that characterise a spike: lowercase words of three letters or more, without common
/// English stop words, the most frequent first.
enum SpikeTerms {
    static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "this", "that", "with", "have", "has", "are", "was", "but", "not", "can",
        "just", "all", "any", "again", "my", "its", "it's", "from", "they", "what", "why", "how", "when", "who", "get",
        "got", "been", "now", "still", "out", "one", "too", "our", "off", "any", "anyone", "else", "does", "did",
        "don't", "can't", "i'm", "im", "there", "here", "about", "into", "will", "would", "could", "should", "them",
        "then", "than", "also", "only", "very", "really", "https", "http", "com",
    ]

    static func terms(of text: String) -> Set<String> {
        var result = Set<String>()
        var word = ""
        func flush() {
            if word.count >= 3, !stopWords.contains(word), !word.hasPrefix("@") { result.insert(word) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" || character == "#" {
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    static func top(_ counts: [String: Int], limit: Int) -> [String] {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }
}
