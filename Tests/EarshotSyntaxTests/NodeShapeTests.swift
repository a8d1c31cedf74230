import EarshotSyntax
import Testing

/// The AST the parser builds: token patterns (kind, text, wildcards, exactness), field and
/// regex details, NEAR parameters, and spans that point at the right query characters.
@Suite("Query parser: node shapes and spans")
struct NodeShapeTests {
    func node(_ query: String) throws -> QueryNode {
        let parse = QueryParser.parse(query)
        return try #require(parse.node, "\(query): \(parse.diagnostics.map(\.message))")
    }

    func text(_ query: String) throws -> TextQuery {
        guard case .text(let text) = try node(query) else {
            Issue.record("\(query) is not a text query")
            throw ShapeError()
        }
        return text
    }

    struct ShapeError: Error {}

    @Test func termKindsFollowTokenKinds() throws {
        let expectations: [(String, TokenPattern.Kind, String)] = [
            ("Crash", .word, "crash"), ("@SpotifyCares", .mention, "spotifycares"), ("#SpotifyWrapped", .hashtag, "spotifywrapped"),
            ("$SPOT", .cashtag, "spot"), ("😡", .emoji, "😡"), ("很", .word, "很"),
        ]
        for (query, kind, folded) in expectations {
            let term = try text(query)
            #expect(term.patterns.count == 1)
            #expect(term.patterns[0].kind == kind, "\(query)")
            #expect(term.patterns[0].text == folded, "\(query)")
            #expect(!term.patterns[0].hasWildcards && !term.patterns[0].exact && !term.quoted && !term.exact)
        }
    }

    @Test func wordsWithSeveralTokensArePhrases() throws {
        let phrase = try text("Wi-Fi")
        #expect(phrase.patterns.map(\.text) == ["wi", "fi"])
        #expect(!phrase.quoted)
        #expect(phrase.patterns.map(\.span.start.column) == [1, 4])
        let quoted = try text("\"keeps Closing\"")
        #expect(quoted.quoted && !quoted.exact)
        #expect(quoted.patterns.map(\.text) == ["keeps", "closing"])
        #expect(quoted.patterns.map(\.span.start.column) == [2, 8])
    }

    @Test func exactTermsKeepCaseAndAccents() throws {
        let term = try text("{Café}")
        #expect(term.exact && !term.quoted)
        #expect(term.patterns.map(\.text) == ["Café"])
        #expect(term.patterns.allSatisfy { $0.exact })
        let phrase = try text("{\"Big Bang\"}")
        #expect(phrase.exact && phrase.quoted)
        #expect(phrase.patterns.map(\.text) == ["Big", "Bang"])
        let hashtag = try text("{#Apple}")
        #expect(hashtag.patterns.map(\.kind) == [.hashtag])
        #expect(hashtag.patterns.map(\.text) == ["Apple"])
    }

    @Test func wildcardsAreMarked() throws {
        for query in ["crash*", "*tify", "colo?r", "#spotify*", "{App*}"] {
            #expect(try text(query).patterns.allSatisfy { $0.hasWildcards }, "\(query)")
        }
        let phrase = try text("\"can't log*\"")
        #expect(phrase.patterns.map(\.hasWildcards) == [false, false, true])
    }

    @Test func tokenSpansFollowEscapes() throws {
        // "a \"b\" c" — b is the 6th character of the query, c the 10th.
        let phrase = try text(#""a \"b\" c""#)
        #expect(phrase.patterns.map(\.text) == ["a", "b", "c"])
        #expect(phrase.patterns.map(\.span.start.column) == [2, 6, 10])
        #expect(phrase.patterns.map(\.span.end.column) == [3, 7, 11])
        #expect(phrase.span.start.column == 1 && phrase.span.end.column == 12)
    }

    @Test func pastedURLIsAURLField() throws {
        guard case .field(let field) = try node("https://open.spotify.com/track/1?si=x.") else {
            Issue.record("not a field")
            return
        }
        #expect(field.name == .url)
        #expect(field.value == "https://open.spotify.com/track/1?si=x")
        #expect(field.path.isEmpty && !field.exact)
    }

    @Test func fieldDetails() throws {
        guard case .and(let group) = try node("spotify field:user.location=\"New York\""), case .field(let field) = group.operands[1]
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(field.name == .field)
        #expect(field.path == ["user", "location"])
        #expect(field.value == "New York")
        #expect(field.span.start.column == 9)
        #expect(field.valueSpan.start.column == 15)
        #expect(field.valueSpan.end.column == 39)
    }

    @Test func exactFieldValues() throws {
        guard case .field(let field) = try node("author:{SpotifyCares}") else {
            Issue.record("not a field")
            return
        }
        #expect(field.name == .author && field.exact && field.value == "SpotifyCares")
    }

    @Test func ruleReferences() throws {
        guard case .ruleReference(let reference) = try node("rule:brand.v2") else {
            Issue.record("not a reference")
            return
        }
        #expect(reference.id == "brand.v2")
        #expect(reference.span.start.column == 1 && reference.span.end.column == 14)
    }

    @Test func regexDetails() throws {
        guard case .and(let group) = try node("spotify /keeps\\/crash(ing)?/is"), case .regex(let regex) = group.operands[1] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(regex.pattern == "keeps/crash(ing)?")
        #expect(regex.flags == ["i", "s"])
        #expect(regex.patternStart.column == 10)
        #expect(regex.span.start.column == 9 && regex.span.end.column == 31)
    }

    @Test func nearDetails() throws {
        guard case .near(let near) = try node("(crash* OR freez*) NEAR/05f iphone") else {
            Issue.record("not a NEAR")
            return
        }
        #expect(near.distance == 5 && near.ordered)
        guard case .or(let group) = near.left else {
            Issue.record("left is not an OR-group")
            return
        }
        #expect(group.operands.count == 2)
        #expect(group.span.start.column == 1 && group.span.end.column == 19)  // parentheses included
        #expect(near.span.start.column == 1 && near.span.end.column == 35)
    }

    @Test func negationSpans() throws {
        guard case .and(let group) = try node("spotify -job NOT hiring") else {
            Issue.record("not an AND")
            return
        }
        guard case .not(let minus) = group.operands[1], case .not(let not) = group.operands[2] else {
            Issue.record("unexpected operands \(group.operands)")
            return
        }
        #expect(minus.span.start.column == 9 && minus.span.end.column == 13)
        #expect(minus.operand.span.start.column == 10)
        #expect(not.span.start.column == 14 && not.span.end.column == 24)
        #expect(group.span.start.column == 1 && group.span.end.column == 24)
    }

    @Test func spansOnLaterLinesAndAfterWideCharacters() throws {
        guard case .and(let group) = try node("音乐\n  😡 crash") else {
            Issue.record("not an AND")
            return
        }
        #expect(group.operands.count == 3)
        let crash = group.operands[2].span
        #expect(crash.start.line == 2 && crash.start.column == 5)
        #expect(crash.start.offset == "音乐\n  😡 ".utf8.count)
    }
}
