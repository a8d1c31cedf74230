/// One lexical element of a query (rules.md §2 "Lexing a query"). Offsets are UTF-8 byte
/// offsets into the query.
struct Lexeme {
    enum Kind: Equatable {
        case leftParen
        case rightParen
        /// `-` at the start of an operand; `touching` is false when whitespace or the end of the
        /// query follows it (a lone `-`, reported by the parser).
        case minus(touching: Bool)
        /// `AND`, `OR`, `NOT`.
        case and, or, not
        /// `NEAR/n` or `NEAR/nf` (distance nil when malformed: already diagnosed).
        case near(distance: Int?, ordered: Bool)
        /// A bare word (not an operator or field).
        case word(String)
        /// `"..."` with escapes resolved.
        case phrase(QuotedText)
        /// `{word}` or `{"a phrase"}`: the content, and whether it was quoted inside the braces.
        case exact(QuotedText, quoted: Bool)
        /// `/pattern/flags`; `patternStart` is the byte offset after the opening slash.
        case regex(pattern: String, flags: String, patternStart: Int)
        /// `name:value`.
        case field(FieldLexeme)
        /// A lexeme that already produced an error diagnostic.
        case invalid
    }

    var kind: Kind
    var start: Int
    var end: Int

    /// True for `AND`, `OR` and `NEAR`: binary operators that cannot start an operand.
    var isBinaryOperator: Bool {
        switch kind {
        case .and, .or, .near: true
        default: false
        }
    }

    /// True for `NOT` and `-`.
    var isNegation: Bool {
        switch kind {
        case .not, .minus: true
        default: false
        }
    }
}

/// The content of a quoted phrase or `{}` term, with a way back to query offsets through escapes.
struct QuotedText: Equatable {
    /// The content with `\"` and `\\` resolved.
    var text: String
    /// Query byte offset of the first content byte.
    var contentStart: Int
    /// Query byte offset of every content byte (and one past the end), only when escapes made
    /// the content shorter than its source; nil means `contentStart + i`.
    var sourceOffsets: [Int]?

    /// The query byte offset of content byte `index` (`index == text.utf8.count` is the end).
    func sourceOffset(ofContentByte index: Int) -> Int {
        guard let sourceOffsets else { return contentStart + index }
        return sourceOffsets[max(0, min(index, sourceOffsets.count - 1))]
    }
}

/// A `name:value` word (rules.md §2, §5).
struct FieldLexeme: Equatable {
    /// The operator name as written (ASCII letters).
    var name: String
    /// The value with quotes, braces and escapes removed (for `field:`, `path=value`).
    var value: String
    /// Query byte range of the value as written (after the colon; quotes and braces included).
    var valueStart: Int
    var valueEnd: Int
    /// True when the value (or, for `field:`, the part after `=`) was written in `{}`.
    var exact: Bool
    /// True when the value (or the part after `=`) was written in double quotes.
    var quoted: Bool
}
