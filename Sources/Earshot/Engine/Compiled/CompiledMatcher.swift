import EarshotPlan
import EarshotRegex
import EarshotSyntax
import EarshotText

/// The fast engine: one presearch over the whole rule set yields candidate rules, and only the
/// candidates are verified exactly. Immutable and `Sendable`; share one across threads and give
/// each worker its own ``MatcherScratch`` (``makeScratch()``).
///
/// ```swift
/// let plan = try PlannedRuleSet.build(yaml: yaml)
/// let matcher = CompiledMatcher(plan)
/// let scratch = matcher.makeScratch()
/// let hits = matcher.match(AnalyzedMention(Mention(text: "Spotify keeps crashing")), scratch: scratch)
/// ```
package struct CompiledMatcher: Sendable {
    /// Rule count (disabled rules included).
    package let ruleCount: Int
    let presearcher: Presearcher
    let verifier: Verifier
    /// Whether each rule is emitted (enabled).
    let emitted: [Bool]
    /// Why each unindexable rule is verified on every mention (for `earshot check`).
    package let alwaysVerifiedReasons: [(rule: Int, reason: String)]
    let pool: ScratchPool

    /// Compiles a checked rule set.
    package init(_ plan: PlannedRuleSet) {
        let rules = plan.rules
        ruleCount = rules.count
        var indexByID: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { indexByID[rule.id] = index }
        // How many rules mention each key: vocabulary shared by many rules (issue words across
        // brands) is usually common in mentions too, so an AND prefers its rarer children.
        var ruleFrequency: [LiteralKey: Int] = [:]
        let counting = RequiredLiterals(referenced: { _ in nil })
        for rule in rules {
            for key in counting.allKeys(of: rule.query) { ruleFrequency[key, default: 0] += 1 }
        }
        let weight: (LiteralKey) -> Double = { key in key.cost * Double(1 + (ruleFrequency[key] ?? 0)) }
        // Requirements, computed on demand so referenced rules are done first (Plan rejects cycles).
        var requirements = [Requirement?](repeating: nil, count: rules.count)
        func requirement(of index: Int) -> Requirement {
            if let known = requirements[index] { return known }
            let literals = RequiredLiterals(referenced: { id in indexByID[id].map(requirement(of:)) }, weight: weight)
            let computed = literals.requirement(of: rules[index].query)
            requirements[index] = computed
            return computed
        }
        var indexed = [Requirement?](repeating: nil, count: rules.count)
        var reasons: [(Int, String)] = []
        for index in rules.indices where rules[index].enabled {
            let computed = requirement(of: index)
            indexed[index] = computed
            if case .unindexable(let reason) = computed { reasons.append((index, reason)) }
        }
        presearcher = Presearcher(requirements: indexed)
        alwaysVerifiedReasons = reasons
        verifier = Verifier(
            programs: rules.map { rule in
                VerifyNode.lower(
                    rule.query, regexes: { plan.compiledRegex(for: $0, inRule: rule.index) },
                    ruleIndex: { indexByID[$0] })
            })
        emitted = rules.map(\.enabled)
        pool = ScratchPool(ruleCount: rules.count)
    }

    /// A scratch for one worker thread.
    package func makeScratch() -> MatcherScratch { MatcherScratch(ruleCount: ruleCount) }

    /// The matching enabled rules, in rules-file order, and the rules whose regex hit a limit.
    /// - Complexity: O(tokens × prefix lengths) for presearch plus the cost of verifying candidates.
    package func match(_ mention: AnalyzedMention, scratch: MatcherScratch) -> (rules: [Int], regexLimitHits: [Int]) {
        scratch.reset()
        presearcher.forEachCandidate(of: mention, keyBuffer: &scratch.keyBuffer) { scratch.addCandidate($0) }
        var matched: [Int] = []
        for candidate in scratch.candidates {
            let index = Int(candidate)
            if emitted[index], verifier.matches(rule: index, in: mention, scratch: scratch) { matched.append(index) }
        }
        matched.sort()
        return (matched, scratch.regexLimitHits.sorted())
    }

    /// Matches using a pooled scratch (convenient; workers should pass their own), with the
    /// spans of each matching rule when asked.
    package func match(_ mention: AnalyzedMention, wantSpans: Bool) -> (
        rules: [Int], spans: [Int: [Range<Int>]], regexLimitHits: [Int]
    ) {
        pool.withScratch { scratch in
            let result = match(mention, scratch: scratch)
            var spans: [Int: [Range<Int>]] = [:]
            if wantSpans {
                for rule in result.rules { spans[rule] = verifier.spans(rule: rule, in: mention, scratch: scratch) }
            }
            return (result.rules, spans, result.regexLimitHits)
        }
    }

    /// How many candidates presearch produced for a mention (tests assert presearch quality).
    package func candidateCount(_ mention: AnalyzedMention) -> Int {
        pool.withScratch { scratch in
            scratch.reset()
            presearcher.forEachCandidate(of: mention, keyBuffer: &scratch.keyBuffer) { scratch.addCandidate($0) }
            return scratch.candidates.count
        }
    }

    /// Approximate heap bytes of the presearch index.
    package var indexMemoryUsage: Int { presearcher.memoryUsage }
}
