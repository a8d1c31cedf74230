import EarshotEngine
import EarshotPlan

/// A compiled, immutable set of listening rules: load once, match many mentions, share across
/// threads.
///
/// ```swift
/// let rules = try RuleSet(yaml: """
///     version: 1
///     rules:
///       - id: crash
///         query: 'spotify AND (crash* OR freez*) -job'
///     """)
/// rules.match("Spotify keeps crashing").ruleIDs   // ["crash"]
/// ```
public struct RuleSet: Sendable {
    let plan: PlannedRuleSet
    let evaluator: ReferenceEvaluator

    /// Warnings found while compiling (errors throw instead).
    public let warnings: [Diagnostic]

    /// Compiles a parsed rules file.
    /// - Throws: ``CompileFailure`` with every error (and warning) when any rule has an error.
    public init(ruleFile: RuleFile) throws(CompileFailure) {
        let plan = try PlannedRuleSet.build(ruleFile)
        self.plan = plan
        self.evaluator = ReferenceEvaluator(plan)
        self.warnings = plan.warnings
    }

    /// Parses and compiles rules from YAML (or JSON) text.
    /// - Parameter path: the name shown in diagnostics.
    public init(yaml source: String, path: String = "<string>") throws(CompileFailure) {
        let parsed = RuleFile.parse(source: source, path: path)
        guard let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CompileFailure(diagnostics: parsed.diagnostics)
        }
        try self.init(ruleFile: file)
    }

    /// Reads, parses and compiles a rules file.
    public init(contentsOfFile path: String) throws(CompileFailure) {
        let parsed = RuleFile.load(path: path)
        guard let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CompileFailure(diagnostics: parsed.diagnostics)
        }
        try self.init(ruleFile: file)
    }

    /// The built-in support pack for a brand and handle (see ``DefaultRulePack``).
    public static func defaultPack(
        brand: String = DefaultRulePack.defaultBrand, handle: String = DefaultRulePack.defaultHandle
    ) throws(CompileFailure) -> RuleSet {
        let yaml: String
        do {
            yaml = try DefaultRulePack.yaml(brand: brand, handle: handle)
        } catch {
            throw CompileFailure(diagnostics: [
                Diagnostic(code: .invalidRulesFile, severity: .error, message: error.description, file: "<default>")
            ])
        }
        return try RuleSet(yaml: yaml, path: "<default>")
    }

    /// Every rule id, in rules-file order (disabled rules included; they never match).
    public var ruleIDs: [String] { plan.rules.map(\.id) }

    /// Matches one mention.
    /// - Parameter spans: also report which byte ranges satisfied each rule.
    /// - Complexity: linear in rules × tokens for the reference evaluator.
    public func match(_ mention: Mention, spans: Bool = false) -> MatchResult {
        let matches = evaluator.evaluate(AnalyzedMention(mention))
        let ids = matches.ruleIndices.map { plan.rules[$0].id }
        var spanMap: [String: [Range<Int>]] = [:]
        if spans {
            for index in matches.ruleIndices { spanMap[plan.rules[index].id] = matches.spans[index] ?? [] }
        }
        return MatchResult(ruleIDs: ids, spans: spanMap)
    }

    /// Matches a plain text with no other fields.
    public func match(_ text: String, spans: Bool = false) -> MatchResult {
        match(Mention(text: text), spans: spans)
    }

    /// The matcher `earshot match` streams through.
    public var streamMatcher: any MentionMatcher {
        ReferenceStreamMatcher(
            ruleIDs: ruleIDs, ruleTags: plan.rules.map(\.definition.tags), evaluator: evaluator)
    }
}

/// What matched one mention.
public struct MatchResult: Sendable, Hashable {
    /// Matching rule ids in rules-file order.
    public var ruleIDs: [String]
    /// With `spans: true`, the UTF-8 byte ranges (in the NFC text) that satisfied each rule.
    public var spans: [String: [Range<Int>]]
}

/// Adapts the reference evaluator to the stream's matcher protocol.
struct ReferenceStreamMatcher: MentionMatcher {
    let ruleIDs: [String]
    let ruleTags: [[(key: String, value: String)]]
    let evaluator: ReferenceEvaluator

    func match(_ mention: AnalyzedMention, wantSpans: Bool) -> MentionMatch {
        let result = evaluator.evaluate(mention)
        return MentionMatch(
            ruleIndices: result.ruleIndices, spans: wantSpans ? result.spans : [:],
            regexLimitHits: result.regexLimitHits)
    }
}
