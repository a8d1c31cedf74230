import Yams

extension RuleFileReader {
    /// Where each character of a query scalar sits in the file, by the scalar's style.
    func sourceMap(of node: Node, query: String) -> QuerySourceMap {
        guard let mark = node.mark, let scalar = node.scalar else { return .identity }
        // Fast path for the common one-line query with no escapes: a plain column shift
        // (a one-entry column table; later columns count on from it).
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        if scalar.style == .plain || quoted, !query.contains("\n"), mark.line - 1 < sourceLines.count {
            let start = mark.column + (quoted ? 1 : 0)
            if sourceLines[mark.line - 1].dropFirst(start - 1).hasPrefix(query) {
                return QuerySourceMap(lines: [QuerySourceMap.Line(fileLine: mark.line, columns: [start])])
            }
        }
        let queryLines = query.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        switch scalar.style {
        case .literal, .folded:
            return blockMap(startLine: mark.line, queryLines: queryLines)
        case .singleQuoted:
            return quotedMap(line: mark.line, column: mark.column, double: false, queryLines: queryLines)
        case .doubleQuoted:
            return quotedMap(line: mark.line, column: mark.column, double: true, queryLines: queryLines)
        default:
            return QuerySourceMap(lines: queryLines.enumerated().map { offset, line in
                QuerySourceMap.Line(
                    fileLine: mark.line + offset,
                    columns: Array(0..<max(1, line.count)).map { (offset == 0 ? mark.column : 1) + $0 })
            })
        }
    }

    /// Block scalars: query line i is the i-th content line after the indicator, after its indentation.
    private func blockMap(startLine: Int, queryLines: [[Character]]) -> QuerySourceMap {
        var lines: [QuerySourceMap.Line] = []
        var fileLine = startLine + 1
        for line in queryLines {
            // Skip blank source lines that a folded scalar turned into nothing.
            let sourceLine = fileLine - 1 < sourceLines.count ? Array(sourceLines[fileLine - 1]) : []
            let indent = sourceLine.prefix(while: { $0 == " " }).count
            lines.append(QuerySourceMap.Line(fileLine: fileLine, columns: Array(0..<max(1, line.count)).map { indent + 1 + $0 }))
            fileLine += 1
        }
        return QuerySourceMap(lines: lines)
    }

    /// Quoted scalars: walk the source from the opening quote, turning escapes (`''`, `\"`,
    /// `\uXXXX`) into one query character each; folded line breaks continue on the next line.
    private func quotedMap(line: Int, column: Int, double: Bool, queryLines: [[Character]]) -> QuerySourceMap {
        var fileLine = line
        var index = column  // 0-based index of the character after the opening quote
        var lines: [QuerySourceMap.Line] = []
        var source = fileLine - 1 < sourceLines.count ? Array(sourceLines[fileLine - 1]) : []
        for queryLine in queryLines {
            var columns: [Int] = []
            for _ in queryLine {
                while index >= source.count, fileLine < sourceLines.count {
                    fileLine += 1
                    source = Array(sourceLines[fileLine - 1])
                    index = source.prefix(while: { $0 == " " }).count
                }
                columns.append(index + 1)
                guard index < source.count else { index += 1; continue }
                let character = source[index]
                if !double, character == "'", index + 1 < source.count, source[index + 1] == "'" {
                    index += 2
                } else if double, character == "\\", index + 1 < source.count {
                    switch source[index + 1] {
                    case "x": index += 4
                    case "u": index += 6
                    case "U": index += 10
                    default: index += 2
                    }
                } else {
                    index += 1
                }
            }
            lines.append(QuerySourceMap.Line(fileLine: fileLine, columns: columns.isEmpty ? [index + 1] : columns))
        }
        return QuerySourceMap(lines: lines)
    }
}
