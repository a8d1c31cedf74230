extension Diagnostic {
    /// The diagnostic as people read it: `file:line:col: error[code]: message`, the rule, the
    /// query with a caret (or `^~~` underline) under the offending part, then help and notes.
    ///
    /// ```
    /// rules.yaml:4:21: error[missing-operand]: AND needs an operand on its right
    ///   rule: crash
    ///    |
    ///  4 | spotify AND
    ///    |         ^~~
    /// ```
    public func render(color: Bool = false) -> String {
        let paint = Paint(enabled: color)
        var lines: [String] = []
        var head = ""
        if let file { head += file + ":" }
        if let location { head += "\(location.line):\(location.column):" }
        if !head.isEmpty { head += " " }
        let label = severity == .error ? paint.red("error") : paint.yellow("warning")
        lines.append(head + label + paint.bold("[\(code.rawValue)]: \(message)"))
        if let ruleID { lines.append("  rule: \(ruleID)") }
        if let query, let span {
            lines.append(contentsOf: Self.excerpt(query: query, span: span, fileLine: location?.line, paint: paint))
        }
        if let help { lines.append("  " + paint.cyan("help:") + " " + help) }
        for note in notes {
            var noteHead = "  note: "
            if let ruleID = note.ruleID { noteHead += "rule \(ruleID)" }
            if let location = note.location { noteHead += " (line \(location.line), column \(location.column))" }
            lines.append(noteHead + ": " + note.message)
            if let query = note.query, let span = note.span {
                lines.append(contentsOf: Self.excerpt(query: query, span: span, fileLine: note.location?.line, paint: paint))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The query lines the span touches, numbered, with carets under the span.
    static func excerpt(query: String, span: SourceSpan, fileLine: Int?, paint: Paint) -> [String] {
        let queryLines = query.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstLine = max(1, span.start.line)
        let lastLine = min(queryLines.count, max(firstLine, span.end.line - (span.end.column == 1 && span.end.line > span.start.line ? 1 : 0)))
        guard firstLine <= queryLines.count else { return [] }
        let numberBase = (fileLine ?? firstLine) - firstLine
        let width = String(numberBase + lastLine).count
        let gutter = String(repeating: " ", count: width + 1) + "|"
        var out = [gutter]
        for line in firstLine...lastLine {
            let text = queryLines[line - 1]
            let number = String(numberBase + line)
            out.append(String(repeating: " ", count: width - number.count) + number + " | " + text)
            let startColumn = line == span.start.line ? span.start.column : 1
            let lineLength = text.count
            var endColumn = line == span.end.line ? span.end.column : lineLength + 1
            if endColumn <= startColumn { endColumn = startColumn + 1 }
            let count = max(1, min(endColumn, lineLength + 1) - startColumn)
            let marker = "^" + String(repeating: "~", count: max(0, count - 1))
            out.append(gutter + " " + String(repeating: " ", count: max(0, startColumn - 1)) + paint.red(marker))
        }
        return out
    }

    /// The same diagnostic placed in a rules file: file, rule id, query and file location.
    public func located(in rule: RuleDefinition, file: String) -> Diagnostic {
        var copy = self
        copy.file = file
        copy.ruleID = rule.id
        copy.query = rule.query
        if let span { copy.location = rule.querySourceMap.location(of: span.start) } else { copy.location = rule.location }
        return copy
    }
}

/// ANSI colors for terminals; plain text otherwise.
struct Paint {
    let enabled: Bool
    func red(_ s: String) -> String { wrap(s, "31") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func bold(_ s: String) -> String { wrap(s, "1") }
    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
