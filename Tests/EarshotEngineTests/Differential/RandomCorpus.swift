import EarshotText
import EarshotWorkloads

/// Random rules and mentions drawn from one small vocabulary, so that rules match often and
/// every operator, wildcard, NEAR distance, field, regex and reference gets exercised.
struct RandomCorpus {
    var rng: SeededGenerator

    static let words = [
        "spotify", "app", "crash", "crashing", "crashed", "freeze", "login", "play", "song", "album", "premium",
        "refund", "down", "help", "job", "keeps", "again", "music", "wrapped", "café", "straße", "ıstanbul",
    ]
    static let entities = ["#spotify", "#spotifywrapped", "@spotifycares", "@spotify", "$spot", "#音乐"]
    static let emoji = ["😡", "😭", "🔥", "👍🏽", "❤️", "👨‍👩‍👧"]
    static let cjk = ["音", "乐", "很", "卡"]

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    // MARK: Queries

    /// A random query that may reference rules `r0 ..< r<index>`.
    mutating func query(ruleIndex: Int) -> String {
        expression(depth: 0, ruleIndex: ruleIndex)
    }

    private mutating func expression(depth: Int, ruleIndex: Int) -> String {
        if depth >= 3 || rng.chance(0.35) { return atom(ruleIndex: ruleIndex) }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0...2:
            let parts = (0..<Int.random(in: 2...3, using: &rng)).map { _ in expression(depth: depth + 1, ruleIndex: ruleIndex) }
            return "(" + parts.joined(separator: " OR ") + ")"
        case 3...5:
            var parts = (0..<Int.random(in: 2...3, using: &rng)).map { _ in expression(depth: depth + 1, ruleIndex: ruleIndex) }
            if rng.chance(0.4) { parts.append("-" + atom(ruleIndex: ruleIndex)) }
            if rng.chance(0.2) { parts.append("NOT " + atom(ruleIndex: ruleIndex)) }
            return "(" + parts.joined(separator: rng.chance(0.5) ? " AND " : " ") + ")"
        case 6...8:
            let distance = Int.random(in: 0...4, using: &rng)
            let ordered = rng.chance(0.3) ? "f" : ""
            return "(\(nearOperand()) NEAR/\(distance)\(ordered) \(nearOperand()))"
        default:
            return "(" + atom(ruleIndex: ruleIndex) + " AND NOT " + atom(ruleIndex: ruleIndex) + ")"
        }
    }

    private mutating func nearOperand() -> String {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return "(\(textAtom()) OR \(textAtom()))"
        case 1: return "\"\(rng.pick(Self.words)) \(rng.pick(Self.words))\""
        default: return textAtom()
        }
    }

    private mutating func textAtom() -> String {
        let word = rng.pick(Self.words)
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return String(word.prefix(Int.random(in: 2...max(2, word.count), using: &rng))) + "*"
        case 1: return "*" + String(word.suffix(Int.random(in: 2...max(2, word.count), using: &rng)))
        case 2: return String(word.prefix(2)) + "?" + String(word.dropFirst(3))
        case 3: return rng.pick(Self.entities)
        case 4: return rng.pick(Self.emoji)
        case 5: return "{" + word.prefix(1).uppercased() + word.dropFirst() + "}"
        case 6: return "#spot*"
        case 7: return rng.pick(Self.cjk)
        default: return word
        }
    }

    private mutating func atom(ruleIndex: Int) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: return rng.pick(["author:ana", "author:@Bob", "author:an*", "lang:en", "lang:en-GB", "source:x"])
        case 1: return rng.pick(["is:reply", "is:retweet", "has:link", "has:hashtag", "has:emoji", "has:mention"])
        case 2: return rng.pick(["url:spotify.com", "url:open.spotify.com/track", "country:se", "field:meta.score=5", "field:meta.tags=cr*"])
        case 3: return rng.pick(["/crash\\w*/i", "/keeps\\s+\\w+ing/", "/(?i)spotify\\W+down/", "/\\d{3,}/"])
        case 4 where ruleIndex > 0: return "rule:r\(Int.random(in: 0..<ruleIndex, using: &rng))"
        case 5: return "\"\(rng.pick(Self.words)) \(rng.pick(Self.words))\""
        default: return textAtom()
        }
    }

    // MARK: Mentions

    /// A random mention built from the same vocabulary plus noise.
    mutating func mention() -> Mention {
        var pieces: [String] = []
        for _ in 0..<Int.random(in: 0...14, using: &rng) {
            switch Int.random(in: 0..<16, using: &rng) {
            case 0: pieces.append(rng.pick(Self.entities).uppercased())
            case 1: pieces.append(rng.pick(Self.entities))
            case 2: pieces.append(rng.pick(Self.emoji))
            case 3: pieces.append(rng.pick(["https://open.spotify.com/track/1", "www.notspotify.com.evil.io/x", "https://spotify.com"]))
            case 4: pieces.append(rng.pick(Self.cjk) + rng.pick(Self.cjk))
            case 5: pieces.append(rng.pick(["Spotify's", "spotify.com", "won't", "wi-fi", "CRASHING!!", "Café", "STRASSE", "İstanbul"]))
            case 6: pieces.append(rng.pick(["the", "a", "is", "so", "and", "why", "123", "4567"]))
            default:
                let word = rng.pick(Self.words)
                pieces.append(rng.chance(0.2) ? word.uppercased() : word)
            }
        }
        var mention = Mention(text: pieces.joined(separator: rng.chance(0.8) ? " " : ", "))
        if rng.chance(0.5) { mention.author = rng.pick(["ana", "@Ana", "bob", "andrea", "zoe"]) }
        if rng.chance(0.5) { mention.lang = rng.pick(["en", "en-GB", "es", "EN-us", "sv"]) }
        if rng.chance(0.3) { mention.source = rng.pick(["x", "reddit"]) }
        if rng.chance(0.2) { mention.country = rng.pick(["se", "SE", "us"]) }
        mention.isReply = rng.chance(0.3)
        mention.isRetweet = rng.chance(0.1)
        if rng.chance(0.2) { mention.urls = [rng.pick(["https://open.spotify.com/track/9", "http://spotify.com:8080/", "https://example.org"])] }
        if rng.chance(0.3) {
            mention.root = .object([
                "meta": .object([
                    "score": .number(Double(Int.random(in: 3...6, using: &rng))),
                    "tags": .array([.string(rng.pick(["crash", "Crashy", "ok"])), .null]),
                ])
            ])
        }
        return mention
    }
}
