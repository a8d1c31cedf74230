import EarshotRegex
import EarshotSyntax
import EarshotText

/// One checked rule: parsed, references resolved, regexes compiled.
public struct PlannedRule: Sendable {
    /// The rule id.
    public let id: String
    /// Its index in the rules file (and in ``PlannedRuleSet/rules``).
    public let index: Int
    /// The rule as written.
    public let definition: RuleDefinition
    /// The parsed query.
    public let query: QueryNode
    /// Indices of the rules this rule references directly, in query order, without repeats.
    public let references: [Int]
    /// The compiled form of each regex of the query, keyed by the regex node's
    /// `span.start.offset` (see ``compiledRegex(for:)``).
    public let regexes: [Int: CompiledRegex]

    /// `tags`, in file order.
    public var tags: [(key: String, value: String)] { definition.tags }
    /// Whether the rule is emitted. `enabled: false` rules are still checked, and other rules
    /// may reference them: a referenced disabled rule is evaluated, just never reported.
    public var enabled: Bool { definition.enabled }

    /// The compiled form of one of this rule's regex nodes.
    public func compiledRegex(for regex: RegexQuery) -> CompiledRegex? {
        regexes[regex.span.start.offset]
    }
}

/// Fixed limits of the planner.
public enum PlannerLimits {
    /// Longest chain of `rule:` references (rule → rule → ...) a rules file may contain.
    public static let maxReferenceDepth = Planner.maxReferenceDepth
}

/// Settings for planning. Every default is documented here.
public struct PlanConfiguration: Sendable, Hashable {
    /// PCRE2 limits for every regex (default ``RegexLimits/default``: match limit 1,000,000,
    /// depth limit 10,000).
    public var regexLimits = RegexLimits.default

    /// The default configuration.
    public init() {}
}

/// A rules file checked as a whole (rules.md §6–§7): every query parsed, ids unique, `rule:`
/// references resolved without cycles, regexes compiled by PCRE2, no rule true for an empty
/// mention. Immutable and `Sendable`; the engines are built from it.
///
/// Every error of every rule is collected and thrown together as one ``CompileFailure``; on
/// success ``warnings`` carries the warnings (the parser's and the planner's).
///
/// ```swift
/// let plan = try PlannedRuleSet.build(yaml: """
///     version: 1
///     rules:
///       - id: brand
///         query: 'spotify OR @SpotifyCares'
///       - id: crash
///         query: 'rule:brand crash*'
///     """)
/// plan.rules.map(\.id)        // ["brand", "crash"]
/// plan.evaluationOrder        // [0, 1]: brand before the rule that references it
/// ```
public struct PlannedRuleSet: Sendable {
    /// The rules in file order (`rules[i].index == i`).
    public let rules: [PlannedRule]
    /// Warnings, in file order (the build throws when there are errors).
    public let warnings: [Diagnostic]
    /// Every rule index, each after all the rules it references (directly or not): evaluating
    /// in this order finds every referenced result already computed.
    public let evaluationOrder: [Int]
    /// Rule index by id.
    private let indexByID: [String: Int]

    init(rules: [PlannedRule], warnings: [Diagnostic], evaluationOrder: [Int]) {
        self.rules = rules
        self.warnings = warnings
        self.evaluationOrder = evaluationOrder
        var indexByID: [String: Int] = [:]
        for rule in rules { indexByID[rule.id] = rule.index }
        self.indexByID = indexByID
    }

    /// The compiled form of a regex node of rule `index`.
    public func compiledRegex(for regex: RegexQuery, inRule index: Int) -> CompiledRegex? {
        guard rules.indices.contains(index) else { return nil }
        return rules[index].compiledRegex(for: regex)
    }

    /// The index of a rule id (`rules[index].id == id`), or nil for an unknown id.
    public func index(ofRuleID id: String) -> Int? {
        indexByID[id]
    }

    /// Parses and plans YAML (or JSON) rules.
    ///
    /// - Parameters:
    ///   - yaml: the rules file's text.
    ///   - path: the name shown in diagnostics.
    ///   - configuration: planning settings.
    /// - Throws: ``CompileFailure`` with every error of the file and of its rules (warnings
    ///   included).
    public static func build(yaml: String, path: String = "<string>", configuration: PlanConfiguration = .init())
        throws(CompileFailure) -> PlannedRuleSet
    {
        let parsed = RuleFile.parse(source: yaml, path: path)
        guard let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CompileFailure(diagnostics: parsed.diagnostics)
        }
        do {
            let plan = try build(file, configuration: configuration)
            return PlannedRuleSet(
                rules: plan.rules, warnings: parsed.diagnostics + plan.warnings, evaluationOrder: plan.evaluationOrder)
        } catch {
            throw CompileFailure(diagnostics: parsed.diagnostics + error.diagnostics)
        }
    }

    /// Plans a parsed rules file.
    ///
    /// ```swift
    /// let parsed = RuleFile.parse(source: yaml, path: "rules.yaml")
    /// if let file = parsed.file { let plan = try PlannedRuleSet.build(file) }
    /// ```
    /// - Throws: ``CompileFailure`` carrying every error of every rule, and the warnings.
    public static func build(_ file: RuleFile, configuration: PlanConfiguration = .init()) throws(CompileFailure)
        -> PlannedRuleSet
    {
        var planner = Planner(file: file, configuration: configuration)
        let result = planner.plan()
        let diagnostics = planner.sortedDiagnostics()
        guard let result, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw CompileFailure(diagnostics: diagnostics)
        }
        return PlannedRuleSet(rules: result.rules, warnings: diagnostics, evaluationOrder: result.evaluationOrder)
    }
}
