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

/// Maps a position inside a query string to a line and column in the rules file, through
/// YAML quoting and escapes (`''`, `\"`) and block scalars.
///
/// `.identity` is for queries that are not in a file (line and column as in the query).
public struct QuerySourceMap: Sendable, Hashable {
    /// One query line: its file line, and the file column of each of its Characters.
    public struct Line: Sendable, Hashable {
        /// 1-based file line (of the line's first Character).
        public var fileLine: Int
        /// File column (1-based) of query column `i + 1`.
        public var columns: [Int]
        /// File line of query column `i + 1`, when the query line spans several file lines (a
        /// folded or multi-line flow scalar); empty when every Character is on ``fileLine``.
        public var fileLines: [Int]

        /// Creates a line map whose Characters are all on `fileLine`.
        public init(fileLine: Int, columns: [Int]) {
            self.fileLine = fileLine
            self.columns = columns
            self.fileLines = []
        }

        /// Creates a line map whose Characters may sit on several file lines.
        public init(fileLines: [Int], columns: [Int]) {
            self.fileLine = fileLines.first ?? 1
            self.columns = columns
            self.fileLines = fileLines.allSatisfy { $0 == fileLines.first } ? [] : fileLines
        }
    }

    /// Query lines in order.
    public var lines: [Line]

    /// Creates a map from per-line column tables.
    public init(lines: [Line]) { self.lines = lines }

    /// Creates a map where query line `i` starts at `lineStarts[i]` and columns advance one by one.
    public init(lineStarts: [FileLocation]) {
        lines = lineStarts.map { Line(fileLine: $0.line, columns: [$0.column]) }
    }

    /// The query is its own file: query line n is file line n, columns unchanged.
    public static let identity = QuerySourceMap(lines: [])

    /// The file location of a query position.
    public func location(of position: SourcePosition) -> FileLocation {
        let index = position.line - 1
        guard index >= 0, index < lines.count, let lastColumn = lines[index].columns.last else {
            return FileLocation(line: position.line, column: position.column)
        }
        let line = lines[index]
        let i = position.column - 1
        let lastLine = line.fileLines.last ?? line.fileLine
        if i >= 0, i < line.columns.count {
            return FileLocation(line: i < line.fileLines.count ? line.fileLines[i] : line.fileLine, column: line.columns[i])
        }
        // Past the mapped characters: keep counting from the last known column.
        return FileLocation(line: lastLine, column: max(1, lastColumn + (i - (line.columns.count - 1))))
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
