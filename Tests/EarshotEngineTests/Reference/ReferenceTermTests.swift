import EarshotEngine
import EarshotText
import Testing

/// rules.md §1 and §2, every row of the terms table, worked out by hand.
@Suite("Reference evaluator: terms (rules.md §1–§2)")
struct ReferenceTermTests {
    static let wordsTable: [Row] = [
        // `crash`: the folded token appears, as any kind that counts as a word.
        Row("crash", "App crash again", true),
        Row("crash", "APP CRASH", true),
        Row("crash", "#crash", true),
        Row("crash", "@crash", true),
        Row("crash", "crashing", false),
        Row("crash", "https://crash.example.com/crash", false),
        // Entity word view (§1.5): the bare word matches every entity kind.
        Row("spotify", "Spotify", true),
        Row("spotify", "#Spotify", true),
        Row("spotify", "@Spotify", true),
        Row("spotify", "$SPOTIFY", true),
        Row("wrapped", "#SpotifyWrapped", false),
        Row("音乐", "#音乐", true),
        // Folding (§1.4).
        Row("cafe", "Café", true),
        Row("strasse", "STRAẞE", true),
        Row("nandu", "ÑANDÚ", true),
        Row("spotify", "spo\u{200B}tify", true),
        Row("spotify", "ｓｐｏｔｉｆｙ", true),
        // A word that tokenizes to several tokens is a phrase.
        Row("spotify.com", "visit spotify.com today", true),
        Row("spotify.com", "Spotify com", true),
        Row("spotify.com", "spotify dot com", false),
        Row("spotify.com", "com spotify", false),
        Row("won't", "it won't play", true),
        Row("won't", "won t", true),
        Row("24/7", "support 24/7", true),
        Row("24/7", "24 7", true),
        Row("24/7", "247", false),
        // Quoted phrases: consecutive, in order; operator words inside are words.
        Row("\"won't play\"", "It won't play!", true),
        Row("\"won't play\"", "won't ever play", false),
        Row("\"won't play\"", "play won't", false),
        Row("\"rock AND roll\"", "rock and roll", true),
        Row("\"rock AND roll\"", "rock roll", false),
    ]

    static let wildcardsTable: [Row] = [
        Row("crash*", "crashing", true),
        Row("crash*", "crash", true),
        Row("crash*", "recrash", false),
        Row("*tify", "spotify", true),
        Row("*tify", "spotifyy", false),
        Row("colo*r", "color", true),
        Row("colo*r", "colour", true),
        Row("colo?r", "colour", true),
        Row("colo?r", "color", false),
        Row("colo?r", "colouur", false),
        // ? is one code point of the folded token.
        Row("caf?", "café", true),
        Row("\"can't log*\"", "I can't login", true),
        Row("\"can't log*\"", "I can't ever login", false),
        Row("#spotify*", "#SpotifyWrapped", true),
        Row("#spotify*", "SpotifyWrapped", false),
    ]

    static let exactTable: [Row] = [
        Row("{Apple}", "Apple pie", true),
        Row("{Apple}", "apple pie", false),
        Row("{Apple}", "#Apple", true),
        Row("{Apple}", "@Apple", true),
        Row("{Apple}", "#apple", false),
        Row("{\"Big Bang\"}", "the Big Bang", true),
        Row("{\"Big Bang\"}", "the big bang", false),
        Row("{Wi-Fi}", "no Wi-Fi here", true),
        Row("{Wi-Fi}", "no wi-fi here", false),
        Row("{App*}", "Apple", true),
        Row("{App*}", "apple", false),
        Row("{Café}", "Café", true),
        Row("{Café}", "Cafe", false),
    ]

    static let entitiesTable: [Row] = [
        Row("@SpotifyCares", "@spotifycares help", true),
        Row("@SpotifyCares", "SpotifyCares help", false),
        Row("@SpotifyCares", "#SpotifyCares", false),
        Row("#SpotifyWrapped", "my #spotifywrapped", true),
        Row("#SpotifyWrapped", "SpotifyWrapped", false),
        Row("#spotify", "spotify", false),
        Row("@spotify", "#spotify", false),
        Row("$SPOT", "$spot up", true),
        Row("$SPOT", "spot", false),
        Row("😡", "so mad 😡", true),
        Row("😡", "so mad", false),
        Row("👍", "ok 👍🏽", true),
        Row("❤️", "love ❤️", true),
        Row("👨", "👨‍👩‍👧", false),
    ]

    static let otherOperandsTable: [Row] = [
        Row("https://open.spotify.com/track", "listen https://open.spotify.com/track/123", true),
        Row("https://open.spotify.com/track", "listen https://open.spotify.com/album/1", false),
        Row(#"/keeps?\s+crash/i"#, "App KEEPS crashing", true),
        Row(#"/keeps?\s+crash/"#, "App KEEPS crashing", false),
        Row(#"/café\b/"#, "un cafe\u{301} noir", true),
        Row(#"/24\/7 support/"#, "24/7 support", true),
        // Regexes see UTF-8 code points, not Characters: a combining mark does not hide "crash".
        Row("/crash/", "crash\u{20DD}", true),
        // Unicode caseless: ſ (long s) is a case variant of s.
        Row("/spotify/i", "ſpotify", true),
        Row("/spotify/", "ſpotify", false),
    ]

    static let operatorsTable: [Row] = [
        Row("spotify -job", "spotify is down", true),
        Row("spotify -job", "spotify job post", false),
        Row("spotify NOT job", "spotify job post", false),
        Row("spotify AND crash", "crash on spotify", true),
        Row("spotify crash", "spotify only", false),
        Row("spotify OR deezer", "deezer only", true),
        // a OR b c is a OR (b AND c)
        Row("spotify OR deezer crash", "spotify", true),
        Row("spotify OR deezer crash", "deezer", false),
        Row("spotify OR deezer crash", "deezer crash", true),
        // a OR b NOT c is a OR (b AND NOT c)
        Row("spotify OR deezer NOT crash", "deezer crash", false),
        Row("spotify OR deezer NOT crash", "spotify crash", true),
        Row("spotify (crash OR NOT job)", "spotify", true),
        Row("spotify (crash OR NOT job)", "spotify job", false),
        Row("spotify (crash OR NOT job)", "spotify job crash", true),
        Row("(spotify)-job", "spotify job", false),
        Row("wi-fi", "wi fi", true),
        Row("spotify -(crash OR freeze)", "spotify freeze", false),
        // Lower-case operator words are words.
        Row("spotify and crash", "spotify crash", false),
        Row("spotify and crash", "spotify and crash", true),
    ]

    @Test(arguments: wordsTable) func words(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: wildcardsTable) func wildcards(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: exactTable) func exactTerms(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: entitiesTable) func entitiesAndEmoji(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: otherOperandsTable) func urlsAndRegexes(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: operatorsTable) func booleanOperators(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }

    @Test func severalTextFieldsAreOneTextWithAGap() {
        let mention = Mention(texts: ["Spotify", "crash"])
        #expect(Oracle.matches("spotify crash", mention) == true)
        #expect(Oracle.matches("\"spotify crash\"", mention) == false)
        #expect(Oracle.matches("spotify NEAR/255 crash", mention) == false)
    }

    @Test func theEmptyMentionMatchesNothing() {
        #expect(Oracle.matches("spotify OR #x OR author:a OR /x/", Mention.empty) == false)
    }
}
