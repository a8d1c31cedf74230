import EarshotPlan
import EarshotSyntax
import EarshotText
import Testing

@Suite("Rules file positions")
struct RuleFileTests {
    /// The file location of the first error of a one-rule file, for a query written in `style`.
    func location(_ queryLine: String) -> FileLocation? {
        let yaml = "version: 1\nrules:\n  - id: r\n" + queryLine
        let file = RuleFile.parse(source: yaml, path: "f.yaml").file
        guard let rule = file?.rules.first else { return nil }
        let parse = QueryParser.parse(rule.query)
        return parse.diagnostics.first { $0.severity == .error }.map { $0.located(in: rule, file: "f.yaml") }?.location
    }

    @Test func plainScalar() {
        #expect(location("    query: spotify AND\n") == FileLocation(line: 4, column: 20))
    }

    @Test func singleQuotedWithEscapedQuote() {
        // 'won''t AND' : the doubled quote is one character of the query.
        #expect(location("    query: 'won''t AND'\n") == FileLocation(line: 4, column: 20))
    }

    @Test func doubleQuotedWithEscapes() {
        #expect(location("    query: \"\\\"a b\\\" AND\"\n") == FileLocation(line: 4, column: 21))
    }

    @Test func literalBlockOnSeveralLines() {
        #expect(location("    query: |\n      spotify\n      AND\n") == FileLocation(line: 6, column: 7))
    }

    @Test func badYAMLIsADiagnosticWithPosition() throws {
        let parsed = RuleFile.parse(source: "version: 1\nrules:\n  - id: [unclosed\n", path: "f.yaml")
        let error = try #require(parsed.diagnostics.first)
        #expect(error.code == .invalidRulesFile)
        #expect(error.location != nil)
    }

    @Test func fileLevelErrorsAreAllReported() {
        let parsed = RuleFile.parse(
            source: "version: 2\nrules:\n  - id: 'bad id!'\n    query: x\n  - id: ok\n  - id: fine\n    query: y\n    colour: red\n",
            path: "f.yaml")
        let codes = parsed.diagnostics.map(\.code)
        #expect(codes.contains(.unsupportedVersion))
        #expect(codes.contains(.invalidRuleID))
        #expect(codes.contains(.missingQuery))
        #expect(codes.contains(.invalidRulesFile))
        #expect(parsed.file?.rules.map(\.id) == ["fine"])
    }

    @Test func examplesTagsAndEnabledAreRead() throws {
        let yaml = """
            version: 1
            rules:
              - id: r
                query: spotify
                tags: {issue_type: billing, priority: high, level: 3}
                enabled: false
                examples:
                  match: ["spotify", {text: "spotify", lang: en, is_reply: true}]
                  nomatch: ["apple"]
            """
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.tags.map(\.key) == ["issue_type", "priority", "level"])
        #expect(rule.tags.map(\.value) == ["billing", "high", "3"])
        #expect(!rule.enabled)
        #expect(rule.matchExamples.count == 2)
        #expect(rule.nomatchExamples == [.text("apple")])
        guard case .object(.object(let object)) = rule.matchExamples[1] else {
            Issue.record("expected an object example")
            return
        }
        #expect(object["is_reply"] == JSONValue.bool(true))
    }

    @Test func jsonRulesFilesAreAccepted() throws {
        let json = #"{"version": 1, "rules": [{"id": "a", "query": "spotify crash*"}]}"#
        #expect(RuleFile.parse(source: json, path: "r.json").file?.rules.first?.query == "spotify crash*")
    }
}
