import EarshotText

/// One example of a rule (`examples.match` / `examples.nomatch`): a text or a mention object.
public enum RuleExample: Sendable, Hashable {
    /// A plain text.
    case text(String)
    /// A mention object in the generic input shape (stream.md).
    case object(JSONValue)
}

/// A rule as written in a rules file, before compilation.
public struct RuleDefinition: Sendable, Hashable {
    /// The rule id.
    public var id: String
    /// The query source.
    public var query: String
    /// `tags`, in file order.
    public var tags: [(key: String, value: String)]
    /// `examples.match`.
    public var matchExamples: [RuleExample]
    /// `examples.nomatch`.
    public var nomatchExamples: [RuleExample]
    /// `enabled` (default true).
    public var enabled: Bool
    /// Where the rule's `id` value is in the file.
    public var location: FileLocation?
    /// Maps query positions to file positions.
    public var querySourceMap: QuerySourceMap

    /// Creates a rule definition.
    public init(
        id: String, query: String, tags: [(key: String, value: String)] = [],
        matchExamples: [RuleExample] = [], nomatchExamples: [RuleExample] = [], enabled: Bool = true,
        location: FileLocation? = nil, querySourceMap: QuerySourceMap = .identity
    ) {
        self.id = id
        self.query = query
        self.tags = tags
        self.matchExamples = matchExamples
        self.nomatchExamples = nomatchExamples
        self.enabled = enabled
        self.location = location
        self.querySourceMap = querySourceMap
    }

    public static func == (lhs: RuleDefinition, rhs: RuleDefinition) -> Bool {
        lhs.id == rhs.id && lhs.query == rhs.query && lhs.tags.map(\.key) == rhs.tags.map(\.key)
            && lhs.tags.map(\.value) == rhs.tags.map(\.value) && lhs.matchExamples == rhs.matchExamples
            && lhs.nomatchExamples == rhs.nomatchExamples && lhs.enabled == rhs.enabled
            && lhs.location == rhs.location && lhs.querySourceMap == rhs.querySourceMap
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(query)
    }
}

/// Maps a position inside a query string to a line and column in the rules file.
///
/// `.identity` is for queries that are not in a file (line 1, column as in the query).
public struct QuerySourceMap: Sendable, Hashable {
    /// For each query line (0-based index), the file location of its first character.
    public var lineStarts: [FileLocation]

    /// Creates a map from the file location of each query line's first character.
    public init(lineStarts: [FileLocation]) { self.lineStarts = lineStarts }

    /// The query is its own file: query line n is file line n, columns unchanged.
    public static let identity = QuerySourceMap(lineStarts: [])

    /// The file location of a query position.
    public func location(of position: SourcePosition) -> FileLocation {
        let index = position.line - 1
        guard index >= 0, index < lineStarts.count else {
            return FileLocation(line: position.line, column: position.column)
        }
        let start = lineStarts[index]
        return FileLocation(line: start.line, column: start.column + position.column - 1)
    }
}

/// A parsed rules file (rules.md §6).
public struct RuleFile: Sendable, Hashable {
    /// The path shown in diagnostics (`<string>` when loaded from memory).
    public var path: String
    /// The source text.
    public var source: String
    /// The rules in file order.
    public var rules: [RuleDefinition]

    /// Creates a rules file value.
    public init(path: String, source: String, rules: [RuleDefinition]) {
        self.path = path
        self.source = source
        self.rules = rules
    }
}
