import EarshotPlan
import EarshotRegex
import EarshotSyntax
import EarshotText

/// What the reference evaluator found for one mention.
public struct RuleMatches: Sendable, Hashable {
    /// Matching enabled rules, in file order.
    public var ruleIndices: [Int]
    /// Per matching rule: byte ranges of the positive parts that matched.
    public var spans: [Int: [Range<Int>]]
    /// Rules whose regex hit a PCRE2 limit on this mention.
    public var regexLimitHits: [Int]
}

/// The oracle: the simplest obviously-correct evaluation of every rule's AST over a tokenized
/// mention, straight from rules.md, with linear scans and no indexing. The fast engine is
/// tested against it; it is not meant to be fast.
///
/// ```swift
/// let evaluator = ReferenceEvaluator(try PlannedRuleSet.build(yaml: yaml))
/// evaluator.evaluate(AnalyzedMention(Mention(text: "Spotify keeps crashing"))).ruleIndices
/// ```
public struct ReferenceEvaluator: Sendable {
    let plan: PlannedRuleSet

    /// Creates an evaluator over a checked rule set.
    public init(_ plan: PlannedRuleSet) { self.plan = plan }

    /// Evaluates every enabled rule on the mention.
    public func evaluate(_ mention: AnalyzedMention) -> RuleMatches {
        var run = ReferenceRun(plan: plan, mention: mention)
        var matched: [Int] = []
        var spans: [Int: [Range<Int>]] = [:]
        for rule in plan.rules where rule.enabled && run.ruleMatches(rule.index) {
            matched.append(rule.index)
            var ranges = Set<Range<Int>>()
            var seen = Set<Int>()
            run.collectSpans(rule.query, rule: rule.index, into: &ranges, seen: &seen)
            spans[rule.index] = ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        }
        return RuleMatches(ruleIndices: matched, spans: spans, regexLimitHits: run.limitHits.sorted())
    }
}

/// One mention's evaluation: memoized rule results and regex limit hits.
struct ReferenceRun {
    let plan: PlannedRuleSet
    let mention: AnalyzedMention
    let scratch = RegexScratch()
    var results: [Int: Bool] = [:]
    var limitHits = Set<Int>()

    init(plan: PlannedRuleSet, mention: AnalyzedMention) {
        self.plan = plan
        self.mention = mention
    }

    mutating func ruleMatches(_ index: Int) -> Bool {
        if let known = results[index] { return known }
        let value = evaluate(plan.rules[index].query, rule: index)
        results[index] = value
        return value
    }

    mutating func evaluate(_ node: QueryNode, rule: Int) -> Bool {
        switch node {
        case .text(let text):
            return !occurrences(of: text.patterns).isEmpty
        case .regex(let query):
            return !regexMatches(query, rule: rule).isEmpty
        case .field(let field):
            return ReferenceFields(mention: mention).holds(field)
        case .ruleReference(let reference):
            guard let target = plan.index(ofRuleID: reference.id) else { return false }
            return ruleMatches(target)
        case .not(let negation):
            return !evaluate(negation.operand, rule: rule)
        case .and(let group):
            return group.operands.allSatisfy { evaluate($0, rule: rule) }
        case .or(let group):
            return group.operands.contains { evaluate($0, rule: rule) }
        case .near(let near):
            let lefts = operandOccurrences(near.left)
            let rights = operandOccurrences(near.right)
            return lefts.contains { a in
                rights.contains { b in
                    let between: Int
                    if a.last < b.first {
                        between = b.first - a.last - 1
                    } else if b.last < a.first, !near.ordered {
                        between = a.first - b.last - 1
                    } else {
                        return false  // overlapping, or in the wrong order for NEAR/nf
                    }
                    return between <= near.distance
                }
            }
        }
    }

    /// A NEAR operand's occurrences: a term or phrase, or the union over an OR-group.
    func operandOccurrences(_ node: QueryNode) -> [(first: Int, last: Int, bytes: Range<Int>)] {
        switch node {
        case .text(let text): return occurrences(of: text.patterns)
        case .or(let group): return group.operands.flatMap(operandOccurrences)
        default: return []
        }
    }

    /// Every place where the patterns occur at consecutive positions.
    func occurrences(of patterns: [TokenPattern]) -> [(first: Int, last: Int, bytes: Range<Int>)] {
        let tokens = mention.text.tokens
        var found: [(first: Int, last: Int, bytes: Range<Int>)] = []
        // Try every token as the start; extend through tokens at the following positions.
        var partial: [(first: Int, last: Int, bytes: Range<Int>)] = tokens.filter { accepts(patterns[0], $0) }
            .map { ($0.position, $0.lastPosition, $0.byteRange) }
        for pattern in patterns.dropFirst() {
            var next: [(first: Int, last: Int, bytes: Range<Int>)] = []
            for occurrence in partial {
                for token in tokens where token.position == occurrence.last + 1 && accepts(pattern, token) {
                    next.append((occurrence.first, token.lastPosition, occurrence.bytes.lowerBound..<token.byteRange.upperBound))
                }
            }
            partial = next
        }
        found = partial
        return found
    }

    /// Does a token satisfy a pattern? Kind first, then text (folded or exact), glob if wildcards.
    func accepts(_ pattern: TokenPattern, _ token: Token) -> Bool {
        let kindMatches: Bool
        switch pattern.kind {
        case .word: kindMatches = token.kind == .word
        case .mention: kindMatches = token.kind == .mention
        case .hashtag: kindMatches = token.kind == .hashtag
        case .cashtag: kindMatches = token.kind == .cashtag
        case .emoji: kindMatches = token.kind == .emoji
        }
        guard kindMatches else { return false }
        let text = pattern.exact ? token.exact : token.folded
        return pattern.hasWildcards ? Self.wildcard(Array(pattern.text.unicodeScalars), Array(text.unicodeScalars)) : text == pattern.text
    }

    mutating func regexMatches(_ query: RegexQuery, rule: Int) -> [Range<Int>] {
        guard let compiled = plan.compiledRegex(for: query, inRule: rule) else { return [] }
        let result = compiled.allMatches(in: mention.text.nfc, scratch: scratch)
        if result.limitExceeded, result.ranges.isEmpty {
            limitHits.insert(rule)
            return []
        }
        return result.ranges.isEmpty ? [] : result.ranges
    }

    /// Byte ranges of the positive parts of a matched rule (negations contribute nothing).
    mutating func collectSpans(_ node: QueryNode, rule: Int, into ranges: inout Set<Range<Int>>, seen: inout Set<Int>) {
        switch node {
        case .text(let text):
            for occurrence in occurrences(of: text.patterns) { ranges.insert(occurrence.bytes) }
        case .near(let near):
            for occurrence in operandOccurrences(near.left) + operandOccurrences(near.right) { ranges.insert(occurrence.bytes) }
        case .regex(let query):
            for range in regexMatches(query, rule: rule) where !range.isEmpty { ranges.insert(range) }
        case .ruleReference(let reference):
            guard let target = plan.index(ofRuleID: reference.id), seen.insert(target).inserted, ruleMatches(target) else { return }
            collectSpans(plan.rules[target].query, rule: target, into: &ranges, seen: &seen)
        case .and(let group):
            for operand in group.operands { collectSpans(operand, rule: rule, into: &ranges, seen: &seen) }
        case .or(let group):
            for operand in group.operands { collectSpans(operand, rule: rule, into: &ranges, seen: &seen) }
        case .field, .not:
            break
        }
    }
}
