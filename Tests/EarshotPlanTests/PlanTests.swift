import EarshotPlan
import EarshotSyntax
import EarshotText
import Testing

@Suite("Planner: whole-file checks")
struct PlanTests {
    func failure(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try PlannedRuleSet.build(yaml: yaml, path: "rules.yaml")
            Issue.record("expected errors")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func duplicateIDsNameBothPlaces() throws {
        let errors = failure("version: 1\nrules:\n  - id: a\n    query: x1\n  - id: a\n    query: y1\n")
        let error = try #require(errors.first { $0.code == .duplicateRuleID })
        #expect(error.location == FileLocation(line: 5, column: 9))
        #expect(error.notes.first?.location == FileLocation(line: 3, column: 9))
    }

    @Test func unknownReferenceSuggestsTheNearestID() throws {
        let errors = failure("version: 1\nrules:\n  - id: brand\n    query: spotify\n  - id: b\n    query: 'rule:brnd crash'\n")
        let error = try #require(errors.first { $0.code == .unknownRuleReference })
        #expect(error.location == FileLocation(line: 6, column: 13))
        #expect(error.help?.contains("rule:brand") == true)
    }

    @Test(arguments: [1, 2, 3])
    func cyclesOfAnyLengthAreErrors(length: Int) {
        var yaml = "version: 1\nrules:\n"
        for i in 0..<length { yaml += "  - id: r\(i)\n    query: 'x\(i) rule:r\((i + 1) % length)'\n" }
        let errors = failure(yaml)
        #expect(errors.filter { $0.code == .referenceCycle }.count == length)
        #expect(errors.allSatisfy { $0.code == .referenceCycle })
    }

    @Test func veryLongReferenceChainsAreErrorsNotStackOverflows() {
        var yaml = "version: 1\nrules:\n  - id: r0\n    query: base\n"
        for i in 1...5_000 { yaml += "  - id: r\(i)\n    query: 'rule:r\(i - 1)'\n" }
        let errors = failure(yaml)
        #expect(errors.contains { $0.code == .referenceTooDeep })
    }

    @Test func chainsWithinTheLimitAreFine() throws {
        var yaml = "version: 1\nrules:\n  - id: r0\n    query: base\n"
        for i in 1...PlannerLimits.maxReferenceDepth - 1 { yaml += "  - id: r\(i)\n    query: 'rule:r\(i - 1) x\(i)'\n" }
        #expect(try PlannedRuleSet.build(yaml: yaml).rules.count == PlannerLimits.maxReferenceDepth)
    }

    @Test func regexErrorsShowPCRE2MessageAtTheOffset() throws {
        let errors = failure("version: 1\nrules:\n  - id: re\n    query: 'spotify /ab(c/'\n")
        let error = try #require(errors.first { $0.code == .invalidRegex })
        // The query starts at column 13; /ab(c/ at query column 9; PCRE2 offset 4 → column 13+8+1+4.
        #expect(error.location == FileLocation(line: 4, column: 26))
        #expect(error.message.contains("PCRE2"))
    }

    @Test(arguments: ["NOT job", "-a1 -b1", "spotify OR -job", "/^$/", "rule:neg", "(NOT a1) OR b1"])
    func rulesTrueForTheEmptyMentionAreErrors(query: String) {
        let yaml = "version: 1\nrules:\n  - id: neg\n    query: '-zz9'\n    enabled: false\n  - id: r\n    query: '\(query)'\n"
        let errors = failure(yaml)
        #expect(errors.contains { $0.code == .matchesEmptyMention && $0.ruleID == "r" })
    }

    @Test func negationInsideAPositiveRuleIsFine() throws {
        let plan = try PlannedRuleSet.build(yaml: "version: 1\nrules:\n  - id: r\n    query: 'spotify (crash OR NOT job)'\n")
        #expect(plan.rules.count == 1)
    }

    @Test func everyErrorOfEveryRuleIsReported() {
        let yaml = """
            version: 1
            rules:
              - id: one
                query: 'spotify AND'
              - id: two
                query: 'rule:nope'
              - id: three
                query: '/a(/'
              - id: four
                query: 'NOT x1'
            """
        let codes = Set(failure(yaml).map(\.code))
        #expect(codes == [.missingOperand, .unknownRuleReference, .invalidRegex, .matchesEmptyMention])
    }

    @Test func warningsComeBackOnSuccess() throws {
        let plan = try PlannedRuleSet.build(
            yaml: "version: 1\nrules:\n  - id: a\n    query: 'spotify /\\d+/'\n  - id: b\n    query: 'spotify /\\d+/'\n")
        let codes = plan.warnings.map(\.code)
        #expect(codes.contains(.regexWithoutLiteral))
        #expect(codes.contains(.duplicateRule))
    }
}

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
