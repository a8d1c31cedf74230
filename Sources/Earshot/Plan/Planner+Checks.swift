import EarshotSyntax

extension Planner {
    /// rules.md §7/§9: a rule true for the empty mention (text "", no fields; regexes and
    /// references evaluated) would match almost every mention: an error with a caret on the
    /// query. Rules that already have errors are skipped.
    mutating func checkEmptyMention() {
        let compiled = regexes
        var checker = EmptyMentionCheck(
            nodes: parsed, ruleIndex: { [indexByID] in indexByID[$0] },
            regex: { rule, regex in compiled[rule][regex.span.start.offset] })
        for (index, node) in parsed.enumerated() {
            guard let node, !rulesWithErrors.contains(index), !unevaluable.contains(index) else { continue }
            guard checker.isTrue(rule: index) else { continue }
            report(
                Diagnostic(
                    code: .matchesEmptyMention, severity: .error,
                    message: "this query is true for a mention with no text and no fields: it would match almost everything",
                    span: Self.wholeQuerySpan(node, query: file.rules[index].query), help: "add a positive term, e.g. 'spotify -job' instead of '-job'"
                ).located(in: file.rules[index], file: file.path), rule: index)
        }
    }

    /// From the query's first non-blank character (an opening parenthesis included) to the end
    /// of its root node: the part a whole-query error points at.
    static func wholeQuerySpan(_ node: QueryNode, query: String) -> SourceSpan {
        let bytes = Array(query.utf8)
        let first = bytes.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") } ?? 0
        let start = first < node.span.start.offset ? position(ofByte: first, from: .start, in: bytes) : node.span.start
        return SourceSpan(start: start, end: node.span.end)
    }

    /// rules.md §7: warns when a rule's canonical query is identical to an earlier rule's.
    mutating func warnAboutDuplicateQueries() {
        var seen: [String: Int] = [:]
        for (index, node) in parsed.enumerated() {
            guard let node else { continue }
            let key = node.description
            guard let first = seen[key] else {
                seen[key] = index
                continue
            }
            let original = file.rules[first]
            let originalSpan = parsed[first]?.span
            report(
                Diagnostic(
                    code: .duplicateRule, severity: .warning,
                    message: "this rule's query is identical to rule '\(original.id)'", span: node.span,
                    help: "reference it with rule:\(original.id), or delete one of them",
                    notes: [
                        DiagnosticNote(
                            message: "'\(original.id)' has the same query", ruleID: original.id, span: originalSpan,
                            location: originalSpan.map { original.querySourceMap.location(of: $0.start) } ?? original.location,
                            query: original.query)
                    ]
                ).located(in: file.rules[index], file: file.path), rule: index)
        }
    }
}
