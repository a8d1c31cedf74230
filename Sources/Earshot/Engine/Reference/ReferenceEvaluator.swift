import EarshotPlan
import EarshotRegex
import EarshotText

/// What the reference evaluator found for one mention.
public struct RuleMatches: Sendable, Hashable {
    /// Matching enabled rules, in file order.
    public var ruleIndices: [Int]
    /// Per matching rule: the UTF-8 byte ranges in the NFC text of its positive parts that
    /// matched (every occurrence of its terms and phrases, of its NEAR operands, its regex
    /// matches, and the spans of the referenced rules that matched; negated parts contribute
    /// nothing), sorted and without duplicates.
    public var spans: [Int: [Range<Int>]]
    /// Rules (by index, ascending) whose regex hit a PCRE2 limit on this mention; such a regex
    /// counted as "no match" (rules.md §8).
    public var regexLimitHits: [Int]

    /// Creates a result.
    public init(ruleIndices: [Int], spans: [Int: [Range<Int>]], regexLimitHits: [Int]) {
        self.ruleIndices = ruleIndices
        self.spans = spans
        self.regexLimitHits = regexLimitHits
    }
}

/// The oracle: the simplest obviously-correct evaluation of every rule's AST over an analyzed
/// mention, read straight from rules.md, with linear scans and no indexing. Every other engine
/// is tested against it; it is not meant to be fast.
///
/// Each rule is evaluated at most once per mention: rule references are memoized, and a
/// referenced rule is evaluated even when it is disabled (it is just never reported).
///
/// ```swift
/// let evaluator = ReferenceEvaluator(try PlannedRuleSet.build(yaml: yaml))
/// let scratch = evaluator.makeScratch()
/// evaluator.evaluate(AnalyzedMention(Mention(text: "Spotify keeps crashing")), scratch: scratch).ruleIndices
/// ```
public struct ReferenceEvaluator: Sendable {
    /// The checked rule set it evaluates.
    public let plan: PlannedRuleSet

    /// Creates an evaluator over a checked rule set.
    public init(_ plan: PlannedRuleSet) { self.plan = plan }

    /// Per-thread regex state to pass to ``evaluate(_:scratch:)``.
    public func makeScratch() -> RegexScratch { RegexScratch() }

    /// Evaluates every enabled rule on the mention.
    /// - Parameters:
    ///   - mention: the tokenized mention.
    ///   - scratch: this thread's regex state (from ``makeScratch()``).
    /// - Returns: the matching enabled rules in file order, their spans and regex limit hits.
    /// - Complexity: O(rules × tokens² × pattern length) in the worst case; meant for tests.
    public func evaluate(_ mention: AnalyzedMention, scratch: RegexScratch) -> RuleMatches {
        var run = ReferenceRun(plan: plan, mention: mention, scratch: scratch)
        var matched: [Int] = []
        var spans: [Int: [Range<Int>]] = [:]
        for rule in plan.rules where rule.enabled && run.ruleMatches(rule.index) {
            matched.append(rule.index)
            spans[rule.index] = run.spans(ofRule: rule.index)
        }
        return RuleMatches(ruleIndices: matched, spans: spans, regexLimitHits: run.limitHits.sorted())
    }

    /// Evaluates every enabled rule on the mention with a fresh scratch.
    public func evaluate(_ mention: AnalyzedMention) -> RuleMatches {
        evaluate(mention, scratch: makeScratch())
    }
}
