import EarshotPlan
import EarshotRegex
import EarshotSyntax
import EarshotText

/// One mention's evaluation: memoized rule results and the rules whose regex hit a limit.
struct ReferenceRun {
    let plan: PlannedRuleSet
    let mention: AnalyzedMention
    let scratch: RegexScratch
    /// Results of the rules evaluated so far.
    var results: [Int: Bool] = [:]
    var limitHits = Set<Int>()

    init(plan: PlannedRuleSet, mention: AnalyzedMention, scratch: RegexScratch) {
        self.plan = plan
        self.mention = mention
        self.scratch = scratch
    }

    /// Whether rule `index` matches (evaluated once, then remembered). The planner rejects
    /// cycles and chains deeper than 64, so the recursion through references is bounded.
    mutating func ruleMatches(_ index: Int) -> Bool {
        if let known = results[index] { return known }
        let value = evaluate(plan.rules[index].query, rule: index)
        results[index] = value
        return value
    }

    /// The truth of one node of rule `rule`'s query.
    mutating func evaluate(_ node: QueryNode, rule: Int) -> Bool {
        switch node {
        case .text(let text):
            return !occurrences(of: text.patterns).isEmpty
        case .regex(let query):
            return regexMatches(query, rule: rule)
        case .field(let field):
            return ReferenceFields(mention: mention).holds(field)
        case .ruleReference(let reference):
            guard let target = plan.index(ofRuleID: reference.id) else { return false }
            return ruleMatches(target)
        case .not(let negation):
            return !evaluate(negation.operand, rule: rule)
        case .and(let group):
            var all = true
            for operand in group.operands where !evaluate(operand, rule: rule) { all = false }
            return all
        case .or(let group):
            var any = false
            for operand in group.operands where evaluate(operand, rule: rule) { any = true }
            return any
        case .near(let near):
            return nearHolds(near)
        }
    }

    /// rules.md §4: some occurrence of each operand with at most `distance` tokens strictly
    /// between them, in either order (left first for `NEAR/nf`); overlapping occurrences never
    /// count. Distance runs from the last position of the first occurrence to the first
    /// position of the second.
    func nearHolds(_ near: Proximity) -> Bool {
        let lefts = operandOccurrences(near.left)
        let rights = operandOccurrences(near.right)
        for a in lefts {
            for b in rights {
                if a.last < b.first, b.first - a.last - 1 <= near.distance { return true }
                if !near.ordered, b.last < a.first, a.first - b.last - 1 <= near.distance { return true }
            }
        }
        return false
    }

    /// Whether a regex matches the NFC text; a limit hit counts as no match and is recorded
    /// against the rule.
    mutating func regexMatches(_ query: RegexQuery, rule: Int) -> Bool {
        guard let compiled = plan.compiledRegex(for: query, inRule: rule) else { return false }
        switch compiled.firstMatch(in: mention.text.nfc, scratch: scratch) {
        case .match: return true
        case .noMatch: return false
        case .limitExceeded:
            limitHits.insert(rule)
            return false
        }
    }
}
