import Earshot
import EarshotTestSupport
import Testing

/// Runs every case of Fixtures/conformance/*.jsonl: one rule `r` (plus optional helper rules for
/// `rule:` references) against one mention, expecting `match` true or false, under every engine
/// (the compiled presearch engine and the reference evaluator).
@Suite("Rule language conformance")
struct ConformanceTests {
    static let cases: [Fixtures.Case] = {
        do {
            return try Fixtures.jsonlFiles(in: "conformance").flatMap(Fixtures.cases(in:))
        } catch {
            preconditionFailure("cannot load conformance fixtures: \(error)")
        }
    }()

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 200)
    }

    @Test(arguments: cases, RuleSet.EngineKind.allCases)
    func conformance(_ testCase: Fixtures.Case, engine: RuleSet.EngineKind) throws {
        let ruleSet = try Self.ruleSet(for: testCase, engine: engine)
        let mention = try Self.mention(for: testCase)
        let expected = try #require(testCase[bool: "match"] as Bool?, "case has no boolean \"match\"")
        let matched = ruleSet.match(mention).ruleIDs.contains("r")
        #expect(matched == expected, "\(engine) \(testCase): query \(testCase[string: "query"] ?? "") on \(mention.texts)")
    }

    static func ruleSet(for testCase: Fixtures.Case, engine: RuleSet.EngineKind) throws -> RuleSet {
        var rules: [FixtureValue] = []
        if case .array(let extra)? = testCase.object["rules"] { rules = extra }
        rules.append(.object(["id": .string("r"), "query": .string(testCase[string: "query"] ?? "")]))
        let json = FixtureValue.object(["version": .number(1), "rules": .array(rules)]).jsonText
        do {
            return try RuleSet(yaml: json, path: "\(testCase.group).jsonl:\(testCase.line)", engine: engine)
        } catch {
            Issue.record("\(testCase): rules do not compile: \(error.diagnostics.map { $0.render() })")
            throw error
        }
    }

    static func mention(for testCase: Fixtures.Case) throws -> Mention {
        if let text = testCase[string: "text"] { return Mention(text: text) }
        guard let object = testCase.object["mention"] else {
            throw FixtureError("\(testCase): needs \"text\" or \"mention\"")
        }
        return try FieldMapping(preset: .generic).mention(from: object.jsonValue)
    }
}

extension FixtureValue {
    /// The same value as the library's `JSONValue`.
    var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(\.jsonValue))
        case .object(let members): .object(members.mapValues(\.jsonValue))
        }
    }
}
