import EarshotEngine
import EarshotPlan
import EarshotText
import Testing

/// Presearch writes field keys straight into its key buffer (ASCII values lower-cased byte by
/// byte, URL host suffixes probed in place); every rule the reference evaluator matches must
/// still be a candidate, for odd values and for the non-ASCII fallbacks alike.
@Suite("Presearch field probes")
struct FieldProbeTests {
    static let queries = [
        "author:ana", "author:@Bob", "author:ána", "lang:en", "lang:en-GB", "lang:pt-br", "source:Reddit", "country:SE",
        "country:åland", "url:spotify.com", "url:open.spotify.com/track", "url:com", "url:spötify.com", "url:example.org",
        "is:reply", "has:link",
    ]

    static let authors: [String?] = [nil, "ana", "@Ana", "ANA", "@@ana", "@", "Ána", "@Bob", "bob", "ánA"]
    static let langs: [String?] = [nil, "en", "EN-us", "en-GB", "pt-BR", "pt", "-", "en-", "ẹn", "EN"]
    static let urls: [[String]] = [
        [], ["HTTPS://WWW.Open.Spotify.COM:443/track/1"], ["user@spotify.com:8080"], ["spotify.com."], [".spotify.com"],
        ["www.spotify.com"], ["1a+b://open.spotify.com/track"],
        ["http://spötify.com/x"], ["https://WWW.SPÖTIFY.com"], ["spotify.com:80x"], ["https://a@b@example.org:/"],
        ["https://www."], ["example.org", "https://open.spotify.com"], ["http://spotify.com?x=1", "#frag"],
        // Not a scheme before "://": nothing is dropped, by both engines.
        ["://spotify.com"], ["ht tp://spotify.com"], ["a_b://open.spotify.com/track"], ["é://spotify.com"],
    ]

    @Test func candidatesCoverReferenceMatches() throws {
        let plan = try #require(Oracle.plan(Self.queries))
        let compiled = CompiledMatcher(plan)
        let reference = ReferenceEvaluator(plan)
        var matched = 0
        for (index, author) in Self.authors.enumerated() {
            for (urlIndex, urls) in Self.urls.enumerated() {
                let lang = Self.langs[(index + urlIndex) % Self.langs.count]
                var mention = Mention(text: "hello", author: author, lang: lang, urls: urls, isReply: urlIndex % 2 == 0)
                mention.source = urlIndex % 3 == 0 ? "REDDIT" : "x"
                mention.country = ["se", "SE", "Åland", "ÅLAND", "us"][urlIndex % 5]
                let analyzed = AnalyzedMention(mention)
                let expected = reference.evaluate(analyzed).ruleIndices
                #expect(compiled.match(analyzed, wantSpans: false).rules == expected, "\(mention)")
                matched += expected.count
            }
        }
        #expect(matched > 200)
    }

    @Test(arguments: [
        ("HTTPS://WWW.Open.Spotify.COM:443/track/1", "open.spotify.com", "/track/1"),
        ("user@Spotify.com:8080", "spotify.com", ""),
        ("1a+b://x.org#f", "x.org", "#f"),
        ("a_b://x.org", "a_b", "//x.org"),
        ("spotify.com:80x", "spotify.com:80x", ""),
        ("https://a@b@example.org:/", "example.org", "/"),
        ("WWW.x.com", "x.com", ""),
    ])
    func asciiURLParts(url: String, host: String, path: String) throws {
        let parts = try #require(URLParts(url))
        #expect(parts.host == host)
        #expect(parts.path == path)
    }

    @Test func asciiURLWithoutHost() {
        #expect(URLParts("https://www.") == nil)
        #expect(URLParts("/path") == nil)
        #expect(URLParts("") == nil)
        #expect(URLParts("://spotify.com/a") == nil)
        #expect(URLParts("ht tp://spotify.com")?.host == "ht tp")  // the host is ":", and an empty port is dropped
    }
}
