import EarshotEngine

/// Everything `earshot explain` shows for one mention: each matching rule with the parts of
/// its query that held, and the tags with the rule or reason behind each.
public struct MentionExplanation: Sendable {
    /// One matching rule.
    public struct MatchedRule: Sendable {
        /// The rule id.
        public var id: String
        /// The rule's query text.
        public var query: String
        /// Node by node.
        public var explanation: QueryExplanation
    }

    /// The mention as tokenized.
    public var mention: AnalyzedMention
    /// The matching rules, in rules-file order.
    public var matchedRules: [MatchedRule]
    /// The tags (`nil` when nothing matched and tagging of unmatched mentions was not asked for).
    public var tags: MentionTags?
    /// The issue-pack rule that decided the issue type, explained node by node.
    public var decidingIssueRule: MatchedRule?
}

extension RuleSet {
    /// Explains how the rules and the tagger treat one mention.
    /// - Parameters:
    ///   - tagger: the tagger; `nil` explains matching only.
    ///   - tagUnmatched: tag the mention even when no rule matches (as `earshot tag` does).
    ///
    /// ```swift
    /// let why = try RuleSet.defaultPack().explain(Mention(text: "@SpotifyCares charged twice"),
    ///                                             tagger: try TaggingSetup().makeTagger())
    /// why.matchedRules.map(\.id)   // ["handle", "billing", …]
    /// ```
    public func explain(_ mention: Mention, tagger: Tagger?, tagUnmatched: Bool = false) -> MentionExplanation {
        let analyzed = AnalyzedMention(mention)
        let reference = ReferenceEvaluator(plan)
        let matched = reference.evaluate(analyzed).ruleIndices
        let rules = matched.compactMap { index -> MentionExplanation.MatchedRule? in
            let rule = plan.rules[index]
            return reference.explain(ruleID: rule.id, in: analyzed).map {
                MentionExplanation.MatchedRule(id: rule.id, query: rule.definition.query, explanation: $0)
            }
        }
        var tags: MentionTags?
        var deciding: MentionExplanation.MatchedRule?
        if let tagger, !matched.isEmpty || tagUnmatched {
            let userRules = matched.map { (rule: plan.rules[$0].id, tags: plan.rules[$0].tags) }
            let result = tagger.tag(analyzed, userRules: userRules)
            tags = result
            if case .packRule(let id) = result.issue.source, let explanation = tagger.issues.explain(ruleID: id, in: analyzed) {
                deciding = MentionExplanation.MatchedRule(
                    id: id, query: tagger.issues.query(ofRule: id) ?? explanation.source, explanation: explanation)
            }
        }
        return MentionExplanation(mention: analyzed, matchedRules: rules, tags: tags, decidingIssueRule: deciding)
    }
}
