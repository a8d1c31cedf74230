import EarshotText

/// A parsed query: a value-type tree that stays faithful to the source (every node has a span).
///
/// ```swift
/// // 'spotify (crash* OR "keeps closing") -job'
/// // .and([.text(spotify), .or([.text(crash*), .text("keeps closing")]), .not(.text(job))])
/// ```
public indirect enum QueryNode: Sendable, Hashable {
    /// A bare word, a quoted phrase or a `{}` exact term: one token pattern or a sequence of them.
    case text(TextQuery)
    /// `/pattern/flags`.
    case regex(RegexQuery)
    /// `name:value` field operator, including URLs pasted as words (read as `url:`).
    case field(FieldQuery)
    /// `rule:NAME`.
    case ruleReference(RuleReference)
    /// `NOT x` or `-x`.
    case not(Negation)
    /// `a AND b`, `a b`, `a NOT b` (flattened: two or more operands).
    case and(Conjunction)
    /// `a OR b` (flattened: two or more operands).
    case or(Disjunction)
    /// `a NEAR/n b`, `a NEAR/nf b`.
    case near(Proximity)

    /// The node's span in the query.
    public var span: SourceSpan {
        switch self {
        case .text(let q): q.span
        case .regex(let q): q.span
        case .field(let q): q.span
        case .ruleReference(let q): q.span
        case .not(let q): q.span
        case .and(let q): q.span
        case .or(let q): q.span
        case .near(let q): q.span
        }
    }
}

/// One token pattern: what a single token must look like to match.
public struct TokenPattern: Sendable, Hashable {
    /// Which token kinds may satisfy the pattern.
    public enum Kind: Sendable, Hashable, Codable {
        /// Matches `.word` tokens, including entity word views (rules.md §1.5).
        case word
        /// Matches `.mention` tokens only.
        case mention
        /// Matches `.hashtag` tokens only.
        case hashtag
        /// Matches `.cashtag` tokens only.
        case cashtag
        /// Matches `.emoji` tokens only.
        case emoji
    }

    /// The token kind this pattern looks for.
    public var kind: Kind
    /// The text to compare: the folded body, or the NFC body for exact patterns; `*` and `?`
    /// are wildcards when ``hasWildcards`` is true (they never occur in tokens otherwise).
    public var text: String
    /// True when ``text`` contains `*` or `?` wildcards.
    public var hasWildcards: Bool
    /// True inside `{}`: compare without folding.
    public var exact: Bool
    /// Where the pattern came from in the query.
    public var span: SourceSpan

    /// Creates a token pattern.
    public init(kind: Kind, text: String, hasWildcards: Bool, exact: Bool, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.hasWildcards = hasWildcards
        self.exact = exact
        self.span = span
    }
}

/// A word, phrase or exact term: the tokens must appear at consecutive positions, in order.
public struct TextQuery: Sendable, Hashable {
    /// One pattern (a term) or several (a phrase).
    public var patterns: [TokenPattern]
    /// True when written in double quotes.
    public var quoted: Bool
    /// True when written in `{}`.
    public var exact: Bool
    /// The whole source of the term or phrase.
    public var span: SourceSpan

    /// Creates a text query.
    public init(patterns: [TokenPattern], quoted: Bool, exact: Bool, span: SourceSpan) {
        self.patterns = patterns
        self.quoted = quoted
        self.exact = exact
        self.span = span
    }

    /// True for a single-token term.
    public var isTerm: Bool { patterns.count == 1 }
}

/// `/pattern/flags`: a PCRE2 regular expression over the NFC text.
public struct RegexQuery: Sendable, Hashable {
    /// The pattern between the slashes, with `\/` turned back into `/`.
    public var pattern: String
    /// Flags after the closing slash: any of `i`, `s`, `m`, `x`.
    public var flags: Set<Character>
    /// The whole literal including slashes and flags.
    public var span: SourceSpan
    /// Where the pattern text starts (PCRE2 error offsets are relative to it).
    public var patternStart: SourcePosition

    /// Creates a regex query.
    public init(pattern: String, flags: Set<Character>, span: SourceSpan, patternStart: SourcePosition) {
        self.pattern = pattern
        self.flags = flags
        self.span = span
        self.patternStart = patternStart
    }
}

/// The field operators of rules.md §5.
public enum FieldName: String, Sendable, Hashable, Codable, CaseIterable {
    case author, lang, source, country, url, `is`, has, field
}

/// `name:value`.
public struct FieldQuery: Sendable, Hashable {
    /// The operator.
    public var name: FieldName
    /// For `field:a.b.c=value`, the path components `["a", "b", "c"]`; empty otherwise.
    public var path: [String]
    /// The value as written (quotes and braces removed, not folded).
    public var value: String
    /// True when the value was written in `{}`: compare without folding.
    public var exact: Bool
    /// The whole operator.
    public var span: SourceSpan
    /// The value's span.
    public var valueSpan: SourceSpan

    /// Creates a field query.
    public init(
        name: FieldName, path: [String], value: String, exact: Bool, span: SourceSpan,
        valueSpan: SourceSpan
    ) {
        self.name = name
        self.path = path
        self.value = value
        self.exact = exact
        self.span = span
        self.valueSpan = valueSpan
    }
}

/// `rule:NAME`: true when rule NAME matches the same mention.
public struct RuleReference: Sendable, Hashable {
    /// The referenced rule id.
    public var id: String
    /// The whole `rule:NAME` word.
    public var span: SourceSpan

    /// Creates a rule reference.
    public init(id: String, span: SourceSpan) {
        self.id = id
        self.span = span
    }
}

/// `NOT x` / `-x`.
public struct Negation: Sendable, Hashable {
    /// The negated operand.
    public var operand: QueryNode
    /// From the operator to the end of the operand.
    public var span: SourceSpan

    /// Creates a negation.
    public init(operand: QueryNode, span: SourceSpan) {
        self.operand = operand
        self.span = span
    }
}

/// AND of two or more operands.
public struct Conjunction: Sendable, Hashable {
    /// The operands in source order.
    public var operands: [QueryNode]
    /// From the first operand to the last.
    public var span: SourceSpan

    /// Creates a conjunction.
    public init(operands: [QueryNode], span: SourceSpan) {
        self.operands = operands
        self.span = span
    }
}

/// OR of two or more operands.
public struct Disjunction: Sendable, Hashable {
    /// The operands in source order.
    public var operands: [QueryNode]
    /// From the first operand to the last.
    public var span: SourceSpan

    /// Creates a disjunction.
    public init(operands: [QueryNode], span: SourceSpan) {
        self.operands = operands
        self.span = span
    }
}

/// `a NEAR/n b` or `a NEAR/nf b`. Operands are `.text` nodes or `.or` groups of them.
public struct Proximity: Sendable, Hashable {
    /// The left operand.
    public var left: QueryNode
    /// The right operand.
    public var right: QueryNode
    /// Most tokens allowed strictly between the two occurrences (0...255).
    public var distance: Int
    /// True for `NEAR/nf`: the left operand must come first.
    public var ordered: Bool
    /// From the left operand to the right one.
    public var span: SourceSpan

    /// Creates a proximity node.
    public init(left: QueryNode, right: QueryNode, distance: Int, ordered: Bool, span: SourceSpan) {
        self.left = left
        self.right = right
        self.distance = distance
        self.ordered = ordered
        self.span = span
    }
}
