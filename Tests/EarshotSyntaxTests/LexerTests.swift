@testable import EarshotSyntax
import Testing

/// The lexing rules of rules.md §2 ("Lexing a query"), §3 (where `-` negates) and §5 (fields).
@Suite("Query lexer")
struct LexerTests {
    func lex(_ query: String) -> (kinds: [Lexeme.Kind], ranges: [Range<Int>], codes: [DiagnosticCode]) {
        var lexer = QueryLexer(SourceText(query))
        let lexemes = lexer.lex()
        return (lexemes.map(\.kind), lexemes.map { $0.start..<$0.end }, lexer.diagnostics.map(\.code))
    }

    func text(_ value: String, at start: Int) -> QuotedText {
        QuotedText(text: value, contentStart: start, sourceOffsets: nil)
    }

    @Test func syntaxCharactersAndWhitespaceSplitWords() {
        let result = lex("a(b)\"c d\"{E}f")
        #expect(
            result.kinds == [
                .word("a"), .leftParen, .word("b"), .rightParen, .phrase(text("c d", at: 5)), .exact(text("E", at: 10), quoted: false),
                .word("f"),
            ])
        #expect(result.ranges == [0..<1, 1..<2, 2..<3, 3..<4, 4..<9, 9..<12, 12..<13])
    }

    @Test func minusNegatesOnlyAtTheStartOfAnOperand() {
        #expect(lex("-job").kinds == [.minus(touching: true), .word("job")])
        #expect(lex("a -b").kinds == [.word("a"), .minus(touching: true), .word("b")])
        #expect(lex("(a)-b").kinds == [.leftParen, .word("a"), .rightParen, .minus(touching: true), .word("b")])
        #expect(lex("(-b)").kinds == [.leftParen, .minus(touching: true), .word("b"), .rightParen])
        #expect(lex("wi-fi").kinds == [.word("wi-fi")])
        #expect(lex("a- b").kinds == [.word("a-"), .word("b")])
        #expect(lex("- b").kinds == [.minus(touching: false), .word("b")])
        #expect(lex("a -").kinds == [.word("a"), .minus(touching: false)])
        #expect(lex("--b").kinds == [.minus(touching: true), .minus(touching: true), .word("b")])
        #expect(lex("-\"x\"").kinds == [.minus(touching: true), .phrase(text("x", at: 2))])
    }

    @Test func operatorsAreUpperCaseOnly() {
        #expect(lex("a AND b OR c NOT d").kinds == [.word("a"), .and, .word("b"), .or, .word("c"), .not, .word("d")])
        let lower = lex("a and b Or c nOT d")
        #expect(lower.kinds == [.word("a"), .word("and"), .word("b"), .word("Or"), .word("c"), .word("nOT"), .word("d")])
        #expect(lower.codes == [.lowercaseOperator, .lowercaseOperator, .lowercaseOperator])
        #expect(lex("ANDROID ORACLE NOTE").kinds == [.word("ANDROID"), .word("ORACLE"), .word("NOTE")])
        #expect(lex("\"a AND b\"").kinds == [.phrase(text("a AND b", at: 1))])
    }

    @Test func nearForms() {
        #expect(lex("NEAR/3").kinds == [.near(distance: 3, ordered: false)])
        #expect(lex("NEAR/3f").kinds == [.near(distance: 3, ordered: true)])
        #expect(lex("NEAR/007").kinds == [.near(distance: 7, ordered: false)])
        #expect(lex("NEAR/255f").kinds == [.near(distance: 255, ordered: true)])
        #expect(lex("NEAR").codes == [.nearMissingDistance])
        #expect(lex("NEAR/").codes == [.nearMissingDistance])
        #expect(lex("NEAR/x").codes == [.nearMissingDistance])
        #expect(lex("NEAR/2F").codes == [.nearMissingDistance])
        #expect(lex("NEAR/256").codes == [.nearDistanceOutOfRange])
        #expect(lex("NEAR/99999999999999999999").codes == [.nearDistanceOutOfRange])
        #expect(lex("near/2").codes == [.lowercaseOperator])
        #expect(lex("near").codes.isEmpty)
    }

    @Test func quotedPhrasesResolveEscapes() {
        let result = lex(#""a \"b\" c\\d""#)
        guard case .phrase(let quoted) = result.kinds.first else {
            Issue.record("expected a phrase, got \(result.kinds)")
            return
        }
        #expect(quoted.text == #"a "b" c\d"#)
        // Content bytes map back to query offsets through the escapes: `b` is query byte 5.
        #expect(quoted.sourceOffset(ofContentByte: 3) == 5)
        #expect(quoted.sourceOffset(ofContentByte: 7) == 10)
        #expect(lex("\"a\\x\"").kinds == [.phrase(QuotedText(text: "a\\x", contentStart: 1, sourceOffsets: nil))])
        #expect(lex("\"open").codes == [.unbalancedQuote])
    }

    @Test func regexLiterals() {
        #expect(lex("/a b/i").kinds == [.regex(pattern: "a b", flags: "i", patternStart: 1)])
        #expect(lex("/a\\/b/").kinds == [.regex(pattern: "a/b", flags: "", patternStart: 1)])
        #expect(lex("/a\\\\/ b").kinds == [.regex(pattern: "a\\\\", flags: "", patternStart: 1), .word("b")])
        #expect(lex("/x/smix").kinds == [.regex(pattern: "x", flags: "smix", patternStart: 1)])
        #expect(lex("(/x/)").kinds == [.leftParen, .regex(pattern: "x", flags: "", patternStart: 2), .rightParen])
        #expect(lex("-/x/").kinds == [.minus(touching: true), .regex(pattern: "x", flags: "", patternStart: 2)])
        #expect(lex("a/x/").kinds == [.word("a/x/")])
        #expect(lex("/x/q").codes == [.invalidRegex])
        #expect(lex("/x").codes == [.invalidRegex])
        #expect(lex("//").codes == [.invalidRegex])
    }

    @Test func fieldWords() {
        func field(_ name: String, _ value: String, _ start: Int, _ end: Int, exact: Bool = false, quoted: Bool = false) -> Lexeme.Kind {
            .field(FieldLexeme(name: name, value: value, valueStart: start, valueEnd: end, exact: exact, quoted: quoted))
        }
        #expect(lex("author:bob").kinds == [field("author", "bob", 7, 10)])
        #expect(lex("author:a:b").kinds == [field("author", "a:b", 7, 10)])
        #expect(lex("author:\"Spotify Cares\"").kinds == [field("author", "Spotify Cares", 7, 22, quoted: true)])
        #expect(lex("author:{Bob}").kinds == [field("author", "Bob", 7, 12, exact: true)])
        #expect(lex("field:user.location=\"New York\"").kinds == [field("field", "user.location=New York", 6, 30, quoted: true)])
        #expect(lex("field:a={B}").kinds == [field("field", "a=B", 6, 11, exact: true)])
        // An unquoted value runs to the next whitespace or `)`.
        #expect(lex("(lang:en)").kinds == [.leftParen, field("lang", "en", 6, 8), .rightParen])
        #expect(lex("url:x.com/a\"b").kinds == [field("url", "x.com/a\"b", 4, 13)])
        // Not fields: no ASCII-letter name, or nothing after the colon.
        #expect(lex("12:30").kinds == [.word("12:30")])
        #expect(lex("note:").kinds == [.word("note:")])
        #expect(lex("note: x").kinds == [.word("note:"), .word("x")])
        #expect(lex("a1:b").kinds == [.word("a1:b")])
        #expect(lex("https://x.io/a").kinds == [.word("https://x.io/a")])
        #expect(lex("author:(a OR b)").codes == [.invalidFieldValue])
        #expect(lex("author:(a OR b)").kinds == [.invalid])
    }

    @Test func braces() {
        #expect(lex("{\"Big Bang\"}").kinds == [.exact(text("Big Bang", at: 2), quoted: true)])
        #expect(lex("{}").codes == [.emptyExact])
        #expect(lex("{ }").codes == [.emptyExact])
        #expect(lex("{Big Bang}").codes == [.unbalancedBrace])
        #expect(lex("{Apple").codes == [.unbalancedBrace])
        #expect(lex("Apple}").codes == [.unbalancedBrace])
    }

    @Test func unicodeWhitespaceSeparates() {
        for space in ["\u{00A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{202F}"] {
            #expect(lex("a\(space)b").kinds == [.word("a"), .word("b")], "\(space.unicodeScalars.first.map { String($0.value, radix: 16) } ?? "")")
        }
        #expect(lex("a\u{200B}b").kinds == [.word("a\u{200B}b")])  // a format character is not whitespace
    }
}
