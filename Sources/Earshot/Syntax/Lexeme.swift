/// One lexical element of a query (rules.md §2 "Lexing a query").
struct Lexeme {
    enum Kind: Equatable {
        case leftParen
        case rightParen
        /// `-` at the start of an operand, touching it.
        case minus
        /// `AND`, `OR`, `NOT`.
        case and, or, not
        /// `NEAR/n` or `NEAR/nf` (distance nil when malformed: already diagnosed).
        case near(distance: Int?, ordered: Bool)
        /// A bare word (not an operator or field).
        case word(String)
        /// `"..."` with escapes resolved.
        case phrase(String)
        /// `{...}`: content, and whether it was a quoted phrase inside.
        case exact(String, quoted: Bool)
        /// `/pattern/flags`.
        case regex(pattern: String, flags: String, patternStart: Int)
        /// `name:value`; `valueStart` is the byte offset of the value.
        case field(name: String, value: String, valueStart: Int, valueEnd: Int, exact: Bool)
        /// A lexeme that already produced an error diagnostic.
        case invalid
    }

    var kind: Kind
    var start: Int
    var end: Int
}
