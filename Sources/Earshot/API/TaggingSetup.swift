import EarshotPlan

/// How `earshot match` and `earshot tag` tag mentions: the issue pack, the handle and the
/// sentiment lexicon, gathered in one place.
///
/// ```swift
/// let tagger = try TaggingSetup(handle: "SpotifyCares").makeTagger()
/// let tags = tagger.tag(AnalyzedMention(Mention(text: "@SpotifyCares I was charged twice")))
/// tags.issue.issueType   // .billing
/// ```
public struct TaggingSetup: Sendable, Hashable {
    /// The brand the built-in issue pack is filled in for.
    public var brand = DefaultRulePack.defaultBrand
    /// The support handle: `direct` mentions address it.
    public var handle = DefaultRulePack.defaultHandle
    /// A rules file that replaces the built-in issue pack (`--issue-pack`).
    public var issuePackPath: String?
    /// The sentiment lexicon (`--sentiment-lexicon`).
    public var lexicon = SentimentLexicon.vaderWithSupportOverlay

    /// The default setup: the built-in pack for Spotify / SpotifyCares, the support overlay on.
    public init(brand: String = DefaultRulePack.defaultBrand, handle: String = DefaultRulePack.defaultHandle) {
        self.brand = brand
        self.handle = handle
    }

    /// Compiles the issue pack and builds the tagger.
    /// - Throws: ``CompileFailure`` when the issue pack has errors.
    public func makeTagger() throws(CompileFailure) -> Tagger {
        Tagger(issues: try makeIssueClassifier(), handle: handle, sentiment: SentimentScorer(lexicon: lexicon))
    }

    /// Compiles the issue pack alone.
    public func makeIssueClassifier() throws(CompileFailure) -> IssueClassifier {
        if let issuePackPath {
            let parsed = RuleFile.load(path: issuePackPath)
            guard let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
                throw CompileFailure(diagnostics: parsed.diagnostics)
            }
            return IssueClassifier(pack: try PlannedRuleSet.build(file))
        }
        return try IssueClassifier(yaml: DefaultRulePack.compiledYAML(brand: brand, handle: handle), path: "<default>")
    }
}

extension RuleSet {
    /// Matches one mention and, when any rule matched, tags it.
    ///
    /// ```swift
    /// let rules = try RuleSet.defaultPack()
    /// let tagger = try TaggingSetup().makeTagger()
    /// let (match, tags) = rules.matchAndTag(Mention(text: "Spotify keeps crashing"), tagger: tagger)
    /// tags?.issue.issueType   // .appCrashBug
    /// ```
    public func matchAndTag(_ mention: Mention, tagger: Tagger, spans: Bool = false) -> (MatchResult, MentionTags?) {
        let analyzed = AnalyzedMention(mention)
        let matches = engine.match(analyzed, wantSpans: spans)
        var spanMap: [String: [Range<Int>]] = [:]
        if spans {
            for index in matches.ruleIndices { spanMap[plan.rules[index].id] = matches.spans[index] ?? [] }
        }
        let result = MatchResult(ruleIDs: matches.ruleIndices.map { plan.rules[$0].id }, spans: spanMap)
        guard !matches.ruleIndices.isEmpty else { return (result, nil) }
        let userRules = matches.ruleIndices.map { (rule: plan.rules[$0].id, tags: plan.rules[$0].tags) }
        return (result, tagger.tag(analyzed, userRules: userRules))
    }
}
