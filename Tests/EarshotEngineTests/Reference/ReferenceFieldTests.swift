import EarshotEngine
import EarshotText
import Testing

/// rules.md §5 and §9: field operators.
@Suite("Reference evaluator: fields (rules.md §5, §9)")
struct ReferenceFieldTests {
    func check(_ query: String, _ mention: Mention) -> Bool? { Oracle.matches(query, mention) }

    @Test func author() {
        #expect(check("author:SpotifyCares", Mention(text: "", author: "spotifycares")) == true)
        #expect(check("author:@SpotifyCares", Mention(text: "", author: "SpotifyCares")) == true)
        #expect(check("author:spotifycares", Mention(text: "", author: "@SpotifyCares")) == true)
        #expect(check("author:Spotify", Mention(text: "", author: "SpotifyCares")) == false)
        #expect(check("author:spotify*", Mention(text: "", author: "SpotifyCares")) == true)
        #expect(check("author:spotify?ares", Mention(text: "", author: "SpotifyCares")) == true)
        #expect(check("author:\"Ana B\"", Mention(text: "", author: "ana b")) == true)
        #expect(check("author:ana", Mention(text: "", author: "Ána")) == true)
        #expect(check("author:ana", Mention(text: "ana")) == false)
        // The author is not text: a term does not see it.
        #expect(check("ana", Mention(text: "hello", author: "ana")) == false)
    }

    @Test func lang() {
        #expect(check("lang:en", Mention(text: "", lang: "en")) == true)
        #expect(check("lang:en", Mention(text: "", lang: "en-GB")) == true)
        #expect(check("lang:EN", Mention(text: "", lang: "en-gb")) == true)
        #expect(check("lang:en", Mention(text: "", lang: "eng")) == false)
        #expect(check("lang:en-GB", Mention(text: "", lang: "en")) == false)
        #expect(check("lang:en-GB", Mention(text: "", lang: "EN-gb")) == true)
        #expect(check("lang:en-GB", Mention(text: "", lang: "en-US")) == false)
        #expect(check("lang:zh-Hant", Mention(text: "", lang: "zh-Hant")) == true)
        #expect(check("lang:zh-Hant", Mention(text: "", lang: "zh-Hant-TW")) == false)
        #expect(check("lang:zh", Mention(text: "", lang: "zh-Hant-TW")) == true)
        #expect(check("lang:en", Mention(text: "")) == false)
    }

    @Test func sourceAndCountry() {
        #expect(check("source:reddit", Mention(text: "", source: "reddit")) == true)
        #expect(check("source:Reddit", Mention(text: "", source: "reddit")) == true)
        #expect(check("source:x", Mention(text: "", source: "reddit")) == false)
        #expect(check("source:x", Mention(text: "")) == false)
        #expect(check("country:se", Mention(text: "", country: "SE")) == true)
        #expect(check("country:se", Mention(text: "", country: "NO")) == false)
    }

    @Test func flags() {
        #expect(check("is:reply", Mention(text: "", isReply: true)) == true)
        #expect(check("is:reply", Mention(text: "", isRetweet: true)) == false)
        #expect(check("is:retweet", Mention(text: "", isRetweet: true)) == true)
        #expect(check("is:quote", Mention(text: "", isQuote: true)) == true)
        #expect(check("is:quote", Mention(text: "")) == false)
        #expect(check("spotify -is:retweet", Mention(text: "spotify", isRetweet: true)) == false)
        #expect(check("spotify -is:retweet", Mention(text: "spotify")) == true)
    }

    @Test func has() {
        #expect(check("has:link", Mention(text: "see https://x.com/a")) == true)
        #expect(check("has:link", Mention(text: "see www.x.com")) == true)
        #expect(check("has:link", Mention(text: "see x.com")) == false)
        #expect(check("has:link", Mention(text: "no link", urls: ["https://x.com"])) == true)
        #expect(check("has:mention", Mention(text: "hi @spotify")) == true)
        #expect(check("has:mention", Mention(text: "mail me at ana@x.com")) == false)
        #expect(check("has:hashtag", Mention(text: "#wrapped")) == true)
        #expect(check("has:hashtag", Mention(text: "#2024")) == false)
        #expect(check("has:emoji", Mention(text: "ok 👍")) == true)
        #expect(check("has:emoji", Mention(text: "© 2024")) == false)
    }

    static let urlTable: [Row] = [
        Row("url:spotify.com", "see https://open.spotify.com/x", true),
        Row("url:spotify.com", "see https://spotify.com", true),
        Row("url:spotify.com", "see https://notspotify.com.evil.io", false),
        Row("url:spotify.com", "see https://spotify.com.evil.io/x", false),
        Row("url:spotify.com", "see https://notspotify.com/x", false),
        Row("url:spotify.com", "see http://WWW.Spotify.COM:8080/x", true),
        Row("url:spotify.com", "see www.spotify.com", true),
        Row("url:spotify.com", "see spotify.com", false),
        Row("url:www.spotify.com", "see https://spotify.com/x", true),
        Row("url:https://spotify.com", "see http://spotify.com/x", true),
        Row("url:SPOTIFY.com", "see https://open.spotify.com", true),
        Row("url:open.spotify.com/track", "https://open.spotify.com/track/1", true),
        Row("url:open.spotify.com/track", "https://open.spotify.com/tracks/1", true),
        Row("url:open.spotify.com/track", "https://open.spotify.com/album/1", false),
        Row("url:open.spotify.com/track", "https://spotify.com/track/1", false),
        Row("url:spotify.com/Track", "https://spotify.com/track", false),
        Row("url:x.com/", "https://x.com", true),
        Row("url:x.com/", "https://x.com/any/path?q=1", true),
        Row("url:x.com/", "https://y.com/x.com/", false),
        // The URL ends before trailing punctuation and an unmatched ")".
        Row("url:spotify.com/track", "(see https://spotify.com/track).", true),
    ]

    @Test(arguments: urlTable) func url(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }

    @Test func urlFieldsCountToo() {
        #expect(check("url:spotify.com", Mention(text: "no link here", urls: ["https://open.spotify.com/track/1"])) == true)
        #expect(check("url:spotify.com", Mention(text: "no link here", urls: ["https://deezer.com"])) == false)
    }

    static let root = JSONValue.object([
        "user": .object([
            "followers": .number(1200), "verified": .bool(true), "location": .string("New York"), "bio": .null,
        ]),
        "tags": .array([.string("a"), .string("Billing")]),
        "items": .array([.object(["name": .string("x")]), .object(["name": .string("y")])]),
        "score": .number(0.5),
        "matrix": .array([.array([.number(1), .number(2)]), .array([.number(3)])]),
        "count": .string("12"),
    ])

    static let fieldTable: [Row] = [
        Row("field:user.followers=1200", "", true),
        Row("field:user.followers=1200.0", "", true),
        Row("field:user.followers=1.2e3", "", true),
        Row("field:user.followers=1201", "", false),
        Row("field:user.followers=0x4B0", "", false),
        Row("field:score=.5", "", true),
        Row("field:user.verified=true", "", true),
        Row("field:user.verified=TRUE", "", true),
        Row("field:user.verified=false", "", false),
        Row("field:user.verified=1", "", false),
        Row("field:user.location=\"new york\"", "", true),
        Row("field:user.location=new*", "", true),
        Row("field:user.location=*york", "", true),
        Row("field:user.location=\"New?York\"", "", true),
        Row("field:user.location=new", "", false),
        Row("field:user.bio=null", "", false),
        Row("field:user.bio=*", "", false),
        Row("field:user.missing=x", "", false),
        Row("field:tags=billing", "", true),
        Row("field:tags=c", "", false),
        Row("field:items.name=y", "", true),
        Row("field:matrix=3", "", true),
        Row("field:count=12", "", true),
        Row("field:user=x", "", false),
    ]

    @Test(arguments: fieldTable) func fieldPaths(_ row: Row) {
        #expect(Oracle.matches(row.query, Mention(text: row.text, root: Self.root)) == row.match)
    }

    @Test func fieldWithoutARootNeverMatches() {
        #expect(check("field:user.followers=1200", Mention(text: "x")) == false)
    }
}
