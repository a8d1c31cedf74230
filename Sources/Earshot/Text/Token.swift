/// What a token is: a word, an entity (mention, hashtag, cashtag), a URL or an emoji.
///
/// CJK and Thai characters become `.word` tokens, one per character or grapheme cluster.
public enum TokenKind: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    /// A run of letters, marks, digits and `_`; also the word view of an entity's body.
    case word
    /// `@name`: the body is in ``Token/folded``, without the sigil.
    case mention
    /// `#name`: the body is in ``Token/folded``, without the sigil.
    case hashtag
    /// `$NAME`, 1–10 ASCII letters: the body is in ``Token/folded``, without the sigil.
    case cashtag
    /// `http://`, `https://` or `www.` up to the next whitespace, trimmed as rules.md §1 says.
    case url
    /// One emoji presentation grapheme cluster.
    case emoji

    public var description: String {
        switch self {
        case .word: "word"
        case .mention: "mention"
        case .hashtag: "hashtag"
        case .cashtag: "cashtag"
        case .url: "url"
        case .emoji: "emoji"
        }
    }
}

/// One token of a mention or of a query word.
///
/// Positions count tokens (0, 1, 2, ...). An entity whose body holds several word pieces
/// (`#Spotify很卡` → `spotify`, `很`, `卡`) occupies ``width`` consecutive positions, and the
/// tokenizer emits, right after the entity token, one `.word` token per piece with
/// ``isEntityBody`` set (its "word view", rules.md §1.5).
///
/// ```swift
/// let text = Tokenizer.tokenize("Spotify's app 😡")
/// text.tokens.map(\.folded)   // ["spotify", "s", "app", "😡"]
/// ```
public struct Token: Sendable, Hashable {
    /// The token's kind.
    public var kind: TokenKind
    /// The first position this token occupies.
    public var position: Int
    /// How many consecutive positions the token occupies (1 except for multi-piece entities).
    public var width: Int
    /// UTF-8 byte range in the NFC text (sigil included for entities).
    public var byteRange: Range<Int>
    /// The comparison key: the folded text (rules.md §1.4). Entities: the folded body without
    /// the sigil. Emoji: the cluster without skin-tone modifiers and U+FE0F. URLs: the URL as
    /// written. In a query word, wildcard characters `*` and `?` are kept in place.
    public var folded: String
    /// The NFC text without folding, used by `{}` terms (entities: the body without sigil).
    public var exact: String
    /// True for the word-view pieces emitted after an entity token.
    public var isEntityBody: Bool

    /// The last position this token occupies.
    public var lastPosition: Int { position + width - 1 }

    /// Creates a token.
    public init(
        kind: TokenKind, position: Int, width: Int = 1, byteRange: Range<Int>, folded: String,
        exact: String, isEntityBody: Bool = false
    ) {
        self.kind = kind
        self.position = position
        self.width = width
        self.byteRange = byteRange
        self.folded = folded
        self.exact = exact
        self.isEntityBody = isEntityBody
    }
}

/// A text split into tokens, with the NFC text the byte ranges point into.
public struct TokenizedText: Sendable, Hashable {
    /// The text after Unicode NFC normalization (format characters are kept here; tokens skip them).
    public var nfc: String
    /// Tokens in position order; an entity token comes before its word-view pieces.
    public var tokens: [Token]
    /// One past the last position used.
    public var positionCount: Int

    /// Creates a tokenized text.
    public init(nfc: String, tokens: [Token], positionCount: Int) {
        self.nfc = nfc
        self.tokens = tokens
        self.positionCount = positionCount
    }
}
