import EarshotSyntax
import Testing

/// Every construct and precedence example of rules.md §2–§5, §9 parsed and printed back in the
/// canonical fully parenthesized form (expected values worked out from the spec by hand).
@Suite("Query parser: constructs and precedence")
struct ParserTests {
    static let precedence: [(String, String)] = [
        ("crash", "crash"),
        ("a1 OR b1 c1", "(a1 OR (b1 AND c1))"),
        ("a1 OR b1 NOT c1", "(a1 OR (b1 AND NOT c1))"),
        ("(a1)-b1", "(a1 AND NOT b1)"),
        ("a1 AND b1 AND c1", "(a1 AND b1 AND c1)"),
        ("a1 b1 c1", "(a1 AND b1 AND c1)"),
        ("a1 AND b1 c1", "(a1 AND b1 AND c1)"),
        ("a1 OR b1 OR c1", "(a1 OR b1 OR c1)"),
        ("a1 b1 OR c1 d1", "((a1 AND b1) OR (c1 AND d1))"),
        ("a1 NOT b1", "(a1 AND NOT b1)"),
        ("NOT a1 b1", "(NOT a1 AND b1)"),
        ("-a1 OR b1", "(NOT a1 OR b1)"),
        ("a1 -b1 -c1", "(a1 AND NOT b1 AND NOT c1)"),
        ("a1 AND (b1 OR c1)", "(a1 AND (b1 OR c1))"),
        ("(a1 OR b1) (c1 OR d1)", "((a1 OR b1) AND (c1 OR d1))"),
        ("a1 AND (b1 AND c1)", "(a1 AND (b1 AND c1))"),
        ("((a1))", "a1"),
        ("a1 NEAR/2 b1 c1", "((a1 NEAR/2 b1) AND c1)"),
        ("c1 a1 NEAR/2 b1", "(c1 AND (a1 NEAR/2 b1))"),
        ("a1 NEAR/2 b1 OR c1", "((a1 NEAR/2 b1) OR c1)"),
        ("c1 OR a1 NEAR/2 b1", "(c1 OR (a1 NEAR/2 b1))"),
        ("a1 NEAR/2 b1 OR c1 NEAR/3 d1", "((a1 NEAR/2 b1) OR (c1 NEAR/3 d1))"),
        ("NOT (a1 NEAR/2 b1)", "NOT (a1 NEAR/2 b1)"),
        ("spotify (crash OR NOT job)", "(spotify AND (crash OR NOT job))"),
        ("spotify and crash", "(spotify AND and AND crash)"),
        ("spotify Or crash", "(spotify AND or AND crash)"),
        ("spotify near/2 crash", "(spotify AND \"near 2\" AND crash)"),
        ("spotify   \t crash", "(spotify AND crash)"),
        ("spotify\ncrash", "(spotify AND crash)"),
        ("spotify\u{00A0}crash", "(spotify AND crash)"),
        ("spotify\u{3000}crash", "(spotify AND crash)"),
    ]

    static let terms: [(String, String)] = [
        ("wi-fi", "\"wi fi\""),
        ("spotify.com", "\"spotify com\""),
        ("won't", "\"won t\""),
        ("Spotify's", "\"spotify s\""),
        ("24/7", "\"24 7\""),
        ("email@x.com", "\"email x com\""),
        ("\"won't play\"", "\"won t play\""),
        ("\"rock AND roll\"", "\"rock and roll\""),
        ("\"crash\"", "\"crash\""),
        ("\"say \\\"hi\\\" now\"", "\"say hi now\""),
        ("crash*", "crash*"),
        ("*tify", "*tify"),
        ("colo*r", "colo*r"),
        ("colo?r", "colo?r"),
        ("crash?", "crash?"),
        ("\"can't log*\"", "\"can t log*\""),
        ("{Apple}", "{Apple}"),
        ("{\"Big Bang\"}", "{\"Big Bang\"}"),
        ("{Wi-Fi}", "{\"Wi Fi\"}"),
        ("{App*}", "{App*}"),
        ("{#Apple}", "{#Apple}"),
        ("@SpotifyCares", "@spotifycares"),
        ("#SpotifyWrapped", "#spotifywrapped"),
        ("$SPOT", "$spot"),
        ("#spotify*", "#spotify*"),
        ("@spotify*", "@spotify*"),
        ("#2024", "2024"),
        ("😡", "😡"),
        ("❤️", "❤\u{FE0F}"),
        ("❤️ NEAR/2 spotify", "(❤\u{FE0F} NEAR/2 spotify)"),
        ("👍🏽", "👍"),
        ("Café", "cafe"),
        ("STRASSE", "strasse"),
        ("straße", "strasse"),
        ("spotify很卡", "\"spotify 很 卡\""),
        ("音乐", "\"音 乐\""),
        ("12:30", "\"12 30\""),
        ("note:", "note"),
        ("x/a/", "\"x a\""),
        ("\"a\"-b", "(\"a\" AND b)"),
    ]

    static let operators: [(String, String)] = [
        ("https://open.spotify.com/track/1", "url:https://open.spotify.com/track/1"),
        ("HTTP://Example.com/A", "url:HTTP://Example.com/A"),
        ("www.spotify.com", "url:www.spotify.com"),
        ("https://x.io/a.", "url:https://x.io/a"),
        ("/crash(es|ed)?/i", "/crash(es|ed)?/i"),
        ("/keeps crashing/", "/keeps crashing/"),
        ("/a\\/b/", "/a\\/b/"),
        ("/x/smix", "/x/imsx"),
        ("/a\\\\/", "/a\\\\/"),
        ("rule:brand", "rule:brand"),
        ("Rule:Brand", "rule:Brand"),
        ("author:SpotifyCares", "author:SpotifyCares"),
        ("author:@SpotifyCares", "author:@SpotifyCares"),
        ("AUTHOR:x", "author:x"),
        ("author:\"Spotify Cares\"", "author:\"Spotify Cares\""),
        ("author:a:b", "author:a:b"),
        ("author:{Bob}", "author:{Bob}"),
        ("author:spot*", "author:spot*"),
        ("lang:en", "lang:en"),
        ("lang:en-GB", "lang:en-GB"),
        ("lang:zh-Hant", "lang:zh-Hant"),
        ("source:reddit", "source:reddit"),
        ("country:se", "country:se"),
        ("url:spotify.com", "url:spotify.com"),
        ("url:open.spotify.com/track", "url:open.spotify.com/track"),
        ("url:x.com/", "url:x.com/"),
        ("is:reply", "is:reply"),
        ("is:retweet", "is:retweet"),
        ("is:quote", "is:quote"),
        ("has:link", "has:link"),
        ("has:mention", "has:mention"),
        ("has:hashtag", "has:hashtag"),
        ("has:emoji", "has:emoji"),
        ("field:a.b.c=value", "field:a.b.c=value"),
        ("field:user.location=\"New York\"", "field:user.location=\"New York\""),
        ("field:metrics.likes=1200", "field:metrics.likes=1200"),
        ("field:a={Value}", "field:a={Value}"),
        ("field:a=\"\"", "field:a=\"\""),
        ("field:tags=spot*", "field:tags=spot*"),
        ("(author:x)", "author:x"),
        ("(lang:en OR lang:sv)", "(lang:en OR lang:sv)"),
        ("-job", "NOT job"),
        ("-\"for hire\"", "NOT \"for hire\""),
        ("-(a1 OR b1)", "NOT (a1 OR b1)"),
        ("-{Apple}", "NOT {Apple}"),
        ("-/re/", "NOT /re/"),
        ("-author:x", "NOT author:x"),
        ("-wi-fi", "NOT \"wi fi\""),
        ("NOT rule:x", "NOT rule:x"),
        ("spotify NEAR/2 crash", "(spotify NEAR/2 crash)"),
        ("spotify NEAR/2f crash", "(spotify NEAR/2f crash)"),
        ("spotify NEAR/02 crash", "(spotify NEAR/2 crash)"),
        ("spotify NEAR/0 crash", "(spotify NEAR/0 crash)"),
        ("spotify NEAR/255 crash", "(spotify NEAR/255 crash)"),
        ("spotify NEAR/0255f crash", "(spotify NEAR/255f crash)"),
        ("(crash* OR freez*) NEAR/5 (iphone OR android)", "((crash* OR freez*) NEAR/5 (iphone OR android))"),
        ("(\"x y\") NEAR/1 z1", "(\"x y\" NEAR/1 z1)"),
        ("((a1 OR b1) OR c1) NEAR/3 d1", "(((a1 OR b1) OR c1) NEAR/3 d1)"),
        ("\"keeps closing\" NEAR/3 spotify", "(\"keeps closing\" NEAR/3 spotify)"),
        ("{Apple} NEAR/1 #tag", "({Apple} NEAR/1 #tag)"),
        ("😡 NEAR/3 spotify", "(😡 NEAR/3 spotify)"),
        ("@spotifycares NEAR/3 $SPOT", "(@spotifycares NEAR/3 $spot)"),
        ("wi-fi NEAR/2 slow", "(\"wi fi\" NEAR/2 slow)"),
        ("rule:brand AND (crash* OR freez* OR \"keeps closing\") -job", "(rule:brand AND (crash* OR freez* OR \"keeps closing\") AND NOT job)"),
    ]

    func canonical(_ query: String) throws -> String {
        let parse = QueryParser.parse(query)
        let node = try #require(parse.node, "\(query.debugDescription): \(parse.diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(!parse.diagnostics.contains { $0.severity == .error })
        return node.description
    }

    @Test(arguments: precedence)
    func precedenceAndGrouping(query: String, expected: String) throws {
        #expect(try canonical(query) == expected)
    }

    @Test(arguments: terms)
    func termsPhrasesAndEntities(query: String, expected: String) throws {
        #expect(try canonical(query) == expected)
    }

    @Test(arguments: operators)
    func regexFieldsNegationAndNear(query: String, expected: String) throws {
        #expect(try canonical(query) == expected)
    }

    /// The printed form reads back as the same tree.
    @Test(arguments: precedence + terms + operators)
    func canonicalFormRoundTrips(query: String, expected: String) throws {
        let printed = try canonical(query)
        #expect(try canonical(printed) == printed)
    }

    @Test func nestingLimitIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 5_000) + "a1" + String(repeating: ")", count: 5_000)
        let parse = QueryParser.parse(deep)
        #expect(parse.node == nil)
        #expect(parse.errors.map(\.code) == [.nestingTooDeep])
        let negations = String(repeating: "-(", count: 3_000) + "a1" + String(repeating: ")", count: 3_000)
        #expect(QueryParser.parse(negations).errors.map(\.code) == [.nestingTooDeep])
        let unclosed = String(repeating: "(", count: 100_000)
        #expect(QueryParser.parse(unclosed).errors.map(\.code) == [.nestingTooDeep])
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        let levels = QueryParser.nestingLimit
        let query = String(repeating: "(", count: levels) + "a1 OR b1" + String(repeating: ")", count: levels)
        #expect(try canonical(query) == "(a1 OR b1)")
    }
}
