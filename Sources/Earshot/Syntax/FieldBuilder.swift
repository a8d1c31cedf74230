/// Builds field operators (rules.md §5, §9) and `rule:NAME` references, with their value checks.
struct FieldBuilder {
    let source: SourceText

    static let isValues = ["reply", "retweet", "quote"]
    static let hasValues = ["link", "mention", "hashtag", "emoji"]

    func field(
        _ name: String, _ value: String, _ valueStart: Int, _ valueEnd: Int, _ exact: Bool, _ lexeme: Lexeme,
        _ diagnostics: inout [Diagnostic]
    ) -> QueryNode? {
        let span = source.span(lexeme.start, lexeme.end)
        let valueSpan = source.span(valueStart, valueEnd)
        let lower = name.lowercased()
        if lower == "rule" {
            return .ruleReference(RuleReference(id: value, span: span))
        }
        guard let field = FieldName(rawValue: lower) else {
            let known = FieldName.allCases.map(\.rawValue) + ["rule"]
            let suggestion = known.min { editDistance(lower, $0) < editDistance(lower, $1) } ?? "author"
            diagnostics.append(
                Diagnostic(
                    code: .unknownField, severity: .error, message: "unknown field operator '\(name):'",
                    span: source.span(lexeme.start, lexeme.start + name.utf8.count + 1),
                    help: "did you mean '\(suggestion):'? Known operators: \(known.map { $0 + ":" }.joined(separator: " "))"))
            return nil
        }
        func invalid(_ message: String, help: String? = nil) -> QueryNode? {
            diagnostics.append(Diagnostic(code: .invalidFieldValue, severity: .error, message: message, span: valueSpan, help: help))
            return nil
        }
        let hasWildcard = value.contains("*") || value.contains("?")
        var path: [String] = []
        var fieldValue = value
        switch field {
        case .is:
            guard Self.isValues.contains(value.lowercased()) else {
                return invalid("is: takes \(Self.isValues.joined(separator: ", ")); got '\(value)'")
            }
        case .has:
            guard Self.hasValues.contains(value.lowercased()) else {
                return invalid("has: takes \(Self.hasValues.joined(separator: ", ")); got '\(value)'")
            }
        case .url:
            if value.contains("*") {
                return invalid("url: takes a host, and subdomains already match", help: "url:spotify.com matches open.spotify.com too")
            }
        case .field:
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                return invalid("field: wants path=value, e.g. field:user.location=\"New York\"")
            }
            path = value[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            fieldValue = String(value[value.index(after: equals)...])
            if path.contains(where: \.isEmpty) { return invalid("field: path '\(value[..<equals])' has an empty part") }
        case .lang, .source, .country:
            if hasWildcard { return invalid("wildcards are allowed in author: and field: values only") }
        case .author:
            break
        }
        return .field(FieldQuery(name: field, path: path, value: fieldValue, exact: exact, span: span, valueSpan: valueSpan))
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
