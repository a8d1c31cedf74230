import EarshotRegex
import EarshotSyntax
import EarshotText

/// One checked rule: parsed, references resolved, regexes compiled.
public struct PlannedRule: Sendable {
    /// The rule id.
    public let id: String
    /// Its index in the rules file.
    public let index: Int
    /// The rule as written.
    public let definition: RuleDefinition
    /// The parsed query.
    public let query: QueryNode
    /// Whether the rule is emitted (`enabled: false` rules are still checked and may be referenced).
    public var enabled: Bool { definition.enabled }
    /// Indices of the rules this rule references (directly).
    public let references: [Int]
}

/// Fixed limits of the planner.
public enum PlannerLimits {
    /// Longest chain of `rule:` references (rule → rule → ...) a rules file may contain.
    public static let maxReferenceDepth = Planner.maxReferenceDepth
}

/// Settings for planning. Every default is documented here.
public struct PlanConfiguration: Sendable, Hashable {
    /// PCRE2 limits for every regex (default ``RegexLimits/default``).
    public var regexLimits = RegexLimits.default

    /// The default configuration.
    public init() {}
}

/// A rules file checked as a whole (rules.md §6–§7): every query parsed, ids unique, `rule:`
/// references resolved without cycles, regexes compiled by PCRE2, no rule true for an empty
/// mention. Immutable and `Sendable`; the engines are built from it.
///
/// ```swift
/// let plan = try PlannedRuleSet.build(yaml: "version: 1\nrules:\n  - id: a\n    query: spotify")
/// plan.rules.map(\.id)   // ["a"]
/// ```
public struct PlannedRuleSet: Sendable {
    /// The rules in file order.
    public let rules: [PlannedRule]
    /// Warnings (the build throws when there are errors).
    public let warnings: [Diagnostic]
    /// Compiled regexes by rule index and the regex's byte offset in the query.
    private let regexes: [RegexKey: CompiledRegex]
    /// Rule index by id.
    private let indexByID: [String: Int]

    struct RegexKey: Hashable, Sendable {
        var rule: Int
        var offset: Int
    }

    /// The compiled form of a regex node of rule `index`.
    public func compiledRegex(for regex: RegexQuery, inRule index: Int) -> CompiledRegex? {
        regexes[RegexKey(rule: index, offset: regex.span.start.offset)]
    }

    /// The index of a rule id (`rules[index].id == id`).
    public func index(ofRuleID id: String) -> Int? {
        indexByID[id]
    }

    /// Parses and plans YAML (or JSON) rules.
    public static func build(yaml: String, path: String = "<string>", configuration: PlanConfiguration = .init())
        throws(CompileFailure) -> PlannedRuleSet
    {
        let parsed = RuleFile.parse(source: yaml, path: path)
        guard let file = parsed.file, !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CompileFailure(diagnostics: parsed.diagnostics)
        }
        return try build(file, configuration: configuration)
    }

    /// Plans a parsed rules file.
    /// - Throws: ``CompileFailure`` carrying every error of every rule, and the warnings.
    public static func build(_ file: RuleFile, configuration: PlanConfiguration = .init()) throws(CompileFailure)
        -> PlannedRuleSet
    {
        var planner = Planner(file: file, configuration: configuration)
        let rules = planner.plan()
        let errors = planner.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw CompileFailure(diagnostics: planner.diagnostics) }
        // Without errors every rule was planned, so a rule's index is its position in `rules`.
        var indexByID: [String: Int] = [:]
        for rule in rules { indexByID[rule.id] = rule.index }
        return PlannedRuleSet(rules: rules, warnings: planner.diagnostics, regexes: planner.regexes, indexByID: indexByID)
    }
}
