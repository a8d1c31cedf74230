/// A JSON value, kept for `field:path=value` queries (rules.md §5).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value at a dotted path; arrays on the way are crossed element-wise, so the result
    /// lists every value reached (empty when the path leads nowhere).
    ///
    /// ```swift
    /// let v = JSONValue.object(["user": .object(["tags": .array([.string("a"), .string("b")])])])
    /// v.values(atPath: ["user", "tags"])   // [.string("a"), .string("b")]
    /// ```
    public func values(atPath path: ArraySlice<String>) -> [JSONValue] {
        guard let key = path.first else {
            if case .array(let items) = self { return items }
            return [self]
        }
        switch self {
        case .object(let members):
            guard let child = members[key] else { return [] }
            return child.values(atPath: path.dropFirst())
        case .array(let items):
            return items.flatMap { $0.values(atPath: path) }
        default:
            return []
        }
    }
}

/// One mention with its canonical fields (stream.md input presets map JSON onto these).
///
/// ```swift
/// var mention = Mention(text: "@SpotifyCares my album is greyed out")
/// mention.author = "ana_b"
/// mention.lang = "en"
/// ```
public struct Mention: Sendable, Hashable {
    /// Text fields; several are matched as one text joined with a blank line ("\n\n").
    public var texts: [String]
    /// The author handle, without a leading `@`.
    public var author: String?
    /// BCP 47 language tag such as `en` or `en-GB`.
    public var lang: String?
    /// Platform or source name (`x`, `reddit`, ...).
    public var source: String?
    /// Country code.
    public var country: String?
    /// The mention's id.
    public var id: String?
    /// URLs given as fields (in addition to URL tokens in the text).
    public var urls: [String]
    /// Reply flag.
    public var isReply: Bool
    /// Retweet / repost flag.
    public var isRetweet: Bool
    /// Quote flag.
    public var isQuote: Bool
    /// The handle this mention replies to, without `@`.
    public var inReplyTo: String?
    /// Creation time as given by the input.
    public var createdAt: String?
    /// The mention root object, for `field:` queries; `nil` when there is none.
    public var root: JSONValue?

    /// Creates a mention from one text and optional fields.
    public init(
        text: String, author: String? = nil, lang: String? = nil, source: String? = nil,
        country: String? = nil, id: String? = nil, urls: [String] = [], isReply: Bool = false,
        isRetweet: Bool = false, isQuote: Bool = false, inReplyTo: String? = nil,
        createdAt: String? = nil, root: JSONValue? = nil
    ) {
        self.init(
            texts: [text], author: author, lang: lang, source: source, country: country, id: id,
            urls: urls, isReply: isReply, isRetweet: isRetweet, isQuote: isQuote,
            inReplyTo: inReplyTo, createdAt: createdAt, root: root)
    }

    /// Creates a mention from several text fields (joined with a blank line for matching).
    public init(
        texts: [String], author: String? = nil, lang: String? = nil, source: String? = nil,
        country: String? = nil, id: String? = nil, urls: [String] = [], isReply: Bool = false,
        isRetweet: Bool = false, isQuote: Bool = false, inReplyTo: String? = nil,
        createdAt: String? = nil, root: JSONValue? = nil
    ) {
        self.texts = texts
        self.author = author
        self.lang = lang
        self.source = source
        self.country = country
        self.id = id
        self.urls = urls
        self.isReply = isReply
        self.isRetweet = isRetweet
        self.isQuote = isQuote
        self.inReplyTo = inReplyTo
        self.createdAt = createdAt
        self.root = root
    }

    /// The empty mention: no text, no fields (rules.md §9 "empty-mention check").
    public static let empty = Mention(texts: [])
}
