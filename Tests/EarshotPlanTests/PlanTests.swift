import EarshotPlan
import EarshotSyntax
import EarshotText
import Testing

/// Builds `yaml` and returns the diagnostics of the failure (recording an issue on success).
func planFailure(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try PlannedRuleSet.build(yaml: yaml, path: "rules.yaml")
        Issue.record("expected errors", sourceLocation: sourceLocation)
        return []
    } catch {
        #expect(error.errors.allSatisfy { $0.file == "rules.yaml" }, sourceLocation: sourceLocation)
        return error.errors
    }
}

/// A rules file with one rule per query: rule i has id `ids[i]` on line 3 + 2i and its
/// single-quoted query on line 4 + 2i, starting at column 13.
func rulesFile(_ queries: [String], ids: [String]? = nil) -> String {
    var yaml = "version: 1\nrules:\n"
    for (index, query) in queries.enumerated() {
        yaml += "  - id: \(ids?[index] ?? "r\(index)")\n    query: '\(query)'\n"
    }
    return yaml
}

@Suite("Planner: ids and references")
struct PlanReferenceTests {
    @Test func duplicateIDsNameBothPlaces() throws {
        let errors = planFailure(rulesFile(["x1", "y1"], ids: ["a", "a"]))
        let error = try #require(errors.first { $0.code == .duplicateRuleID })
        #expect(errors.count == 1)
        #expect(error.location == FileLocation(line: 5, column: 9))
        #expect(error.notes.count == 1)
        #expect(error.notes.first?.location == FileLocation(line: 3, column: 9))
    }

    @Test func unknownReferenceSuggestsTheNearestID() throws {
        let errors = planFailure(rulesFile(["spotify", "rule:brnd crash"], ids: ["brand", "b"]))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.code == .unknownRuleReference)
        #expect(error.ruleID == "b")
        #expect(error.location == FileLocation(line: 6, column: 13))
        #expect(error.help?.contains("rule:brand") == true)
    }

    @Test func unknownReferenceFarFromEveryIDSuggestsNothing() throws {
        let errors = planFailure(rulesFile(["spotify", "crash rule:zzzzzzzz"], ids: ["brand", "b"]))
        let error = try #require(errors.first)
        #expect(error.code == .unknownRuleReference)
        #expect(error.location == FileLocation(line: 6, column: 19))
        #expect(error.help == nil)
    }

    @Test(arguments: [1, 2, 3])
    func cyclesOfAnyLengthNameEveryRule(length: Int) throws {
        let queries = (0..<length).map { "x\($0) rule:r\(($0 + 1) % length)" }
        let errors = planFailure(rulesFile(queries))
        #expect(errors.count == length)
        for (index, error) in errors.enumerated() {
            #expect(error.code == .referenceCycle)
            #expect(error.ruleID == "r\(index)")
            // Each error points at the rule's own `rule:` reference: query column 4.
            #expect(error.location == FileLocation(line: 4 + 2 * index, column: 16))
            for other in 0..<length { #expect(error.message.contains("r\(other)")) }
            // One note per other rule of the cycle, at its reference.
            #expect(error.notes.count == length - 1)
            let noteLines = Set(error.notes.compactMap(\.location?.line))
            #expect(noteLines == Set((0..<length).filter { $0 != index }.map { 4 + 2 * $0 }))
        }
    }

    @Test func rulesOutsideACycleThatReferenceItAreNotCycleErrors() {
        let errors = planFailure(rulesFile(["a rule:r1", "b rule:r0", "c rule:r0"]))
        #expect(errors.map(\.ruleID) == ["r0", "r1"])
        #expect(errors.allSatisfy { $0.code == .referenceCycle })
    }

    @Test func referencesToDisabledRulesAreAllowed() throws {
        let yaml = "version: 1\nrules:\n  - id: hub\n    query: spotify\n    enabled: false\n  - id: spoke\n    query: 'rule:hub crash'\n"
        let plan = try PlannedRuleSet.build(yaml: yaml)
        #expect(plan.rules.map(\.enabled) == [false, true])
        #expect(plan.rules[1].references == [0])
    }

    @Test func veryLongReferenceChainsAreErrorsNotStackOverflows() {
        var queries = ["base"]
        for i in 1...5_000 { queries.append("rule:r\(i - 1)") }
        #expect(planFailure(rulesFile(queries)).contains { $0.code == .referenceTooDeep })
    }

    @Test func chainsWithinTheLimitAreFine() throws {
        var queries = ["base"]
        for i in 1..<PlannerLimits.maxReferenceDepth { queries.append("rule:r\(i - 1) x\(i)") }
        #expect(try PlannedRuleSet.build(yaml: rulesFile(queries)).rules.count == PlannerLimits.maxReferenceDepth)
    }

    @Test func evaluationOrderPutsReferencedRulesFirst() throws {
        let plan = try PlannedRuleSet.build(
            yaml: rulesFile(["rule:hub crash", "rule:mid refund", "spotify", "rule:hub app"], ids: ["spoke", "top", "hub", "mid"]))
        let order = plan.evaluationOrder
        #expect(order.sorted() == [0, 1, 2, 3])
        func before(_ a: Int, _ b: Int) -> Bool { (order.firstIndex(of: a) ?? 99) < (order.firstIndex(of: b) ?? -1) }
        #expect(before(2, 0))
        #expect(before(2, 3))
        #expect(before(3, 1))
        #expect(plan.rules.map(\.references) == [[2], [3], [], [2]])
        #expect(plan.index(ofRuleID: "mid") == 3)
        #expect(plan.index(ofRuleID: "nope") == nil)
    }
}

@Suite("Planner: regexes")
struct PlanRegexTests {
    @Test func regexErrorsShowPCRE2MessageAtTheOffset() throws {
        // Query 'spotify /ab(c/': PCRE2 stops at byte 4 of "ab(c", the closing slash at
        // query column 14, file column 13 + 13 = 26.
        let error = try #require(planFailure(rulesFile(["spotify /ab(c/"])).first)
        #expect(error.code == .invalidRegex)
        #expect(error.location == FileLocation(line: 4, column: 26))
        #expect(error.span?.start.column == 14)
        #expect(error.message.contains("missing closing parenthesis"))
    }

    @Test func regexErrorOffsetsCountAnEscapedSlashOnce() throws {
        // Pattern "a/b(c" (written a\/b(c): offset 5 is the closing slash at query column 16.
        let error = try #require(planFailure(rulesFile([#"spotify /a\/b(c/"#])).first)
        #expect(error.location == FileLocation(line: 4, column: 28))
        // Pattern "ab)c": offset 2 is the ")" at query column 4.
        let unmatched = try #require(planFailure(rulesFile(["/ab)c/"])).first)
        #expect(unmatched.code == .invalidRegex)
        #expect(unmatched.location == FileLocation(line: 4, column: 16))
    }

    @Test func regexErrorsInMultiLineQueries() throws {
        let yaml = "version: 1\nrules:\n  - id: r\n    query: |\n      spotify\n      /a(b/\n"
        let error = try #require(planFailure(yaml).first)
        #expect(error.code == .invalidRegex)
        // Query line 2, column 5 (the closing slash) → file line 6, column 11.
        #expect(error.location == FileLocation(line: 6, column: 11))
    }

    @Test func regexesAreCompiledIntoThePlan() throws {
        let plan = try PlannedRuleSet.build(yaml: rulesFile([#"spotify (/crash\w+/i OR /freez(e|ing)/)"#]))
        #expect(plan.rules[0].regexes.count == 2)
        #expect(plan.rules[0].regexes.values.map(\.pattern).sorted() == [#"crash\w+"#, "freez(e|ing)"])
        #expect(plan.warnings.isEmpty)
    }

    @Test func regexWithoutALiteralOfThreeCharactersWarns() throws {
        let plan = try PlannedRuleSet.build(yaml: rulesFile([#"spotify /\d+/"#, #"spotify /crash\w+/"#, "spotify /ab|cd/"]), path: "rules.yaml")
        let warnings = plan.warnings.filter { $0.code == .regexWithoutLiteral }
        #expect(warnings.map(\.ruleID) == ["r0", "r2"])
        #expect(warnings.first?.location == FileLocation(line: 4, column: 21))
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.file == "rules.yaml" })
    }
}

@Suite("Planner: empty mention, duplicates, all errors at once")
struct PlanCheckTests {
    @Test(arguments: ["NOT job", "-a1 -b1", "spotify OR -job", "/^$/", "spotify OR /x*/", "rule:neg", "(NOT a1) OR b1", "-author:x"])
    func rulesTrueForTheEmptyMentionAreErrors(query: String) throws {
        let yaml = "version: 1\nrules:\n  - id: neg\n    query: 'zz9 OR -zz8'\n    enabled: false\n  - id: r\n    query: '\(query)'\n"
        let errors = planFailure(yaml)
        let error = try #require(errors.first { $0.ruleID == "r" })
        #expect(error.code == .matchesEmptyMention)
        // The caret is on the query: line 7, column 13.
        #expect(error.location == FileLocation(line: 7, column: 13))
        // The disabled rule is still checked.
        #expect(errors.contains { $0.ruleID == "neg" && $0.code == .matchesEmptyMention })
    }

    @Test(arguments: ["spotify (crash OR NOT job)", "spotify -job", "/a^$/", "spotify OR /x+/", "url:x.com", "is:reply -job"])
    func rulesFalseForTheEmptyMentionAreFine(query: String) throws {
        #expect(try PlannedRuleSet.build(yaml: rulesFile([query])).rules.count == 1)
    }

    @Test func everyErrorOfEveryRuleIsReportedInFileOrder() {
        let errors = planFailure(rulesFile(["spotify AND", "rule:nope", "/a(/", "NOT x1", "spotify OR"], ids: ["one", "two", "three", "four", "five"]))
        #expect(errors.map(\.code) == [.missingOperand, .unknownRuleReference, .invalidRegex, .matchesEmptyMention, .missingOperand])
        #expect(errors.map(\.ruleID) == ["one", "two", "three", "four", "five"])
        #expect(errors.map { $0.location?.line } == [4, 6, 8, 10, 12])
    }

    @Test func identicalQueriesWarnWithANoteAtTheFirst() throws {
        let plan = try PlannedRuleSet.build(yaml: rulesFile(["spotify crash", "spotify   AND crash", "spotify"]), path: "rules.yaml")
        let warning = try #require(plan.warnings.first { $0.code == .duplicateRule })
        #expect(plan.warnings.filter { $0.code == .duplicateRule }.count == 1)
        #expect(warning.ruleID == "r1")
        #expect(warning.location == FileLocation(line: 6, column: 13))
        #expect(warning.notes.first?.ruleID == "r0")
        #expect(warning.notes.first?.location == FileLocation(line: 4, column: 13))
    }

    @Test func parserWarningsComeBackOnSuccess() throws {
        let plan = try PlannedRuleSet.build(yaml: rulesFile(["spotify and crash", "a1 OR b1 c1"]))
        let codes = plan.warnings.map(\.code)
        #expect(codes.contains(.lowercaseOperator))
        #expect(codes.contains(.mixedAndOr))
        #expect(plan.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func plannedRulesKeepTheirDefinition() throws {
        let yaml = """
            version: 1
            rules:
              - id: brand
                query: spotify
                tags: {issue_type: billing, priority: high}
                enabled: false
              - id: crash
                query: 'rule:brand crash*'
            """
        let plan = try PlannedRuleSet.build(yaml: yaml)
        #expect(plan.rules.map(\.id) == ["brand", "crash"])
        #expect(plan.rules.map(\.index) == [0, 1])
        #expect(plan.rules[0].tags.map(\.key) == ["issue_type", "priority"])
        #expect(plan.rules[0].tags.map(\.value) == ["billing", "high"])
        #expect(!plan.rules[0].enabled)
        #expect(plan.rules[1].definition.query == "rule:brand crash*")
        #expect(plan.rules[1].query.description == "(rule:brand AND crash*)")
    }
}
