import EarshotText
import Testing

@testable import EarshotTagging

/// A small issue pack: a hub without a label, and rules of several labels that can overlap.
private let pack = """
    version: 1
    rules:
      - id: brand
        query: 'spotify OR @SpotifyCares'
      - id: playback
        query: 'rule:brand AND ("won''t play" OR skipping OR stopped)'
        tags: {issue_type: playback}
      - id: connect
        query: 'rule:brand AND (speaker* OR bluetooth OR connect)'
        tags: {issue_type: device_connect}
      - id: down
        query: 'rule:brand AND ("is down" OR outage)'
        tags: {issue_type: outage}
      - id: refund
        query: 'rule:brand AND refund*'
        tags: {issue_type: billing, needs_response: "false"}
    """

@Suite("Issue classifier: tie-break and precedence (tagging.md Issue type)")
struct IssueClassifierTests {
    let classifier: IssueClassifier

    init() throws {
        classifier = try IssueClassifier(yaml: pack)
    }

    @Test("one label per mention: a single matching issue rule decides")
    func singleRule() {
        let decision = classifier.classify("spotify keeps skipping my songs")
        #expect(decision.issueType == .playback)
        #expect(decision.source == .packRule("playback"))
    }

    @Test("no issue rule matches: none, even when a hub without a label matches")
    func noneWhenOnlyHub() {
        let decision = classifier.classify("spotify is my favourite app")
        #expect(decision.issueType == .none)
        #expect(decision.source == .noRule)
        #expect(decision.packHits.isEmpty)
    }

    @Test("several labels: the earliest in the tie-break order wins, and all hits are kept")
    func tieBreak() {
        // playback (rank 7) and device_connect (rank 4) and outage (rank 0) all match.
        let decision = classifier.classify("spotify is down, my speaker stopped")
        #expect(decision.issueType == .outage)
        #expect(decision.packHits.map(\.rule) == ["down", "connect", "playback"])
        let connect = classifier.classify("spotify stopped on my bluetooth speaker")
        #expect(connect.issueType == .deviceConnect)
    }

    @Test("the user's own rule with tags.issue_type takes precedence over the pack")
    func userRuleWins() {
        let mention = AnalyzedMention(Mention(text: "spotify is down"))
        let decision = classifier.classify(
            mention, userRuleTags: [("mine", [("team", "emea")]), ("vip", [("issue_type", "billing")])])
        #expect(decision.issueType == .billing)
        #expect(decision.source == .userRule("vip"))
        #expect(decision.packHits.map(\.rule) == ["down"])
    }

    @Test("several user labels follow the same tie-break order, not file order")
    func userRulesTieBreak() {
        let mention = AnalyzedMention(Mention(text: "anything"))
        let decision = classifier.classify(
            mention, userRuleTags: [("a", [("issue_type", "playback")]), ("b", [("issue_type", "outage")])])
        #expect(decision.issueType == .outage)
        #expect(decision.source == .userRule("b"))
    }

    @Test("a user label outside the taxonomy is kept as written")
    func customLabel() {
        let decision = classifier.classify(
            AnalyzedMention(Mention(text: "x")), userRuleTags: [("mine", [("issue_type", "podcast_ads")])])
        #expect(decision.issueType.rawValue == "podcast_ads")
        #expect(!decision.issueType.isTaxonomy)
    }

    @Test("the issue rules are the rules with tags.issue_type, in file order")
    func issueRuleIDs() {
        #expect(classifier.issueRuleIDs == ["playback", "connect", "down", "refund"])
        #expect(classifier.tags(ofRule: "refund").contains { $0 == ("needs_response", "false") })
    }

    @Test("the tie-break order lists every taxonomy label once, none last")
    func order() {
        #expect(IssueType.tieBreakOrder.count == 12)
        #expect(Set(IssueType.tieBreakOrder).count == 12)
        #expect(IssueType.tieBreakOrder.last == IssueType.none)
        #expect(IssueType.tieBreakOrder.first == .outage)
    }
}
