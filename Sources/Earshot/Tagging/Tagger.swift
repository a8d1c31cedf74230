import EarshotText

/// Everything tagging says about one matched mention.
public struct MentionTags: Sendable {
    /// The issue type and the rule that decided it.
    public var issue: IssueDecision
    /// The sentiment score.
    public var sentiment: SentimentScore
    /// How the mention relates to the handle.
    public var kind: MentionKind
    /// Whether it belongs in the support queue, and why.
    public var response: ResponseDecision
    /// The computed priority, or `nil` when a matching rule's `priority` tag already sets it.
    public var computedPriority: Priority?
}

/// Runs every tagger of tagging.md on a matched mention: issue type, sentiment, kind,
/// needs-response and priority. Immutable and shareable across threads.
///
/// ```swift
/// let tagger = Tagger(issues: try IssueClassifier(yaml: packYAML), handle: "SpotifyCares")
/// let tags = tagger.tag(AnalyzedMention(Mention(text: "@SpotifyCares charged twice!!")))
/// tags.kind            // .direct
/// tags.response.needsResponse   // true
/// ```
public struct Tagger: Sendable {
    /// The issue classifier.
    public private(set) var issues: IssueClassifier
    /// The sentiment scorer.
    public let sentiment: SentimentScorer
    /// The kind classifier (knows the handle).
    public let kinds: KindClassifier

    /// - Parameters:
    ///   - issues: the issue pack.
    ///   - handle: the brand's support handle (`--handle`).
    ///   - sentiment: the sentiment scorer (overlay on by default).
    public init(issues: IssueClassifier, handle: String, sentiment: SentimentScorer = SentimentScorer()) {
        self.issues = issues
        self.sentiment = sentiment
        self.kinds = KindClassifier(handle: handle)
    }

    /// A tagger with its own compiled issue pack, for another worker thread; the sentiment
    /// lexicon is read-only and stays shared.
    public func replica() -> Tagger {
        var copy = self
        copy.issues = issues.replica()
        return copy
    }

    /// Tags one mention.
    /// - Parameter userRules: the user's matching rules with their tags, in rules-file order.
    public func tag(
        _ mention: AnalyzedMention, userRules: [(rule: String, tags: [(key: String, value: String)])] = []
    ) -> MentionTags {
        let issue = issues.classify(mention, userRuleTags: userRules)
        let score = sentiment.score(mention.mention.texts.joined(separator: "\n"), lang: mention.mention.lang)
        let kind = kinds.kind(of: mention)
        let response = respond(
            mention, issue: issue, sentiment: score.label, kind: kind, userRules: userRules)
        let ruleSetsPriority = userRules.contains { $0.tags.contains { $0.key == Priority.tagKey } }
        let priority = ruleSetsPriority ? nil : Tagger.priority(issue: issue.issueType, sentiment: score.label, kind: kind)
        return MentionTags(issue: issue, sentiment: score, kind: kind, response: response, computedPriority: priority)
    }

    /// tagging.md: `high` for outages and for negative direct mentions with account or billing
    /// issues, else `normal`.
    public static func priority(issue: IssueType, sentiment: SentimentLabel, kind: MentionKind) -> Priority {
        if issue == .outage { return .high }
        if kind == .direct, sentiment == .negative, issue == .accountLogin || issue == .billing { return .high }
        return .normal
    }

    /// The needs-response decision (see ``ResponseDecision``).
    func respond(
        _ mention: AnalyzedMention, issue: IssueDecision, sentiment: SentimentLabel, kind: MentionKind,
        userRules: [(rule: String, tags: [(key: String, value: String)])]
    ) -> ResponseDecision {
        if let (rule, value) = overridingTag(issue: issue, userRules: userRules) {
            return ResponseDecision(needsResponse: value, reason: .ruleTag(rule: rule))
        }
        if kind == .repost { return ResponseDecision(needsResponse: false, reason: .repost) }
        if kinds.isWrittenByHandle(mention) { return ResponseDecision(needsResponse: false, reason: .writtenByHandle) }
        if kind == .direct { return ResponseDecision(needsResponse: true, reason: .direct) }
        guard issue.issueType != .none else { return ResponseDecision(needsResponse: false, reason: .noIssue) }
        if sentiment == .positive { return ResponseDecision(needsResponse: false, reason: .issueButPositive) }
        return ResponseDecision(needsResponse: true, reason: .issueNotPositive)
    }

    /// The first `needs_response: true|false` tag among the user's matching rules, then the
    /// deciding issue rule's.
    func overridingTag(
        issue: IssueDecision, userRules: [(rule: String, tags: [(key: String, value: String)])]
    ) -> (String, Bool)? {
        for (rule, tags) in userRules {
            if let value = Tagger.booleanTag(ResponseDecision.tagKey, in: tags) { return (rule, value) }
        }
        if case .packRule(let rule) = issue.source,
            let value = Tagger.booleanTag(ResponseDecision.tagKey, in: issues.tags(ofRule: rule))
        {
            return (rule, value)
        }
        return nil
    }

    static func booleanTag(_ key: String, in tags: [(key: String, value: String)]) -> Bool? {
        guard let value = tags.first(where: { $0.key == key })?.value.lowercased() else { return nil }
        switch value {
        case "true", "yes": return true
        case "false", "no": return false
        default: return nil
        }
    }
}
