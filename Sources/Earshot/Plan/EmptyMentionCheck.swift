import EarshotRegex
import EarshotSyntax

/// Evaluates rules on the empty mention (text "", no fields), regexes and references included
/// (rules.md §9): no term, phrase, NEAR or field can be true there.
struct EmptyMentionCheck {
    let nodes: [QueryNode?]
    let ruleIndex: (String) -> Int?
    let regex: (Int, RegexQuery) -> CompiledRegex?
    var memo: [Int: Bool] = [:]
    var visiting = Set<Int>()
    let scratch = RegexScratch()

    init(nodes: [QueryNode?], ruleIndex: @escaping (String) -> Int?, regex: @escaping (Int, RegexQuery) -> CompiledRegex?) {
        self.nodes = nodes
        self.ruleIndex = ruleIndex
        self.regex = regex
    }

    mutating func isTrue(rule index: Int) -> Bool {
        if let known = memo[index] { return known }
        guard let node = nodes[index], visiting.insert(index).inserted else { return false }
        let value = evaluate(node, rule: index)
        visiting.remove(index)
        memo[index] = value
        return value
    }

    mutating func evaluate(_ node: QueryNode, rule: Int) -> Bool {
        switch node {
        case .text, .field, .near: return false
        case .regex(let query):
            guard let compiled = regex(rule, query) else { return false }
            if case .match = compiled.firstMatch(in: "", scratch: scratch) { return true }
            return false
        case .ruleReference(let reference):
            guard let target = ruleIndex(reference.id) else { return false }
            return isTrue(rule: target)
        case .not(let negation): return !evaluate(negation.operand, rule: rule)
        case .and(let group):
            for operand in group.operands where !evaluate(operand, rule: rule) { return false }
            return true
        case .or(let group):
            for operand in group.operands where evaluate(operand, rule: rule) { return true }
            return false
        }
    }
}
