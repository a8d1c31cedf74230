import EarshotSyntax
import Testing

@Suite("Query parser")
struct ParserTests {
    @Test(arguments: [
        ("crash", "crash"),
        ("a1 OR b1 c1", "(a1 OR (b1 AND c1))"),
        ("a1 OR b1 NOT c1", "(a1 OR (b1 AND NOT c1))"),
        ("(a1)-b1", "(a1 AND NOT b1)"),
        ("a1 AND b1 AND c1", "(a1 AND b1 AND c1)"),
        ("a1 b1 OR c1 d1", "((a1 AND b1) OR (c1 AND d1))"),
        ("wi-fi", "\"wi fi\""),
        ("spotify.com", "\"spotify com\""),
        ("won't", "\"won t\""),
        ("24/7", "\"24 7\""),
        ("\"rock AND roll\"", "\"rock and roll\""),
        ("{Wi-Fi}", "{\"Wi Fi\"}"),
        ("{App*}", "{App*}"),
        ("{\"Big Bang\"}", "{\"Big Bang\"}"),
        ("@SpotifyCares", "@spotifycares"),
        ("#spotify*", "#spotify*"),
        ("$SPOT", "$spot"),
        ("😡", "😡"),
        ("Café", "cafe"),
        ("https://open.spotify.com/track", "url:https://open.spotify.com/track"),
        ("rule:brand", "rule:brand"),
        ("-job", "NOT job"),
        ("-\"for hire\"", "NOT \"for hire\""),
        ("-(a1 OR b1)", "NOT (a1 OR b1)"),
        ("spotify NEAR/2 crash", "(spotify NEAR/2 crash)"),
        ("spotify NEAR/02f crash", "(spotify NEAR/2f crash)"),
        ("(crash* OR freez*) NEAR/5 (iphone OR android)", "((crash* OR freez*) NEAR/5 (iphone OR android))"),
        ("\"x y\" NEAR/1 z1", "(\"x y\" NEAR/1 z1)"),
        ("author:@Ana", "author:@Ana"),
        ("author:\"Spotify Cares\"", "author:Spotify Cares"),
        ("field:user.location=\"New York\"", "field:user.location=New York"),
        ("LANG:en", "lang:en"),
        ("12:30", "\"12 30\""),
        ("note:", "note"),
        ("/crash\\/ing/i", "/crash/ing/i"),
        ("/keeps crashing/", "/keeps crashing/"),
        ("spotify and crash", "(spotify AND and AND crash)"),
        ("crash?", "crash?"),
    ])
    func canonicalForm(query: String, expected: String) throws {
        let parse = QueryParser.parse(query)
        let node = try #require(parse.node, "\(query): \(parse.diagnostics.map(\.message))")
        #expect(node.description == expected)
    }

    @Test func spansPointIntoTheQuery() throws {
        let node = try #require(QueryParser.parse("spotify -job").node)
        guard case .and(let group) = node, case .not(let negation) = group.operands[1] else {
            Issue.record("unexpected shape \(node)")
            return
        }
        #expect(negation.span.start.column == 9)
        #expect(negation.operand.span.start.column == 10)
        #expect(negation.operand.span.end.column == 13)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 5_000) + "a1" + String(repeating: ")", count: 5_000)
        let parse = QueryParser.parse(deep)
        #expect(parse.node == nil)
        #expect(parse.diagnostics.contains { $0.code == .nestingTooDeep })
        let negations = String(repeating: "-(", count: 3_000) + "a1" + String(repeating: ")", count: 3_000)
        #expect(QueryParser.parse(negations).node == nil)
    }
}
