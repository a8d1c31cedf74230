import EarshotEngine
import EarshotPlan
import EarshotSyntax
import EarshotText
import Testing

/// Builds one-rule (or several-rule) plans straight from queries and evaluates mentions with the
/// reference evaluator, so each test reads as "query, mention, expected".
enum Oracle {
    /// A plan of rules `r0`, `r1`, ... (or the given ids) with these queries; records an issue and
    /// returns nil when the rules do not compile.
    static func plan(
        _ queries: [String], ids: [String]? = nil, enabled: [Bool]? = nil, configuration: PlanConfiguration = .init(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> PlannedRuleSet? {
        let rules = queries.enumerated().map { index, query in
            RuleDefinition(id: ids?[index] ?? "r\(index)", query: query, enabled: enabled?[index] ?? true)
        }
        do {
            return try PlannedRuleSet.build(RuleFile(path: "test.yaml", source: "", rules: rules), configuration: configuration)
        } catch {
            Issue.record("rules do not compile: \(error.errors.map { "\($0.code): \($0.message)" })", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Whether the one-rule query matches the mention. The compiled engine must agree with the
    /// reference evaluator on every row (checked here too).
    static func matches(_ query: String, _ mention: Mention, sourceLocation: SourceLocation = #_sourceLocation) -> Bool? {
        guard let plan = plan([query], sourceLocation: sourceLocation) else { return nil }
        let analyzed = AnalyzedMention(mention)
        let reference = ReferenceEvaluator(plan).evaluate(analyzed)
        let compiled = CompiledMatcher(plan).match(analyzed, wantSpans: true)
        #expect(compiled.rules == reference.ruleIndices, "compiled engine disagrees on \(query)", sourceLocation: sourceLocation)
        if compiled.rules == reference.ruleIndices {
            #expect(compiled.spans == reference.spans, "compiled spans differ on \(query)", sourceLocation: sourceLocation)
        }
        return reference.ruleIndices == [0]
    }

    /// Whether the one-rule query matches a text-only mention.
    static func matches(_ query: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool? {
        matches(query, Mention(text: text), sourceLocation: sourceLocation)
    }

    /// The spans of the one-rule query on a text, or nil when it does not match.
    static func spans(_ query: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Range<Int>]? {
        guard let plan = plan([query], sourceLocation: sourceLocation) else { return nil }
        let result = ReferenceEvaluator(plan).evaluate(AnalyzedMention(Mention(text: text)))
        return result.ruleIndices == [0] ? result.spans[0] : nil
    }
}

/// One row of a match table.
struct Row: Sendable, CustomTestStringConvertible {
    var query: String
    var text: String
    var match: Bool

    init(_ query: String, _ text: String, _ match: Bool) {
        self.query = query
        self.text = text
        self.match = match
    }

    var testDescription: String { "\(query) on \"\(text)\" → \(match ? "match" : "no match")" }
}
