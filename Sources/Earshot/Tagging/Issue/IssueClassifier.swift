import EarshotEngine
import EarshotPlan
import EarshotSyntax
import EarshotText

/// Gives each mention exactly one issue type from an issue pack: a rules file whose rules carry
/// `tags.issue_type` (tagging.md "Issue type"). Rules without that tag are helpers (hubs such as
/// `brand`) and never decide a label.
///
/// When issue rules of several labels match, ``IssueType/tieBreakOrder`` decides; among rules of
/// one label the first in file order is reported. The user's own matching rules take precedence:
/// when any of them has `tags.issue_type`, the pack is not consulted for the label, and the same
/// tie-break order chooses among the user's labels (then their file order).
///
/// ```swift
/// let classifier = try IssueClassifier(yaml: """
///     version: 1
///     rules:
///       - id: crash
///         query: 'crash* OR freez*'
///         tags: {issue_type: app_crash_bug}
///     """)
/// classifier.classify("the app keeps crashing").issueType   // .appCrashBug
/// ```
public struct IssueClassifier: Sendable {
    let plan: PlannedRuleSet
    let matcher: CompiledMatcher
    /// `tags.issue_type` of each rule, by rule index.
    let labels: [IssueType?]

    /// Uses an already planned rule set as the issue pack.
    public init(pack: PlannedRuleSet) {
        self.plan = pack
        self.matcher = CompiledMatcher(pack)
        self.labels = pack.rules.map { rule in
            rule.tags.first { $0.key == IssueClassifier.tagKey }.map { IssueType($0.value) }
        }
    }

    /// The same pack compiled again, for another worker thread (see `MentionMatcher.replica()`).
    public func replica() -> IssueClassifier { IssueClassifier(pack: plan) }

    /// Parses and compiles an issue pack from YAML (or JSON) text.
    /// - Throws: ``CompileFailure`` with every error of the pack.
    public init(yaml: String, path: String = "<issue pack>") throws(CompileFailure) {
        self.init(pack: try PlannedRuleSet.build(yaml: yaml, path: path))
    }

    /// The tag that names a rule's issue type.
    public static let tagKey = "issue_type"

    /// The ids of the pack's issue rules (those with `tags.issue_type`), in file order.
    public var issueRuleIDs: [String] {
        plan.rules.indices.filter { labels[$0] != nil }.map { plan.rules[$0].id }
    }

    /// Classifies a mention that the user's rules matched.
    /// - Parameter userRuleTags: the matching user rules' ids and tags, in rules-file order.
    public func classify(
        _ mention: AnalyzedMention, userRuleTags: [(rule: String, tags: [(key: String, value: String)])] = []
    ) -> IssueDecision {
        let hits = packHits(mention)
        let userHits = userRuleTags.enumerated().compactMap { position, rule -> (rank: Int, position: Int, rule: String, label: IssueType)? in
            guard let label = rule.tags.first(where: { $0.key == IssueClassifier.tagKey }) else { return nil }
            let type = IssueType(label.value)
            return (type.tieBreakRank, position, rule.rule, type)
        }
        if let best = userHits.min(by: { ($0.rank, $0.position) < ($1.rank, $1.position) }) {
            return IssueDecision(issueType: best.label, source: .userRule(best.rule), packHits: hits)
        }
        guard let winner = hits.first else {
            return IssueDecision(issueType: .none, source: .noRule, packHits: [])
        }
        return IssueDecision(issueType: winner.issueType, source: .packRule(winner.rule), packHits: hits)
    }

    /// Classifies a plain text with no other fields.
    public func classify(_ text: String) -> IssueDecision {
        classify(AnalyzedMention(Mention(text: text)))
    }

    /// The pack's matching issue rules, best first.
    func packHits(_ mention: AnalyzedMention) -> [IssueDecision.RuleHit] {
        let matched = matcher.match(mention, wantSpans: false).rules
        let ranked = matched.compactMap { index -> (rank: Int, index: Int, hit: IssueDecision.RuleHit)? in
            guard let label = labels[index] else { return nil }
            return (label.tieBreakRank, index, IssueDecision.RuleHit(rule: plan.rules[index].id, issueType: label))
        }
        return ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.hit)
    }
}

extension IssueClassifier {
    /// The tags of a pack rule (empty for an unknown id).
    public func tags(ofRule id: String) -> [(key: String, value: String)] {
        plan.index(ofRuleID: id).map { plan.rules[$0].tags } ?? []
    }
}

extension IssueClassifier {
    /// Explains one pack rule on a mention, node by node (for `earshot explain`).
    public func explain(ruleID: String, in mention: AnalyzedMention) -> QueryExplanation? {
        ReferenceEvaluator(plan).explain(ruleID: ruleID, in: mention)
    }
}

extension IssueClassifier {
    /// The query text of a pack rule.
    public func query(ofRule id: String) -> String? {
        plan.index(ofRuleID: id).map { plan.rules[$0].definition.query }
    }
}

extension IssueClassifier {
    /// The JSON paths the pack's `field:` queries read.
    public var jsonFieldPaths: [[String]] { plan.jsonFieldPaths }
}
