extension Diagnostic {
    /// The diagnostic as people read it: `file:line:col: error[code]: message`, the rule, the
    /// query line(s) with line numbers and a caret (or `^~~~` underline) under the offending
    /// part, then help and notes (each note with its own caret when it has a span).
    ///
    /// ```
    /// rules.yaml:4:24: error[missing-operand]: AND needs an operand on its right
    ///   rule: crash
    ///   |
    /// 4 | spotify AND
    ///   |         ^~~
    ///   help: write something after AND, or remove it
    /// ```
    /// - Parameter color: wrap the severity, code and carets in ANSI colors (for terminals).
    public func render(color: Bool = false) -> String {
        let paint = Paint(enabled: color)
        var lines: [String] = []
        var head = ""
        if let file { head += file + ":" }
        if let location {
            head += "\(location.line):\(location.column):"
        } else if let span, file == nil {
            head += "\(span.start.line):\(span.start.column):"
        }
        if !head.isEmpty { head += " " }
        let label = severity == .error ? paint.red("error[\(code.rawValue)]") : paint.yellow("warning[\(code.rawValue)]")
        lines.append(head + label + ": " + paint.bold(message))
        if let ruleID { lines.append("  rule: \(ruleID)") }
        if let query, let span {
            lines.append(contentsOf: Self.excerpt(query: query, span: span, fileLine: location?.line, paint: paint))
        }
        if let help { lines.append(Self.indented(paint.cyan("help:") + " " + help)) }
        for note in notes {
            var place: [String] = []
            if let ruleID = note.ruleID { place.append("rule \(ruleID)") }
            if let location = note.location { place.append("line \(location.line), column \(location.column)") }
            let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
            lines.append(Self.indented(paint.cyan("note:") + " " + prefix + note.message))
            if let query = note.query, let span = note.span {
                lines.append(contentsOf: Self.excerpt(query: query, span: span, fileLine: note.location?.line, paint: paint))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Indents every line of a possibly multi-line text by two spaces (continuation lines by four).
    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset == 0 ? "  " : "    ") + $0.element }
            .joined(separator: "\n")
    }

    /// The query lines the span touches, numbered, with carets under the span. Tabs are kept in
    /// the caret's indentation and wide (CJK, emoji) characters count two cells, so the caret
    /// lines up in a terminal; very long lines are cut to a window around the span.
    static func excerpt(query: String, span: SourceSpan, fileLine: Int?, paint: Paint) -> [String] {
        let queryLines = query.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let firstLine = max(1, span.start.line)
        guard firstLine <= queryLines.count else { return [] }
        let endsAtLineStart = span.end.column == 1 && span.end.line > span.start.line
        let lastLine = min(queryLines.count, max(firstLine, span.end.line - (endsAtLineStart ? 1 : 0)))
        let numberBase = (fileLine ?? firstLine) - firstLine
        let width = String(numberBase + lastLine).count
        let gutter = String(repeating: " ", count: width + 1) + "|"
        var out = [gutter]
        for line in firstLine...lastLine {
            var text = Array(queryLines[line - 1])
            var startColumn = line == span.start.line ? span.start.column : 1
            var endColumn = line == span.end.line ? span.end.column : text.count + 1
            endColumn = min(max(endColumn, startColumn + 1), max(text.count + 1, startColumn + 1))
            // Long lines: a window of about 120 Characters around the span's start.
            var prefix = ""
            if text.count > 160 {
                let from = max(0, startColumn - 1 - 40)
                let to = min(text.count, from + 120)
                prefix = from > 0 ? "…" : ""
                let suffix = to < text.count ? "…" : ""
                text = (prefix.isEmpty ? [] : ["…"]) + Array(text[from..<to]) + (suffix.isEmpty ? [] : ["…"])
                let shift = from - (prefix.isEmpty ? 0 : 1)
                startColumn -= shift
                endColumn = min(endColumn - shift, text.count + 1)
            }
            let number = String(numberBase + line)
            out.append(String(repeating: " ", count: width - number.count) + number + " | " + String(text))
            let before = text.prefix(max(0, min(text.count, startColumn - 1)))
            let indent = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: displayWidth($0)) }.joined()
            let covered = text.dropFirst(max(0, startColumn - 1)).prefix(max(1, endColumn - startColumn))
            let cells = max(1, covered.reduce(0) { $0 + displayWidth($1) } + max(0, (endColumn - startColumn) - covered.count))
            let marker = "^" + String(repeating: "~", count: cells - 1)
            out.append(gutter + " " + indent + paint.red(marker))
        }
        return out
    }

    /// Terminal cells a Character takes: 2 for East Asian wide characters and emoji, 1 otherwise.
    static func displayWidth(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 1 }
        if first.properties.isEmojiPresentation || character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The same diagnostic placed in a rules file: file, rule id, query and the file location of
    /// the span's start (through the rule's ``QuerySourceMap``), or the rule's own location when
    /// the diagnostic has no span. Notes with a span but no location are placed the same way.
    ///
    /// ```swift
    /// let located = QueryParser.parse(rule.query).diagnostics.map { $0.located(in: rule, file: "rules.yaml") }
    /// ```
    public func located(in rule: RuleDefinition, file: String) -> Diagnostic {
        var copy = self
        copy.file = file
        copy.ruleID = rule.id
        copy.query = rule.query
        copy.location = span.map { rule.querySourceMap.location(of: $0.start) } ?? rule.location
        copy.notes = notes.map { note in
            var note = note
            if note.ruleID == nil || note.ruleID == rule.id, let span = note.span, note.location == nil {
                note.location = rule.querySourceMap.location(of: span.start)
                if note.query == nil { note.query = rule.query }
            }
            return note
        }
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
