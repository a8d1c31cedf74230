/// A position inside a query string.
public struct SourcePosition: Sendable, Hashable, Codable, Comparable {
    /// UTF-8 byte offset from the start of the query.
    public var offset: Int
    /// 1-based line within the query.
    public var line: Int
    /// 1-based column within the line, counted in Characters (extended grapheme clusters).
    public var column: Int

    /// Creates a position.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The start of a query.
    public static let start = SourcePosition(offset: 0, line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open range `[start, end)` inside a query string.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// First character of the span.
    public var start: SourcePosition
    /// Position just past the last character of the span.
    public var end: SourcePosition

    /// Creates a span.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }
}
