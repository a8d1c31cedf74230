import Yams

extension RuleFileReader {
    /// Where each Character of a query scalar sits in the file, by the scalar's style.
    func sourceMap(of node: Node, query: String) -> QuerySourceMap {
        guard let mark = node.mark, let scalar = node.scalar, mark.line >= 1, mark.line <= sourceLines.count else {
            return .identity
        }
        let line = sourceLines[mark.line - 1]
        let column = Self.characterIndex(ofScalarColumn: mark.column, in: line)
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let contentColumn = column + (quoted ? 1 : 0)
        // Fast path: a one-line query spelled verbatim (no escapes): a plain column shift,
        // stored as a one-entry table (later columns count on from it).
        if scalar.style == .plain || quoted, !query.contains(where: \.isNewline),
            line.dropFirst(contentColumn).hasPrefix(query)
        {
            return QuerySourceMap(lines: [QuerySourceMap.Line(fileLine: mark.line, columns: [contentColumn + 1])])
        }
        let style: ScalarSourceMapper.Style
        var startLine = mark.line - 1
        var startColumn = contentColumn
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal, .folded:
            style = .block
            startLine += 1
            startColumn = 0
        default: style = .plain
        }
        var mapper = ScalarSourceMapper(lines: sourceLines, style: style, line: startLine, column: startColumn)
        if let positions = mapper.map(query) {
            return QuerySourceMap(lines: positions.map { QuerySourceMap.Line(fileLines: $0.fileLines, columns: $0.columns) })
        }
        // The walk could not follow the source: place query line i on file line mark + i.
        let queryLines = query.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        return QuerySourceMap(
            lines: queryLines.indices.map { i in
                QuerySourceMap.Line(fileLine: startLine + 1 + i, columns: [i == 0 ? startColumn + 1 : 1])
            })
    }

    /// libyaml counts columns in Unicode scalars; diagnostics count Characters.
    static func characterIndex(ofScalarColumn scalarColumn: Int, in line: Substring) -> Int {
        let scalars = max(0, scalarColumn - 1)
        if line.utf8.prefix(scalars).allSatisfy({ $0 < 0x80 }) { return scalars }
        var seen = 0
        var index = 0
        for character in line {
            if seen >= scalars { break }
            seen += character.unicodeScalars.count
            index += 1
        }
        return index + max(0, scalars - seen)
    }

    /// A Yams mark as a file location in Characters.
    func location(of mark: Mark?) -> FileLocation? {
        guard let mark else { return nil }
        guard mark.line >= 1, mark.line <= sourceLines.count else { return FileLocation(line: mark.line, column: mark.column) }
        return FileLocation(line: mark.line, column: Self.characterIndex(ofScalarColumn: mark.column, in: sourceLines[mark.line - 1]) + 1)
    }
}
