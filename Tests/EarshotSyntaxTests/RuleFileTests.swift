import EarshotSyntax
import EarshotText
import Foundation
import Testing

/// Rules files (rules.md §6): shape, every file-level error at once, and query positions mapped
/// into the file through every YAML scalar style.
@Suite("Rules files")
struct RuleFileTests {
    /// The file locations of the errors of the first rule's query.
    func queryErrorLocations(_ yaml: String) throws -> [FileLocation] {
        let parsed = RuleFile.parse(source: yaml, path: "f.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        let rule = try #require(parsed.file?.rules.first)
        return QueryParser.parse(rule.query).errors.compactMap { $0.located(in: rule, file: "f.yaml").location }
    }

    static let header = "version: 1\nrules:\n  - id: r\n"

    // MARK: Positions in every scalar style

    @Test func plainScalar() throws {
        #expect(try queryErrorLocations(Self.header + "    query: spotify AND\n") == [FileLocation(line: 4, column: 20)])
    }

    @Test func plainScalarOnSeveralLines() throws {
        #expect(try queryErrorLocations(Self.header + "    query: spotify\n      AND\n") == [FileLocation(line: 5, column: 7)])
    }

    @Test func singleQuotedWithDoubledQuote() throws {
        #expect(try queryErrorLocations(Self.header + "    query: 'won''t AND'\n") == [FileLocation(line: 4, column: 20)])
    }

    @Test func singleQuotedOnSeveralLines() throws {
        #expect(try queryErrorLocations(Self.header + "    query: 'spotify\n      AND'\n") == [FileLocation(line: 5, column: 7)])
    }

    @Test func doubleQuotedWithEscapes() throws {
        // The query is `"a b" AND été AND`; its last AND (query column 15) is file column 39.
        let yaml = Self.header + #"    query: "\"a b\" AND \u00e9t\u00e9 AND""# + "\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.query == "\"a b\" AND été AND")
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 4, column: 39)])
    }

    @Test func doubleQuotedWithTabEscape() throws {
        #expect(try queryErrorLocations(Self.header + #"    query: "spotify\tAND""# + "\n") == [FileLocation(line: 4, column: 22)])
    }

    @Test func doubleQuotedWithEscapedLineBreak() throws {
        let yaml = Self.header + "    query: \"spotify \\\n      AND\"\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.query == "spotify AND")
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 5, column: 7)])
    }

    @Test func literalBlock() throws {
        #expect(try queryErrorLocations(Self.header + "    query: |\n      spotify\n      AND\n") == [FileLocation(line: 6, column: 7)])
    }

    @Test func literalBlockWithMoreIndentedLineAndChomping() throws {
        let yaml = Self.header + "    query: |-\n      spotify\n        AND\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.query == "spotify\n  AND")
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 6, column: 9)])
    }

    @Test func foldedBlock() throws {
        let yaml = Self.header + "    query: >\n      spotify\n      AND\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.query == "spotify AND\n")
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 6, column: 7)])
    }

    @Test func foldedBlockWithABlankLine() throws {
        let yaml = Self.header + "    query: >-\n      spotify\n\n      AND\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.query == "spotify\nAND")
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 7, column: 7)])
    }

    @Test func literalBlockWithIndentationIndicator() throws {
        let yaml = Self.header + "    query: |2\n        spotify\n        AND\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.query == "  spotify\n  AND\n")
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 6, column: 9)])
    }

    @Test func plainScalarFollowedByAComment() throws {
        #expect(try queryErrorLocations(Self.header + "    query: spotify AND # the brand\n") == [FileLocation(line: 4, column: 20)])
    }

    @Test func severalErrorsOnSeveralLinesOfABlock() throws {
        let yaml = Self.header + "    query: |\n      athor:x AND\n      (crash OR {}\n"
        #expect(
            try queryErrorLocations(yaml) == [
                FileLocation(line: 5, column: 7), FileLocation(line: 6, column: 7), FileLocation(line: 6, column: 17),
            ])
    }

    @Test func jsonFile() throws {
        let json = #"{"version": 1, "rules": [{"id": "a", "query": "spotify AND"}]}"#
        #expect(try queryErrorLocations(json) == [FileLocation(line: 1, column: 56)])
    }

    @Test func columnsCountCharactersNotScalars() throws {
        // `é` is written decomposed (two scalars, one Character) before the query on the line.
        let yaml = "version: 1\nrules:\n  - {tags: {k: \"e\u{301}\"}, id: r, query: spotify AND}\n"
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 3, column: 44)])
    }

    @Test func windowsLineEndings() throws {
        let yaml = "version: 1\r\nrules:\r\n  - id: r\r\n    query: |\r\n      spotify\r\n      AND\r\n"
        #expect(try queryErrorLocations(yaml) == [FileLocation(line: 6, column: 7)])
    }

    @Test func ruleLocationIsTheIdValue() throws {
        let rule = try #require(RuleFile.parse(source: Self.header + "    query: x1\n", path: "f.yaml").file?.rules.first)
        #expect(rule.location == FileLocation(line: 3, column: 9))
    }

    // MARK: Shape

    @Test func theSpecExampleReads() throws {
        let yaml = """
            version: 1
            rules:
              - id: brand
                query: 'spotify OR @SpotifyCares OR #spotify'
              - id: crash
                query: 'rule:brand AND (crash* OR freez* OR "keeps closing") -job'
                tags: {issue_type: app_crash_bug, priority: high}
                examples:
                  match: ["Spotify keeps crashing on my iPhone"]
                  nomatch: ["Spotify is hiring crash reporting engineers, see the job post"]
            """
        let parsed = RuleFile.parse(source: yaml, path: "rules.yaml")
        #expect(parsed.diagnostics.isEmpty)
        let file = try #require(parsed.file)
        #expect(file.path == "rules.yaml")
        #expect(file.rules.map(\.id) == ["brand", "crash"])
        #expect(file.rules[0].query == "spotify OR @SpotifyCares OR #spotify")
        #expect(file.rules[1].tags.map(\.key) == ["issue_type", "priority"])
        #expect(file.rules[1].tags.map(\.value) == ["app_crash_bug", "high"])
        #expect(file.rules[1].matchExamples == [.text("Spotify keeps crashing on my iPhone")])
        #expect(file.rules[1].nomatchExamples.count == 1)
        #expect(file.rules.allSatisfy { $0.enabled })
    }

    @Test func tagsKeepOrderAndBecomeStrings() throws {
        let yaml = Self.header + "    query: x1\n    tags:\n      zeta: 3\n      alpha: true\n      mid: 1.50\n      quoted: 'x y'\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.tags.map(\.key) == ["zeta", "alpha", "mid", "quoted"])
        #expect(rule.tags.map(\.value) == ["3", "true", "1.50", "x y"])
    }

    @Test func exampleObjectsBecomeJSON() throws {
        let yaml =
            Self.header
            + "    query: x1\n    examples:\n      match:\n        - plain text\n        - {text: \"Spotify crash\", lang: en, likes: 3, ratio: 0.5, is_reply: true, note: null, quoted: \"true\", list: [1, two]}\n"
        let rule = try #require(RuleFile.parse(source: yaml, path: "f.yaml").file?.rules.first)
        #expect(rule.matchExamples.count == 2)
        #expect(rule.matchExamples[0] == .text("plain text"))
        let expected: JSONValue = .object([
            "text": .string("Spotify crash"), "lang": .string("en"), "likes": .number(3), "ratio": .number(0.5),
            "is_reply": .bool(true), "note": .null, "quoted": .string("true"), "list": .array([.number(1), .string("two")]),
        ])
        #expect(rule.matchExamples[1] == .object(expected))
    }

    @Test func enabledFalseKeepsTheRule() throws {
        let rule = try #require(RuleFile.parse(source: Self.header + "    query: x1\n    enabled: false\n", path: "f.yaml").file?.rules.first)
        #expect(!rule.enabled)
    }

    @Test func queriesUpTo64KiBAreAccepted() throws {
        let longest = String(repeating: "a", count: 65_536)
        #expect(RuleFile.parse(source: Self.header + "    query: \(longest)\n", path: "f.yaml").diagnostics.isEmpty)
        let parsed = RuleFile.parse(source: Self.header + "    query: \(longest)b\n", path: "f.yaml")
        #expect(parsed.diagnostics.map(\.code) == [.queryTooLong])
        #expect(parsed.diagnostics.first?.location == FileLocation(line: 4, column: 12))
    }

    @Test(arguments: ["a", "A-b_c.9", String(repeating: "x", count: 128)])
    func validIDs(id: String) {
        #expect(RuleFile.parse(source: "version: 1\nrules:\n  - id: '\(id)'\n    query: x1\n", path: "f.yaml").diagnostics.isEmpty)
    }

    @Test(arguments: ["", "bad id", "é", "a/b", "a:b", String(repeating: "x", count: 129)])
    func invalidIDs(id: String) {
        let parsed = RuleFile.parse(source: "version: 1\nrules:\n  - id: '\(id)'\n    query: x1\n", path: "f.yaml")
        #expect(parsed.diagnostics.map(\.code) == [.invalidRuleID])
        #expect(parsed.diagnostics.first?.location == FileLocation(line: 3, column: 9))
        #expect(parsed.file?.rules.isEmpty == true)
    }

    // MARK: Every file-level error at once

    @Test func everyFileLevelErrorIsReported() {
        let yaml = """
            version: 2
            rules:
              - id: 'bad id!'
                query: x1
              - id: no_query
                tags: [a, b]
              - id: fine
                query: y1
                colour: red
                enabled: maybe
                examples:
                  match: "not a list"
              - query: z1
              - just a string
            """
        let parsed = RuleFile.parse(source: yaml, path: "f.yaml")
        let found = parsed.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(
            found == [
                "unsupported-version 1:10",
                "invalid-rule-id 3:9",
                "missing-query 5:5",
                "invalid-rules-file 6:11",
                "invalid-rules-file 9:5",
                "invalid-rules-file 10:14",
                "invalid-rules-file 12:14",
                "invalid-rule-id 13:5",
                "invalid-rules-file 14:5",
            ])
        #expect(parsed.diagnostics.allSatisfy { $0.file == "f.yaml" && $0.severity == .error })
        #expect(parsed.file?.rules.map(\.id) == ["fine"])
        #expect(parsed.diagnostics.first { $0.code == .missingQuery }?.ruleID == "no_query")
    }

    @Test func invalidYAMLHasALocation() throws {
        let parsed = RuleFile.parse(source: "version: 1\nrules:\n  - id: a\n\tquery: x\n", path: "f.yaml")
        #expect(parsed.file == nil)
        let error = try #require(parsed.diagnostics.first)
        #expect(error.code == .invalidRulesFile)
        #expect(error.location?.line == 4)
        #expect(!error.message.contains("version: 1"), "the message must not dump the file")
    }

    @Test func duplicateKeysAreReportedWithTheirPlace() throws {
        let parsed = RuleFile.parse(source: "version: 1\nrules:\n  - id: a\n    query: x\n    query: y\n", path: "f.yaml")
        let error = try #require(parsed.diagnostics.first)
        #expect(error.code == .invalidRulesFile)
        #expect(error.message.contains("query"))
        #expect(error.location?.line == 4 || error.location?.line == 5)
        #expect(!error.message.contains("version: 1"), "the message must not dump the file")
    }

    @Test func notAMapping() {
        #expect(RuleFile.parse(source: "- a\n- b\n", path: "f.yaml").diagnostics.map(\.code) == [.invalidRulesFile])
        #expect(RuleFile.parse(source: "", path: "f.yaml").diagnostics.map(\.code) == [.invalidRulesFile])
        #expect(RuleFile.parse(source: "version: 1\n", path: "f.yaml").diagnostics.map(\.code) == [.invalidRulesFile])
    }

    @Test func loadReadsFilesAndReportsUnreadableOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-syntax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("rules.yaml")
        try Data((Self.header + "    query: spotify\n").utf8).write(to: good)
        let loaded = RuleFile.load(path: good.path)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.file?.rules.map(\.query) == ["spotify"])
        #expect(loaded.file?.path == good.path)

        let missing = RuleFile.load(path: directory.appendingPathComponent("nope.yaml").path)
        #expect(missing.file == nil)
        #expect(missing.diagnostics.map(\.code) == [.invalidRulesFile])
        #expect(missing.diagnostics.first?.file?.hasSuffix("nope.yaml") == true)

        let binary = directory.appendingPathComponent("binary.yaml")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary)
        #expect(RuleFile.load(path: binary.path).diagnostics.map(\.code) == [.invalidRulesFile])
    }
}
