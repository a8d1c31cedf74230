import EarshotText
import EarshotWorkloads
import Testing

/// Expected tokens worked out by hand from rules.md §1 and §9.
@Suite("Tokenizer")
struct TokenizerTests {
    /// `kind:folded@position` for each token (entity word-view pieces marked with `+`).
    func describe(_ text: String) -> [String] {
        Tokenizer.tokenize(text).tokens.map { token in
            "\(token.isEntityBody ? "+" : "")\(token.kind):\(token.folded)@\(token.position)"
        }
    }

    @Test(arguments: [
        ("won't", ["word:won@0", "word:t@1"]),
        ("Spotify's", ["word:spotify@0", "word:s@1"]),
        ("wi-fi", ["word:wi@0", "word:fi@1"]),
        ("spotify.com", ["word:spotify@0", "word:com@1"]),
        ("24/7", ["word:24@0", "word:7@1"]),
        ("email@x.com", ["word:email@0", "word:x@1", "word:com@2"]),
        ("#2024", ["word:2024@0"]),
        ("#Spotify", ["hashtag:spotify@0", "+word:spotify@0"]),
        ("@SpotifyCares hi", ["mention:spotifycares@0", "+word:spotifycares@0", "word:hi@1"]),
        ("$SPOT", ["cashtag:spot@0", "+word:spot@0"]),
        ("$SPOT123", ["word:spot123@0"]),
        ("US$5", ["word:us@0", "word:5@1"]),
        ("$5", ["word:5@0"]),
        ("spotify很卡", ["word:spotify@0", "word:很@1", "word:卡@2"]),
        ("spotify앱", ["word:spotify앱@0"]),
        ("abcабв", ["word:abcабв@0"]),
        ("#Spotify很卡 crash", ["hashtag:spotify很卡@0", "+word:spotify@0", "+word:很@1", "+word:卡@2", "word:crash@3"]),
        ("#音乐", ["hashtag:音乐@0", "+word:音@0", "+word:乐@1"]),
        ("ﾎﾟ", ["word:ポ@0"]),
        ("spo\u{200B}tify", ["word:spotify@0"]),
        ("spo\u{00AD}tify", ["word:spotify@0"]),
        ("ＳＰＯＴＩＦＹ ＃Ｓｐｏｔｉｆｙ", ["word:spotify@0", "hashtag:spotify@1", "+word:spotify@1"]),
        ("𝐒𝐩𝐨𝐭𝐢𝐟𝐲", ["word:spotify@0"]),
        ("ﬁle", ["word:file@0"]),
        ("love ❤ and ❤️", ["word:love@0", "word:and@1", "emoji:❤@2"]),
        ("👍🏽", ["emoji:👍@0"]),
        ("🏽 alone", ["word:alone@0"]),
        ("👨‍👩‍👧", ["emoji:👨‍👩‍👧@0"]),
        ("🇸🇪", ["emoji:🇸🇪@0"]),
        ("1️⃣", ["emoji:1⃣@0"]),
        ("©™", []),
        ("spotify😡crash", ["word:spotify@0", "emoji:😡@1", "word:crash@2"]),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(describe(text) == expected)
    }

    @Test(arguments: [
        ("see https://open.spotify.com/track/1). ok", "https://open.spotify.com/track/1"),
        ("(https://x.io/a_(b))", "https://x.io/a_(b)"),
        ("HTTPS://Example.COM/x?y=1,", "HTTPS://Example.COM/x?y=1"),
        ("go www.spotify.com!", "www.spotify.com"),
        ("WWW.Spotify.com/”", "WWW.Spotify.com/"),
        ("quote 'https://x.io/a'", "https://x.io/a"),
    ])
    func urls(text: String, url: String) {
        let urls = Tokenizer.tokenize(text).tokens.filter { $0.kind == .url }.map(\.exact)
        #expect(urls == [url])
    }

    @Test func urlNeedsNoWordCharacterBefore() {
        #expect(!Tokenizer.tokenize("xhttps://a.io").tokens.contains { $0.kind == .url })
    }

    @Test func byteRangesPointIntoTheNFCText() {
        let text = Tokenizer.tokenize("Café 😡 #Spotify")
        let utf8 = Array(text.nfc.utf8)
        let pieces = text.tokens.map { String(decoding: utf8[$0.byteRange], as: UTF8.self) }
        #expect(pieces == ["Café", "😡", "#Spotify", "Spotify"])
    }

    @Test func decomposedInputIsComposed() {
        let text = Tokenizer.tokenize("cafe\u{0301}")
        #expect(text.nfc == "café")
        #expect(text.tokens.map(\.folded) == ["cafe"])
        #expect(text.tokens.map(\.exact) == ["café"])
    }

    @Test func joinedFieldsLeaveAPositionGap() {
        let text = Tokenizer.tokenize(texts: ["Title here", "body text"])
        #expect(text.nfc == "Title here\n\nbody text")
        #expect(text.tokens.map(\.position) == [0, 1, 2 + Tokenizer.fieldJoinPositionGap, 3 + Tokenizer.fieldJoinPositionGap])
        #expect(text.tokens[2].byteRange == 12..<16)
    }

    @Test(arguments: [
        ("crash*", ["word:crash*"]),
        ("*tify", ["word:*tify"]),
        ("colo?r", ["word:colo?r"]),
        ("#spotify*", ["hashtag:spotify*"]),
        ("@Spotify*", ["mention:spotify*"]),
        ("can't", ["word:can", "word:t"]),
        ("Spotify.com", ["word:spotify", "word:com"]),
        ("＠SpotifyCares", ["mention:spotifycares"]),
        ("CAFÉ*", ["word:cafe*"]),
        ("crash?", ["word:crash?"]),
    ])
    func queryWords(word: String, expected: [String]) {
        #expect(Tokenizer.tokenizeQueryWord(word).map { "\($0.kind):\($0.folded)" } == expected)
    }

    @Test func queryWordLiteralCounts() {
        #expect(Tokenizer.tokenizeQueryWord("a*")[0].literalCount == 1)
        #expect(Tokenizer.tokenizeQueryWord("#ab*")[0].literalCount == 2)
        #expect(Tokenizer.tokenizeQueryWord("c?r")[0].hasWildcards)
    }

    /// Random scalars (marks, joiners, sigils, emoji, CJK) never trap, and ranges stay ordered
    /// and inside the text.
    @Test func randomTextIsAlwaysTokenized() {
        var rng = SeededGenerator(seed: 1)
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "5", "_", "@", "#", "$", " ", ".", "-", "'", "\u{0301}", "\u{200D}", "\u{200B}", "\u{FE0F}", "\u{1F3FD}",
            "\u{1F1F8}", "😡", "❤", "音", "ー", "ภ", "\u{0E34}", "İ", "ß", "ﬁ", "Ｓ", "\u{FF9F}", "h", "t", "p", ":", "/", "w",
        ]
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...30, using: &rng) { text.append(rng.pick(alphabet)) }
            let tokenized = Tokenizer.tokenize(String(text))
            let length = tokenized.nfc.utf8.count
            var lastStart = 0
            var lastPosition = 0
            for token in tokenized.tokens {
                #expect(token.byteRange.lowerBound >= lastStart && token.byteRange.upperBound <= length)
                #expect(token.position >= lastPosition)
                lastStart = token.byteRange.lowerBound
                lastPosition = token.position
            }
        }
    }
}
