/// Builds field operators (rules.md §5, §9) and `rule:NAME` references, with their value checks.
struct FieldBuilder {
    let source: SourceText

    /// The values `is:` accepts.
    static let isValues = ["reply", "retweet", "quote"]
    /// The values `has:` accepts.
    static let hasValues = ["link", "mention", "hashtag", "emoji"]
    /// Every operator name, `rule` included, in the order suggestions list them.
    static let knownNames = FieldName.allCases.map(\.rawValue) + ["rule"]

    /// A field node, or nil after reporting why the operator or its value is invalid.
    /// - Parameter pasted: true for a URL pasted as a word (read as `url:`).
    func field(_ lexed: FieldLexeme, _ lexeme: Lexeme, _ diagnostics: inout [Diagnostic], pasted: Bool = false) -> QueryNode? {
        let span = source.span(lexeme.start, lexeme.end)
        let valueSpan = source.span(lexed.valueStart, lexed.valueEnd)
        let lower = lexed.name.lowercased()
        let value = lexed.value
        func invalid(_ message: String, help: String? = nil) -> QueryNode? {
            diagnostics.append(Diagnostic(code: .invalidFieldValue, severity: .error, message: message, span: valueSpan, help: help))
            return nil
        }
        if lower == "rule" {
            guard !value.isEmpty else { return invalid("rule: needs a rule id", help: "write rule:ID, e.g. rule:brand") }
            return .ruleReference(RuleReference(id: value, span: span))
        }
        guard let name = FieldName(rawValue: lower) else {
            diagnostics.append(unknownField(lexed, lexeme))
            return nil
        }
        let hasWildcard = !lexed.exact && (value.contains("*") || value.contains("?"))
        var path: [String] = []
        var fieldValue = value
        switch name {
        case .is, .has:
            let allowed = name == .is ? Self.isValues : Self.hasValues
            guard allowed.contains(value.lowercased()) else {
                return invalid(
                    "\(lower): takes one of \(allowed.joined(separator: ", ")), not '\(value)'",
                    help: "write " + allowed.map { "\(lower):\($0)" }.joined(separator: ", "))
            }
        case .url:
            if value.contains("*") {
                return invalid(
                    "url: takes a host and an optional path, without wildcards",
                    help: pasted
                        ? "remove the '*': a URL matches as a prefix"
                        : "subdomains already match: url:spotify.com also matches open.spotify.com")
            }
        case .field:
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                return invalid(
                    "field: needs path=value", help: "write field:PATH=VALUE, e.g. field:user.location=\"New York\"")
            }
            let pathText = value[..<equals]
            path = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            fieldValue = String(value[value.index(after: equals)...])
            if path.contains(where: \.isEmpty) {
                return invalid("field: path '\(pathText)' has an empty part", help: "a path is keys joined with '.', e.g. user.location")
            }
            if fieldValue.isEmpty, !lexed.quoted {
                return invalid(
                    "field: needs a value after '='", help: "write field:\(pathText)=VALUE, or field:\(pathText)=\"\" for an empty string")
            }
        case .lang, .source, .country:
            if hasWildcard {
                return invalid("wildcards are allowed in author: and field: values only", help: "write the whole \(lower) value")
            }
        case .author:
            break
        }
        if fieldValue.isEmpty, name != .field {
            return invalid("\(lower): needs a value", help: "write the value right after the colon")
        }
        return .field(FieldQuery(name: name, path: path, value: fieldValue, exact: lexed.exact, span: span, valueSpan: valueSpan))
    }

    /// `athor:x`: an error on the name that suggests the nearest known operator.
    private func unknownField(_ lexed: FieldLexeme, _ lexeme: Lexeme) -> Diagnostic {
        let lower = lexed.name.lowercased()
        // Nearest by edit distance; ties go to a name the typo starts like (`rul` → `rule`, not `url`).
        func rank(_ name: String) -> (Int, Int, Int) {
            let sharedPrefix = zip(lower, name).prefix { $0 == $1 }.count
            return (editDistance(lower, name), -sharedPrefix, Self.knownNames.firstIndex(of: name) ?? 0)
        }
        let nearest = Self.knownNames.min { rank($0) < rank($1) } ?? "author"
        let known = Self.knownNames.map { $0 + ":" }.joined(separator: " ")
        return Diagnostic(
            code: .unknownField, severity: .error, message: "unknown field operator '\(lexed.name):'",
            span: source.span(lexeme.start, lexed.valueStart),
            help: "did you mean '\(nearest):'? The operators are \(known); to search the text itself, quote it: \"\(source.slice(lexeme.start, lexeme.end))\"")
    }
}

/// Edit distance for "did you mean" suggestions: insertions, deletions, substitutions and
/// swaps of two neighbouring characters each cost 1 (optimal string alignment), so the common
/// typos `athor`, `lnag` and `hsa` are all one edit away.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            var cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cost = min(cost, beforePrevious[j - 2] + 1) }
            current[j] = cost
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}
