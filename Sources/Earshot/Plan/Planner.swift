import EarshotRegex
import EarshotSyntax
import EarshotText

/// Does the work of ``PlannedRuleSet/build(_:configuration:)``: every check runs on every rule
/// and each finding becomes a diagnostic, so one build reports every error of the file.
///
/// Steps: duplicate ids; parse each query (the parser's diagnostics, placed in the file);
/// compile each regex; resolve `rule:` references (unknown ids, cycles, over-long chains);
/// the empty-mention check; the plan-level warnings.
struct Planner {
    let file: RuleFile
    let configuration: PlanConfiguration
    var diagnostics: [Diagnostic] = []
    /// Rules with at least one error (the empty-mention check skips them).
    var rulesWithErrors = Set<Int>()
    /// Each rule's parsed query (nil when it did not parse).
    var parsed: [QueryNode?] = []
    /// Each rule's compiled regexes by the regex node's start offset.
    var regexes: [[Int: CompiledRegex]] = []
    /// Each rule's resolved references (direct, in query order, without repeats).
    var references: [[Int]] = []
    /// The first rule with each id.
    var indexByID: [String: Int] = [:]
    /// Rules too deep in a reference chain to evaluate safely (one error is reported per chain).
    var unevaluable = Set<Int>()
    /// Rules in dependency order (referenced rules first), from the reference walk.
    var evaluationOrder: [Int] = []

    init(file: RuleFile, configuration: PlanConfiguration) {
        self.file = file
        self.configuration = configuration
    }

    /// Runs every check; returns the planned rules when every query parsed (errors may still
    /// be among ``diagnostics``).
    mutating func plan() -> (rules: [PlannedRule], evaluationOrder: [Int])? {
        let definitions = file.rules
        checkDuplicateIDs()
        for (index, rule) in definitions.enumerated() {
            let result = QueryParser.parse(rule.query)
            for diagnostic in result.diagnostics { report(diagnostic.located(in: rule, file: file.path), rule: index) }
            parsed.append(result.node)
            regexes.append(result.node.map { compileRegexes(in: $0, rule: index) } ?? [:])
        }
        resolveReferences()
        walkReferenceGraph()
        checkEmptyMention()
        warnAboutDuplicateQueries()

        var rules: [PlannedRule] = []
        for (index, node) in parsed.enumerated() {
            guard let node else { return nil }
            rules.append(
                PlannedRule(
                    id: definitions[index].id, index: index, definition: definitions[index], query: node,
                    references: references[index], regexes: regexes[index]))
        }
        return (rules, evaluationOrder)
    }

    /// The diagnostics in file order (by file line and column; stable for equal places).
    func sortedDiagnostics() -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let left = a.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let right = b.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
    }

    /// rules.md §6: a duplicate id is an error at the second rule, with a note at the first.
    mutating func checkDuplicateIDs() {
        for (index, rule) in file.rules.enumerated() {
            guard let first = indexByID[rule.id] else {
                indexByID[rule.id] = index
                continue
            }
            let original = file.rules[first]
            report(
                Diagnostic(
                    code: .duplicateRuleID, severity: .error, message: "rule id '\(rule.id)' is used twice",
                    file: file.path, ruleID: rule.id, location: rule.location, help: "give each rule its own id",
                    notes: [DiagnosticNote(message: "'\(rule.id)' is first defined here", ruleID: original.id, location: original.location)]
                ), rule: index)
        }
    }

    /// Records a diagnostic about rule `index`.
    mutating func report(_ diagnostic: Diagnostic, rule index: Int) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { rulesWithErrors.insert(index) }
    }

    /// A query's position as a one-character span (for carets computed by the planner).
    static func caret(at position: SourcePosition, in query: String) -> SourceSpan {
        let bytes = Array(query.utf8)
        var end = position.offset + 1
        // Extend to the end of the Character's UTF-8 sequence.
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return SourceSpan(
            start: position, end: SourcePosition(offset: min(end, bytes.count), line: position.line, column: position.column + 1))
    }
}
