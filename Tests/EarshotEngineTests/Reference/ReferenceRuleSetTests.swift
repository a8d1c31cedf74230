import EarshotEngine
import EarshotPlan
import EarshotRegex
import EarshotText
import Testing

/// Rule references, spans and regex limits: whole rule sets through the reference evaluator.
@Suite("Reference evaluator: references, spans, regex limits")
struct ReferenceRuleSetTests {
    func evaluate(_ plan: PlannedRuleSet, _ mention: Mention) -> RuleMatches {
        let evaluator = ReferenceEvaluator(plan)
        return evaluator.evaluate(AnalyzedMention(mention), scratch: evaluator.makeScratch())
    }

    @Test func referencesReuseAHubRule() throws {
        let plan = try #require(
            Oracle.plan(
                ["spotify OR @SpotifyCares OR #spotify", "rule:brand (crash* OR freez*) -job", "rule:brand refund*"],
                ids: ["brand", "crash", "billing"]))
        #expect(evaluate(plan, Mention(text: "Spotify keeps crashing")).ruleIndices == [0, 1])
        #expect(evaluate(plan, Mention(text: "@SpotifyCares refund please")).ruleIndices == [0, 2])
        #expect(evaluate(plan, Mention(text: "Deezer keeps crashing")).ruleIndices == [])
        #expect(evaluate(plan, Mention(text: "spotify crash reporting job")).ruleIndices == [0])
    }

    @Test func disabledReferencedRulesAreEvaluatedButNotEmitted() throws {
        let plan = try #require(
            Oracle.plan(["spotify OR #spotify", "rule:brand crash*"], ids: ["brand", "crash"], enabled: [false, true]))
        let result = evaluate(plan, Mention(text: "#Spotify crashed"))
        #expect(result.ruleIndices == [1])
        #expect(result.spans[0] == nil)
        #expect(evaluate(plan, Mention(text: "crashed")).ruleIndices == [])
    }

    @Test func referenceChainsAndNegatedReferences() throws {
        let plan = try #require(
            Oracle.plan(["spotify", "rule:a app", "rule:b crash", "rule:a -rule:c"], ids: ["a", "b", "c", "d"]))
        #expect(evaluate(plan, Mention(text: "spotify app crash")).ruleIndices == [0, 1, 2])
        #expect(evaluate(plan, Mention(text: "spotify app")).ruleIndices == [0, 1, 3])
        #expect(evaluate(plan, Mention(text: "spotify crash")).ruleIndices == [0, 3])
        #expect(plan.evaluationOrder == [0, 1, 2, 3])
    }

    @Test func spansAreByteRangesOfThePositiveParts() {
        // "Spotify keeps crashing": Spotify 0..<7, keeps 8..<13, crashing 14..<22.
        #expect(Oracle.spans("spotify crash*", "Spotify keeps crashing") == [0..<7, 14..<22])
        #expect(Oracle.spans("\"keeps crashing\"", "Spotify keeps crashing") == [8..<22])
        #expect(Oracle.spans("spotify -job", "Spotify app") == [0..<7])
        #expect(Oracle.spans("spotify (crash OR NOT job)", "Spotify app") == [0..<7])
        // Multibyte text: "café " is 6 bytes.
        #expect(Oracle.spans("crash", "café crash") == [6..<11])
        // An entity's word view covers its body; the entity itself includes the sigil.
        #expect(Oracle.spans("spotify", "#Spotify rocks") == [1..<8])
        #expect(Oracle.spans("#spotify", "#Spotify rocks") == [0..<8])
        // Duplicates are removed, the result is sorted.
        #expect(Oracle.spans("crash OR crash*", "crash") == [0..<5])
        #expect(Oracle.spans("rock OR spotify", "spotify rock") == [0..<7, 8..<12])
        // NEAR: the occurrences of both operands.
        #expect(Oracle.spans("spotify NEAR/1 crash", "crash spotify crash") == [0..<5, 6..<13, 14..<19])
        // Regex: every non-empty match.
        #expect(Oracle.spans(#"spotify /crash\w+/"#, "Spotify crashes, crashed") == [0..<7, 8..<15, 17..<24])
        // Fields add nothing.
        #expect(Oracle.spans("spotify has:link", "spotify https://x.com") == [0..<7])
    }

    @Test func spansOfSeveralTextFieldsPointIntoTheJoinedText() throws {
        let plan = try #require(Oracle.plan(["spotify crash"]))
        // "Spotify" + "\n\n" + "crash": crash starts at byte 9.
        #expect(evaluate(plan, Mention(texts: ["Spotify", "crash"])).spans[0] == [0..<7, 9..<14])
    }

    @Test func spansIncludeMatchedReferencedRules() throws {
        let plan = try #require(
            Oracle.plan(["spotify OR @SpotifyCares", "rule:brand crash*"], ids: ["brand", "crash"], enabled: [false, true]))
        // "@SpotifyCares app crashed": the mention is 0..<13, "crashed" 18..<25.
        #expect(evaluate(plan, Mention(text: "@SpotifyCares app crashed")).spans[1] == [0..<13, 18..<25])
        let negated = try #require(Oracle.plan(["job", "spotify -rule:jobs"], ids: ["jobs", "r"]))
        #expect(evaluate(negated, Mention(text: "spotify")).spans[1] == [0..<7])
    }

    @Test func regexLimitHitsCountAsNoMatchAndAreReported() throws {
        var configuration = PlanConfiguration()
        configuration.regexLimits = RegexLimits(matchLimit: 10_000, depthLimit: 1_000)
        let plan = try #require(Oracle.plan(["spotify /(a+)+$/", "spotify", "spotify /(a+)+$/ OR crash"], configuration: configuration))
        let text = "spotify " + String(repeating: "a", count: 40) + "b crash"
        let result = evaluate(plan, Mention(text: text))
        #expect(result.ruleIndices == [1, 2])
        #expect(result.regexLimitHits == [0, 2])
        // Where the regex can answer, it does.
        let quick = evaluate(plan, Mention(text: "spotify aaaa"))
        #expect(quick.ruleIndices == [0, 1, 2])
        #expect(quick.regexLimitHits == [])
    }

    @Test func aScratchIsReusableAcrossMentions() throws {
        let plan = try #require(Oracle.plan([#"spotify /crash\w*/i"#, "deezer"]))
        let evaluator = ReferenceEvaluator(plan)
        let scratch = evaluator.makeScratch()
        let texts = ["Spotify CRASHED", "deezer", "spotify", "Spotify crash deezer"]
        let first = texts.map { evaluator.evaluate(AnalyzedMention(Mention(text: $0)), scratch: scratch).ruleIndices }
        let again = texts.map { evaluator.evaluate(AnalyzedMention(Mention(text: $0)), scratch: scratch).ruleIndices }
        #expect(first == [[0], [1], [], [0, 1]])
        #expect(again == first)
    }

    @Test func exactFieldValuesCompareWithoutFolding() {
        #expect(Oracle.matches("author:{SpotifyCares}", Mention(text: "", author: "SpotifyCares")) == true)
        #expect(Oracle.matches("author:{SpotifyCares}", Mention(text: "", author: "spotifycares")) == false)
        #expect(Oracle.matches("author:SpotifyCares", Mention(text: "", author: "spotifycares")) == true)
    }
}
