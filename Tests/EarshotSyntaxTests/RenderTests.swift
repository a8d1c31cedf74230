import EarshotSyntax
import Testing

/// `Diagnostic.render()` and `located(in:file:)`: the layout people read in a terminal.
@Suite("Diagnostic rendering")
struct RenderTests {
    func firstError(_ query: String) throws -> Diagnostic {
        try #require(QueryParser.parse(query).errors.first)
    }

    @Test func queryDiagnosticWithoutAFile() throws {
        let rendered = try firstError("spotify AND").render()
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "1:9: error[missing-operand]: AND needs an operand on its right")
        #expect(lines[1] == "  |")
        #expect(lines[2] == "1 | spotify AND")
        #expect(lines[3] == "  |         ^~~")
        #expect(lines[4].hasPrefix("  help: "))
    }

    @Test func locatedDiagnosticNamesFileRuleAndFileLine() throws {
        let yaml = "version: 1\nrules:\n  - id: crash\n    query: spotify AND\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "rules.yaml").file?.rules.first)
        let located = try firstError(rule.query).located(in: rule, file: "rules.yaml")
        #expect(located.file == "rules.yaml")
        #expect(located.ruleID == "crash")
        #expect(located.location == FileLocation(line: 4, column: 20))
        let lines = located.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "rules.yaml:4:20: error[missing-operand]: AND needs an operand on its right")
        #expect(lines[1] == "  rule: crash")
        #expect(lines[2] == "  |")
        #expect(lines[3] == "4 | spotify AND")
        #expect(lines[4] == "  |         ^~~")
    }

    @Test func multiLineQueriesAreNumberedWithFileLines() throws {
        let yaml = "version: 1\nrules:\n  - id: r\n    query: |\n      spotify\n      (crash OR\n      freeze\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "r.yaml").file?.rules.first)
        let located = try firstError(rule.query).located(in: rule, file: "r.yaml")
        #expect(located.code == .unbalancedParenthesis)
        #expect(located.location == FileLocation(line: 6, column: 7))
        let rendered = located.render()
        #expect(rendered.contains("6 | (crash OR"))
        #expect(rendered.contains("  | ^\n") || rendered.hasSuffix("  | ^"))
    }

    @Test func spansOverSeveralLinesUnderlineEachLine() throws {
        let diagnostic = Diagnostic(
            code: .invalidNearOperand, severity: .error, message: "m", query: "a1 NEAR/2 (b1\nc1)",
            span: SourceSpan(start: SourcePosition(offset: 10, line: 1, column: 11), end: SourcePosition(offset: 17, line: 2, column: 4)))
        let lines = diagnostic.render().split(separator: "\n").map(String.init)
        #expect(lines.contains("1 | a1 NEAR/2 (b1"))
        #expect(lines.contains("  |           ^~~"))
        #expect(lines.contains("2 | c1)"))
        #expect(lines.contains("  | ^~~"))
    }

    @Test func caretsLineUpAfterWideCharactersAndTabs() throws {
        let cjk = try firstError("音乐 AND").render()
        #expect(cjk.contains("1 | 音乐 AND\n  |      ^~~"))
        let emoji = try firstError("😡 AND").render()
        #expect(emoji.contains("1 | 😡 AND\n  |    ^~~"))
        let tab = try firstError("spotify\tAND").render()
        #expect(tab.contains("1 | spotify\tAND\n  |        \t^~~"))
    }

    @Test func notesHaveTheirOwnCaret() throws {
        let rendered = try firstError("spotify -(NOT job)").render()
        #expect(rendered.contains("  note: negated again here"))
        let lines = rendered.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0 == "1 | spotify -(NOT job)" }.count == 2)
        #expect(lines.contains("  |         ^"))
        #expect(lines.contains("  |           ^~~"))
    }

    @Test func notesFromOtherRulesNameThem() {
        let diagnostic = Diagnostic(
            code: .referenceCycle, severity: .error, message: "rules reference each other in a cycle", file: "r.yaml", ruleID: "a",
            location: FileLocation(line: 3, column: 9),
            notes: [DiagnosticNote(message: "b references a here", ruleID: "b", location: FileLocation(line: 5, column: 12))])
        let rendered = diagnostic.render()
        #expect(rendered.hasPrefix("r.yaml:3:9: error[reference-cycle]: rules reference each other in a cycle\n  rule: a\n"))
        #expect(rendered.contains("  note: rule b, line 5, column 12: b references a here"))
    }

    @Test func warningsAreLabelled() throws {
        let warning = try #require(QueryParser.parse("crash?").diagnostics.first)
        #expect(warning.render().hasPrefix("1:6: warning[trailing-question-mark]: "))
    }

    @Test func colorWrapsOnlyWhenAsked() throws {
        let error = try firstError("spotify AND")
        #expect(!error.render().contains("\u{1B}["))
        #expect(error.render(color: true).contains("\u{1B}[31m"))
    }

    @Test func longLinesAreCutAroundTheCaret() throws {
        let query = String(repeating: "word ", count: 200) + "AND"
        let rendered = try firstError(query).render()
        let lines = rendered.split(separator: "\n").map(String.init)
        let source = try #require(lines.first { $0.hasPrefix("1 | ") })
        #expect(source.count < 140)
        #expect(source.hasPrefix("1 | …"))
        let caret = try #require(lines.first { $0.contains("^") })
        let caretColumn = try #require(caret.firstIndex(of: "^")).utf16Offset(in: caret)
        let andColumn = try #require(source.range(of: "AND")).lowerBound.utf16Offset(in: source)
        #expect(caretColumn == andColumn)
    }

    @Test func fileLevelDiagnosticsRenderWithoutAQuery() {
        let diagnostic = Diagnostic(
            code: .invalidRuleID, severity: .error, message: "invalid rule id", file: "r.yaml", location: FileLocation(line: 3, column: 9),
            help: "e.g. id: crash_reports")
        #expect(diagnostic.render() == "r.yaml:3:9: error[invalid-rule-id]: invalid rule id\n  help: e.g. id: crash_reports")
    }
}
