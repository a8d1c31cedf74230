/// A mention tokenized once, with the facts matchers ask for: the unit of work of the engines.
///
/// ```swift
/// let analyzed = AnalyzedMention(Mention(text: "#Spotify down? https://status.spotify.com"))
/// analyzed.hasHashtag   // true
/// analyzed.urls         // ["https://status.spotify.com"]
/// ```
public struct AnalyzedMention: Sendable {
    /// The mention and its fields.
    public let mention: Mention
    /// Its text fields, tokenized as one text.
    public let text: TokenizedText
    /// URL tokens of the text, then the mention's URL fields.
    public let urls: [String]
    /// At least one mention token.
    public let hasMention: Bool
    /// At least one hashtag token.
    public let hasHashtag: Bool
    /// At least one emoji token.
    public let hasEmoji: Bool

    /// Tokenizes a mention.
    public init(_ mention: Mention) {
        let text = Tokenizer.tokenize(texts: mention.texts)
        self.text = text
        var urls: [String] = []
        var hasMention = false
        var hasHashtag = false
        var hasEmoji = false
        let tokens = text.tokens
        for index in tokens.indices {  // by index: copying each Token would retain its strings
            switch tokens[index].kind {
            case .url: urls.append(tokens[index].exact)
            case .mention: hasMention = true
            case .hashtag: hasHashtag = true
            case .emoji: hasEmoji = true
            case .word, .cashtag: break
            }
        }
        self.urls = mention.urls.isEmpty ? urls : urls + mention.urls
        self.hasMention = hasMention
        self.hasHashtag = hasHashtag
        self.hasEmoji = hasEmoji
        self.mention = mention  // last use of the parameter: moved, not copied
    }
}
