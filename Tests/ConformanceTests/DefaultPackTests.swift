import Earshot
import EarshotTestSupport
import Foundation
import Testing

@Suite("Built-in rule pack")
struct DefaultPackTests {
    @Test func embeddedTemplateMatchesTheEditableYAML() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Sources/Earshot/API/Resources/default-rules.yaml")
        let yaml = try String(contentsOf: url, encoding: .utf8)
        #expect(DefaultRulePack.template == yaml, "run scripts/embed-default-pack.sh after editing the YAML")
    }

    @Test func everyExampleOfThePackPasses() throws {
        let results = try RuleSet.defaultPack().runExamples()
        #expect(results.count >= 10)
        for failure in results where !failure.passed { Issue.record("\(failure.report)") }
    }

    @Test func brandAndHandleAreFilledIn() throws {
        let rules = try RuleSet.defaultPack(brand: "Acme Music", handle: "AcmeHelp")
        #expect(rules.match("@AcmeHelp the app keeps crashing").ruleIDs == ["handle", "crash"])
        #expect(rules.match("Acme Music is down for anyone?").ruleIDs == ["brand", "outage"])
        #expect(rules.match("Spotify is down").ruleIDs.isEmpty)
        #expect(throws: DefaultRulePack.InvalidParameter.self) { try DefaultRulePack.yaml(brand: "x'; DROP", handle: "ok") }
    }
}
