import EarshotPlan
import EarshotSyntax
import EarshotText

/// Why a rule's query is true or false on one mention, node by node: what `earshot explain`
/// prints. Built by the reference evaluator, so it states the spec's semantics, not the fast
/// engine's shortcuts.
///
/// ```swift
/// let explanation = ReferenceEvaluator(plan).explain(ruleID: "crash", in: mention)
/// explanation?.holds          // true
/// explanation?.children[1].spans   // the bytes of "crashing"
/// ```
public struct QueryExplanation: Sendable, Hashable {
    /// What kind of node this is: `AND`, `OR`, `NOT`, `NEAR/3`, `term`, `phrase`, `regex`,
    /// `field`, `rule`.
    public var operation: String
    /// The node's text in the query.
    public var source: String
    /// Whether the node is true on the mention.
    public var holds: Bool
    /// UTF-8 byte ranges in the mention's NFC text that the node found (terms, phrases, NEAR
    /// operands, regex matches); empty for fields and negations.
    public var spans: [Range<Int>]
    /// The operands, in query order; for `rule:` the referenced rule's whole query (once per
    /// rule: a rule already explained on this path shows no children).
    public var children: [QueryExplanation]
}

extension ReferenceEvaluator {
    /// Explains rule `ruleID` on a mention, or `nil` for an unknown id.
    public func explain(ruleID: String, in mention: AnalyzedMention) -> QueryExplanation? {
        guard let index = plan.index(ofRuleID: ruleID) else { return nil }
        var run = ReferenceRun(plan: plan, mention: mention, scratch: makeScratch())
        var visited: Set<Int> = [index]
        return run.explain(plan.rules[index].query, rule: index, visited: &visited)
    }
}

extension ReferenceRun {
    /// The explanation of one node of rule `rule`.
    mutating func explain(_ node: QueryNode, rule: Int, visited: inout Set<Int>) -> QueryExplanation {
        let source = querySlice(node.span, rule: rule)
        let holds = evaluate(node, rule: rule)
        var children: [QueryExplanation] = []
        var spans: [Range<Int>] = []
        let name: String
        switch node {
        case .text(let text):
            name = text.isTerm ? "term" : "phrase"
            spans = occurrences(of: text.patterns).map(\.bytes)
        case .regex(let query):
            name = "regex"
            if let compiled = plan.compiledRegex(for: query, inRule: rule) {
                spans = compiled.allMatches(in: mention.text.nfc, scratch: scratch).ranges.filter { !$0.isEmpty }
            }
        case .field:
            name = "field"
        case .ruleReference(let reference):
            name = "rule"
            if let target = plan.index(ofRuleID: reference.id), visited.insert(target).inserted {
                children = [explain(plan.rules[target].query, rule: target, visited: &visited)]
                visited.remove(target)
            }
        case .not(let negation):
            name = "NOT"
            children = [explain(negation.operand, rule: rule, visited: &visited)]
        case .and(let group):
            name = "AND"
            children = group.operands.map { explain($0, rule: rule, visited: &visited) }
        case .or(let group):
            name = "OR"
            children = group.operands.map { explain($0, rule: rule, visited: &visited) }
        case .near(let near):
            name = "NEAR/\(near.distance)\(near.ordered ? "f" : "")"
            children = [explain(near.left, rule: rule, visited: &visited), explain(near.right, rule: rule, visited: &visited)]
            if holds { spans = (operandOccurrences(near.left) + operandOccurrences(near.right)).map(\.bytes) }
        }
        let unique = Array(Set(spans)).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        return QueryExplanation(operation: name, source: source, holds: holds, spans: unique, children: children)
    }

    /// The query text under a span (byte offsets into the rule's query).
    func querySlice(_ span: SourceSpan, rule: Int) -> String {
        let bytes = Array(plan.rules[rule].definition.query.utf8)
        let start = max(0, min(span.start.offset, bytes.count))
        let end = max(start, min(span.end.offset, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
