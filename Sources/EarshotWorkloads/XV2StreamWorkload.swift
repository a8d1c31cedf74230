/// A deterministic X API v2 filtered-stream corpus for the stream benchmarks: each line is a
/// `{"data":{…},"includes":{"users":[…]},"matching_rules":[…]}` payload with the fields the API
/// documents (id, text, author_id, created_at, lang, conversation_id, entities.urls, mentions,
/// public_metrics, referenced_tweets, in_reply_to_user_id, edit_history_tweet_ids) around the
/// texts of ``BrandMonitoringWorkload``, so lines are about 1 KB like real payloads.
///
/// ```swift
/// let lines = XV2StreamWorkload(seed: 7).lines(count: 1_000)
/// ```
public struct XV2StreamWorkload: Sendable {
    /// The seed; the same seed gives the same lines.
    public let seed: UInt64

    /// Creates the workload.
    public init(seed: UInt64 = 42) { self.seed = seed }

    /// `count` JSONL lines (without `\n`).
    public func lines(count: Int, brandCount: Int = 1_000) -> [String] {
        var rng = SeededGenerator(seed: seed ^ 0x7F7F)
        let texts = BrandMonitoringWorkload(seed: seed).mentionTexts(count: count, brandCount: brandCount)
        let clients = ["Twitter for iPhone", "Twitter for Android", "Twitter Web App"]
        let languages = ["en", "en", "en", "en", "es", "pt", "de", "fr", "ja", "und"]
        return texts.enumerated().map { index, text in
            let id = 1_860_000_000_000_000_000 + index * 7
            let authorID = 100_000 + Int.random(in: 0..<50_000, using: &rng)
            let username = "user_\(authorID)"
            let isReply = rng.chance(0.25)
            let replyTarget = 200_000 + Int.random(in: 0..<1_000, using: &rng)
            var data = #"{"id":"\#(id)","text":"\#(Self.escaped(text))","author_id":"\#(authorID)","#
            data += #""created_at":"2026-11-2\#(1 + index % 7)T\#(Self.two(index / 60 % 24)):\#(Self.two(index % 60)):\#(Self.two(index * 7 % 60)).000Z","#
            data += #""lang":"\#(rng.pick(languages))","conversation_id":"\#(isReply ? id - 1_000 : id)","#
            data += #""edit_history_tweet_ids":["\#(id)"],"possibly_sensitive":false,"source":"\#(rng.pick(clients))","#
            data += #""public_metrics":{"retweet_count":\#(Int.random(in: 0...40, using: &rng)),"reply_count":\#(Int.random(in: 0...9, using: &rng)),"like_count":\#(Int.random(in: 0...500, using: &rng)),"quote_count":0,"bookmark_count":0,"impression_count":\#(Int.random(in: 10...90_000, using: &rng))},"#
            data += #""entities":{"urls":[{"start":0,"end":23,"url":"https://t.co/\#(Self.token(&rng))","expanded_url":"https://open.spotify.com/track/\#(Self.token(&rng))","display_url":"open.spotify.com/track/…"}],"#
            data += #""mentions":[{"start":0,"end":13,"username":"SpotifyCares","id":"17230018"}]}"#
            if isReply {
                data += #","in_reply_to_user_id":"\#(replyTarget)","referenced_tweets":[{"type":"replied_to","id":"\#(id - 1_000)"}]"#
            }
            data += "}"
            var users = #"[{"id":"\#(authorID)","name":"User \#(authorID)","username":"\#(username)","created_at":"2019-04-0\#(1 + authorID % 9)T12:00:00.000Z","verified":false,"description":"music, coffee and long walks","public_metrics":{"followers_count":\#(authorID % 5_000),"following_count":\#(authorID % 700),"tweet_count":\#(authorID % 20_000),"listed_count":3}}"#
            if isReply { users += #",{"id":"\#(replyTarget)","name":"Someone","username":"friend_\#(replyTarget)"}"# }
            users += "]"
            return #"{"data":\#(data),"includes":{"users":\#(users)},"matching_rules":[{"id":"1791","tag":"brand"}]}"#
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "\"" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func token(_ rng: inout SeededGenerator) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }
}
