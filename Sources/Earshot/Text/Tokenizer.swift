// PLACEHOLDER (to be replaced by the Text layer implementation): the API is fixed, the body is
// a crude ASCII-only split so the layers above can compile and run early.

/// The one tokenizer of rules.md §1, used for mention text and for every query word.
public enum Tokenizer {
    /// Position gap inserted between joined text fields so no phrase or NEAR/255 spans the join.
    public static let fieldJoinPositionGap = 300

    /// Tokenizes one text.
    public static func tokenize(_ text: String) -> TokenizedText {
        tokenize(texts: [text])
    }

    /// Tokenizes several text fields as one text joined with a blank line (rules.md §1.6).
    public static func tokenize(texts: [String]) -> TokenizedText {
        let joined = texts.joined(separator: "\n\n")
        var tokens: [Token] = []
        var position = 0
        var current = ""
        var start = 0
        var offset = 0
        func flush() {
            if !current.isEmpty {
                tokens.append(
                    Token(
                        kind: .word, position: position, byteRange: start..<offset,
                        folded: current.lowercased(), exact: current))
                position += 1
                current = ""
            }
        }
        for scalar in joined.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
            offset += String(scalar).utf8.count
        }
        flush()
        return TokenizedText(nfc: joined, tokens: tokens, positionCount: position)
    }

    /// Tokenizes one query word, keeping the wildcard characters `*` and `?` inside word tokens
    /// (and inside entity bodies: `#spotify*`).
    public static func tokenizeQueryWord(_ word: String) -> [Token] {
        tokenize(word).tokens
    }
}
