import EarshotEngine
import EarshotPlan

/// The result of checking a rules file: every diagnostic, errors and warnings.
public struct CheckReport: Sendable {
    /// All diagnostics, in file order.
    public var diagnostics: [Diagnostic]
    /// How many rules the file defines.
    public var ruleCount: Int
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension RuleSet {
    /// Checks a rules file without keeping the compiled set (`earshot check`).
    ///
    /// ```swift
    /// let report = RuleSet.check(contentsOfFile: "rules.yaml")
    /// for d in report.diagnostics { print(d.render()) }
    /// ```
    public static func check(contentsOfFile path: String) -> CheckReport {
        check(parsed: RuleFile.load(path: path))
    }

    /// Checks rules given as YAML or JSON text.
    public static func check(yaml source: String, path: String = "<string>") -> CheckReport {
        check(parsed: RuleFile.parse(source: source, path: path))
    }

    private static func check(parsed: (file: RuleFile?, diagnostics: [Diagnostic])) -> CheckReport {
        guard let file = parsed.file else { return CheckReport(diagnostics: parsed.diagnostics, ruleCount: 0) }
        // Query-level checks run even when the file has errors elsewhere, so one run shows everything.
        do {
            let plan = try PlannedRuleSet.build(file)
            return CheckReport(
                diagnostics: parsed.diagnostics + plan.warnings + presearchWarnings(plan, path: file.path),
                ruleCount: file.rules.count)
        } catch {
            return CheckReport(diagnostics: parsed.diagnostics + error.diagnostics, ruleCount: file.rules.count)
        }
    }

    /// A warning for each enabled rule the presearch cannot index (verified on every mention).
    private static func presearchWarnings(_ plan: PlannedRuleSet, path: String) -> [Diagnostic] {
        CompiledMatcher(plan).alwaysVerifiedReasons.map { entry in
            let rule = plan.rules[entry.rule]
            return Diagnostic(
                code: .alwaysVerified, severity: .warning,
                message: "rule is checked on every mention: \(entry.reason)", file: path, ruleID: rule.id,
                query: rule.definition.query, location: rule.definition.location,
                help: "add a required word, hashtag, mention or field next to it (AND) so presearch can skip most mentions")
        }
    }
}
