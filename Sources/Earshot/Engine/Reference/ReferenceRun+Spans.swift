import EarshotSyntax

extension ReferenceRun {
    /// The spans of a matched rule (see ``RuleMatches/spans``), sorted and deduplicated.
    mutating func spans(ofRule index: Int) -> [Range<Int>] {
        var ranges = Set<Range<Int>>()
        var visited: Set<Int> = [index]
        collectSpans(plan.rules[index].query, rule: index, into: &ranges, visited: &visited)
        return ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }

    /// Every occurrence of the positive terms, phrases, NEAR operands and (non-empty) regex
    /// matches under `node`, plus the spans of the referenced rules that match; nothing under
    /// a NOT, nothing for fields.
    mutating func collectSpans(_ node: QueryNode, rule: Int, into ranges: inout Set<Range<Int>>, visited: inout Set<Int>) {
        switch node {
        case .text(let text):
            for occurrence in occurrences(of: text.patterns) { ranges.insert(occurrence.bytes) }
        case .near(let near):
            for occurrence in operandOccurrences(near.left) + operandOccurrences(near.right) { ranges.insert(occurrence.bytes) }
        case .regex(let query):
            guard let compiled = plan.compiledRegex(for: query, inRule: rule) else { return }
            for range in compiled.allMatches(in: mention.text.nfc, scratch: scratch).ranges where !range.isEmpty {
                ranges.insert(range)
            }
        case .ruleReference(let reference):
            guard let target = plan.index(ofRuleID: reference.id), visited.insert(target).inserted, ruleMatches(target)
            else { return }
            collectSpans(plan.rules[target].query, rule: target, into: &ranges, visited: &visited)
        case .and(let group):
            for operand in group.operands { collectSpans(operand, rule: rule, into: &ranges, visited: &visited) }
        case .or(let group):
            for operand in group.operands { collectSpans(operand, rule: rule, into: &ranges, visited: &visited) }
        case .field, .not:
            break
        }
    }
}
