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
    let engine: Engine

    /// Which evaluator answers ``match(_:spans:)``.
    ///
    /// The default is ``compiled``.
    public enum EngineKind: String, Sendable, Hashable, CaseIterable {
        /// Presearch over all rules, then exact verification of the candidates.
        case compiled
        /// Every rule evaluated by the simple reference evaluator (the test oracle; slow).
        case reference
    }

    /// The engine behind this rule set.
    enum Engine: Sendable {
        case compiled(CompiledMatcher)
        case reference(ReferenceEvaluator)
    }

    /// Warnings found while compiling (errors throw instead).
    public let warnings: [Diagnostic]

    /// Compiles a parsed rules file.
    /// - Throws: ``CompileFailure`` with every error (and warning) when any rule has an error.
    public init(ruleFile: RuleFile, engine: EngineKind = .compiled) throws(CompileFailure) {
        try self.init(ruleFile: ruleFile, engine: engine, fileWarnings: [])
    }

    /// Compiles a parsed file, keeping the warnings found while reading it.
    init(ruleFile: RuleFile, engine: EngineKind, fileWarnings: [Diagnostic]) throws(CompileFailure) {
        let plan = try PlannedRuleSet.build(ruleFile)
        self.plan = plan
        switch engine {
        case .compiled: self.engine = .compiled(CompiledMatcher(plan))
        case .reference: self.engine = .reference(ReferenceEvaluator(plan))
        }
        self.warnings = fileWarnings + plan.warnings
    }

    /// Parses and compiles rules from YAML (or JSON) text.
    /// - Parameter path: the name shown in diagnostics.
    public init(yaml source: String, path: String = "<string>", engine: EngineKind = .compiled) throws(CompileFailure) {
        let parsed = RuleFile.parse(source: source, path: path)
        guard let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CompileFailure(diagnostics: parsed.diagnostics)
        }
        try self.init(ruleFile: file, engine: engine, fileWarnings: parsed.diagnostics)
    }

    /// Reads, parses and compiles a rules file.
    public init(contentsOfFile path: String, engine: EngineKind = .compiled) throws(CompileFailure) {
        let parsed = RuleFile.load(path: path)
        guard let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CompileFailure(diagnostics: parsed.diagnostics)
        }
        try self.init(ruleFile: file, engine: engine, fileWarnings: parsed.diagnostics)
    }

    /// The built-in support pack for a brand and handle (see ``DefaultRulePack``).
    public static func defaultPack(
        brand: String = DefaultRulePack.defaultBrand, handle: String = DefaultRulePack.defaultHandle
    ) throws(CompileFailure) -> RuleSet {
        try RuleSet(yaml: DefaultRulePack.compiledYAML(brand: brand, handle: handle), path: "<default>")
    }

    /// Every rule id, in rules-file order (disabled rules included; they never match).
    public var ruleIDs: [String] { plan.rules.map(\.id) }

    /// Matches one mention.
    /// - Parameter spans: also report which byte ranges satisfied each rule.
    /// - Complexity: for the compiled engine, linear in the mention's tokens plus the candidates'
    ///   verification; for the reference engine, linear in rules × tokens.
    public func match(_ mention: Mention, spans: Bool = false) -> MatchResult {
        let matches = engine.match(AnalyzedMention(mention), wantSpans: spans)
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
        EngineStreamMatcher(
            ruleIDs: ruleIDs, ruleTags: plan.rules.map(\.definition.tags), engine: engine, plan: plan,
            jsonFieldPaths: plan.jsonFieldPaths)
    }
}

/// What matched one mention.
public struct MatchResult: Sendable, Hashable {
    /// Matching rule ids in rules-file order.
    public var ruleIDs: [String]
    /// With `spans: true`, the UTF-8 byte ranges (in the NFC text) that satisfied each rule.
    public var spans: [String: [Range<Int>]]
}

/// Adapts either engine to the stream's matcher protocol.
struct EngineStreamMatcher: MentionMatcher {
    let ruleIDs: [String]
    let ruleTags: [[(key: String, value: String)]]
    let engine: RuleSet.Engine
    /// The plan the engine was compiled from, to compile replicas.
    let plan: PlannedRuleSet

    let jsonFieldPaths: [[String]]?

    func match(_ mention: AnalyzedMention, wantSpans: Bool) -> MentionMatch {
        engine.match(mention, wantSpans: wantSpans)
    }

    /// Rule sets larger than this are shared by the workers rather than replicated: compiling a
    /// replica costs about 8 ms per thousand rules of start-up time and its own memory, which a
    /// large rule set would pay for every extra thread.
    static let replicaRuleLimit = 20_000

    /// The compiled engine is built again from the plan (about 80 ms at 10k rules), so a
    /// worker's index and programs are its own; the reference engine, and rule sets over
    /// ``replicaRuleLimit`` rules, are shared.
    func replica() -> any MentionMatcher {
        guard case .compiled = engine, ruleIDs.count <= Self.replicaRuleLimit else { return self }
        return EngineStreamMatcher(
            ruleIDs: ruleIDs, ruleTags: ruleTags, engine: .compiled(CompiledMatcher(plan)), plan: plan,
            jsonFieldPaths: jsonFieldPaths)
    }
}

extension RuleSet.Engine {
    /// Matches with whichever engine this is.
    func match(_ mention: AnalyzedMention, wantSpans: Bool) -> MentionMatch {
        switch self {
        case .compiled(let matcher):
            let result = matcher.match(mention, wantSpans: wantSpans)
            return MentionMatch(ruleIndices: result.rules, spans: result.spans, regexLimitHits: result.regexLimitHits)
        case .reference(let evaluator):
            let result = evaluator.evaluate(mention)
            return MentionMatch(
                ruleIndices: result.ruleIndices, spans: wantSpans ? result.spans : [:],
                regexLimitHits: result.regexLimitHits)
        }
    }
}
