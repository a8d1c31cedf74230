/// The outcome of one rule example (`earshot test`).
public struct ExampleResult: Sendable, Hashable {
    /// The rule the example belongs to.
    public var ruleID: String
    /// True for `examples.match`, false for `examples.nomatch`.
    public var expectsMatch: Bool
    /// The example's text (all text fields joined).
    public var text: String
    /// Every rule that matched the example, in file order.
    public var matchedRules: [String]
    /// The spans that satisfied the example's own rule, if it matched.
    public var spans: [Range<Int>]
    /// Set when an object example could not be read as a mention.
    public var inputError: String?

    /// True when the example behaved as declared.
    public var passed: Bool {
        inputError == nil && matchedRules.contains(ruleID) == expectsMatch
    }

    /// A human report of a failure: the rule, the text, and what matched.
    public var report: String {
        let expectation = expectsMatch ? "should match" : "should not match"
        var lines = ["FAIL \(ruleID): example \(expectation)", "  text: \(text)"]
        if let inputError {
            lines.append("  error: \(inputError)")
            return lines.joined(separator: "\n")
        }
        if !spans.isEmpty {
            let utf8 = Array(text.utf8)
            let pieces = spans.compactMap { range -> String? in
                guard range.upperBound <= utf8.count else { return nil }
                return "'" + String(decoding: utf8[range], as: UTF8.self) + "'"
            }
            lines.append("  matched by: " + pieces.joined(separator: ", "))
        }
        lines.append("  rules that matched: " + (matchedRules.isEmpty ? "(none)" : matchedRules.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }
}

extension RuleSet {
    /// Runs every rule's `examples.match` and `examples.nomatch` (disabled rules are skipped).
    public func runExamples() -> [ExampleResult] {
        var results: [ExampleResult] = []
        for rule in plan.rules where rule.enabled {
            let cases = rule.definition.matchExamples.map { ($0, true) } + rule.definition.nomatchExamples.map { ($0, false) }
            for (example, expectsMatch) in cases {
                results.append(run(example, of: rule.id, expectsMatch: expectsMatch))
            }
        }
        return results
    }

    private func run(_ example: RuleExample, of ruleID: String, expectsMatch: Bool) -> ExampleResult {
        let mention: Mention
        switch example {
        case .text(let text):
            mention = Mention(text: text)
        case .object(let value):
            do {
                mention = try FieldMapping(preset: .generic).mention(from: value)
            } catch {
                return ExampleResult(
                    ruleID: ruleID, expectsMatch: expectsMatch, text: "\(value)", matchedRules: [], spans: [],
                    inputError: "\(error.reason.rawValue): \(error.detail)")
            }
        }
        let result = match(mention, spans: true)
        let text = AnalyzedMention(mention).text.nfc
        return ExampleResult(
            ruleID: ruleID, expectsMatch: expectsMatch, text: text, matchedRules: result.ruleIDs,
            spans: result.spans[ruleID] ?? [], inputError: nil)
    }
}
