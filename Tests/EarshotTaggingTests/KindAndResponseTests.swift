import EarshotText
import Testing

@testable import EarshotTagging

private func analyzed(
    _ text: String, author: String? = nil, reply: Bool = false, retweet: Bool = false, quote: Bool = false,
    inReplyTo: String? = nil
) -> AnalyzedMention {
    var mention = Mention(text: text)
    mention.author = author
    mention.isReply = reply
    mention.isRetweet = retweet
    mention.isQuote = quote
    mention.inReplyTo = inReplyTo
    return AnalyzedMention(mention)
}

@Suite("Kind, needs_response and priority (tagging.md Kind and needs-response)")
struct KindAndResponseTests {
    let kinds = KindClassifier(handle: "SpotifyCares")

    @Test("direct: names @handle (any case) or replies to the handle")
    func direct() {
        #expect(kinds.kind(of: analyzed("@spotifycares help")) == .direct)
        #expect(kinds.kind(of: analyzed("thanks @SpotifyCares!")) == .direct)
        #expect(kinds.kind(of: analyzed("still broken", reply: true, inReplyTo: "SpotifyCares")) == .direct)
        #expect(kinds.kind(of: analyzed("still broken", reply: true, inReplyTo: "@spotifycares")) == .direct)
    }

    @Test("reply: a reply to someone else; mention: names the brand only")
    func replyAndMention() {
        #expect(kinds.kind(of: analyzed("same here, spotify is broken", reply: true, inReplyTo: "maja")) == .reply)
        #expect(kinds.kind(of: analyzed("spotify is broken")) == .mention)
        // A look-alike handle is not the handle.
        #expect(kinds.kind(of: analyzed("@SpotifyCaresFan hi")) == .mention)
        // The bare word is not an @-mention.
        #expect(kinds.kind(of: analyzed("SpotifyCares never answers")) == .mention)
    }

    @Test("repost: retweets and quotes, even of a message to the handle")
    func repost() {
        #expect(kinds.kind(of: analyzed("RT @x: @SpotifyCares fix this", retweet: true)) == .repost)
        #expect(kinds.kind(of: analyzed("@SpotifyCares look", quote: true)) == .repost)
    }

    @Test("needs_response: direct, or an issue that is not positive; never a repost or the handle's own post")
    func needsResponse() throws {
        let tagger = Tagger(issues: try IssueClassifier(yaml: "version: 1\nrules: []\n"), handle: "SpotifyCares")
        func decide(_ mention: AnalyzedMention, _ issue: IssueType, _ sentiment: SentimentLabel) -> ResponseDecision {
            let decision = IssueDecision(issueType: issue, source: issue == .none ? .noRule : .packRule("r"), packHits: [])
            return tagger.respond(
                mention, issue: decision, sentiment: sentiment, kind: tagger.kinds.kind(of: mention), userRules: [])
        }
        let direct = analyzed("@SpotifyCares thanks, all good now")
        #expect(decide(direct, .none, .positive) == ResponseDecision(needsResponse: true, reason: .direct))
        let mention = analyzed("spotify keeps skipping")
        #expect(decide(mention, .playback, .negative) == ResponseDecision(needsResponse: true, reason: .issueNotPositive))
        #expect(decide(mention, .playback, .neutral).needsResponse)
        #expect(decide(mention, .featureRequest, .positive) == ResponseDecision(needsResponse: false, reason: .issueButPositive))
        #expect(decide(mention, .none, .negative) == ResponseDecision(needsResponse: false, reason: .noIssue))
        let repost = analyzed("RT @x: @SpotifyCares broken", retweet: true)
        #expect(decide(repost, .playback, .negative) == ResponseDecision(needsResponse: false, reason: .repost))
        let own = analyzed("@SpotifyCares we're on it", author: "SpotifyCares", reply: true, inReplyTo: "SpotifyCares")
        #expect(decide(own, .outage, .negative) == ResponseDecision(needsResponse: false, reason: .writtenByHandle))
    }

    @Test("a needs_response tag overrides: user rules first, then the deciding issue rule")
    func overrideByTag() throws {
        let issues = try IssueClassifier(
            yaml: """
                version: 1
                rules:
                  - id: refund
                    query: 'refund*'
                    tags: {issue_type: billing, needs_response: "false"}
                """)
        let tagger = Tagger(issues: issues, handle: "SpotifyCares")
        let mention = analyzed("@SpotifyCares refund please")
        let byPack = tagger.respond(
            mention, issue: issues.classify(mention), sentiment: .negative, kind: .direct, userRules: [])
        #expect(byPack == ResponseDecision(needsResponse: false, reason: .ruleTag(rule: "refund")))
        let byUser = tagger.respond(
            mention, issue: issues.classify(mention), sentiment: .negative, kind: .direct,
            userRules: [("vip", [("needs_response", "true")])])
        #expect(byUser == ResponseDecision(needsResponse: true, reason: .ruleTag(rule: "vip")))
    }

    @Test("priority: high for outages and negative direct account/billing mentions")
    func priority() {
        #expect(Tagger.priority(issue: .outage, sentiment: .positive, kind: .mention) == .high)
        #expect(Tagger.priority(issue: .billing, sentiment: .negative, kind: .direct) == .high)
        #expect(Tagger.priority(issue: .accountLogin, sentiment: .negative, kind: .direct) == .high)
        #expect(Tagger.priority(issue: .billing, sentiment: .neutral, kind: .direct) == .normal)
        #expect(Tagger.priority(issue: .billing, sentiment: .negative, kind: .mention) == .normal)
        #expect(Tagger.priority(issue: .playback, sentiment: .negative, kind: .direct) == .normal)
    }

    @Test("a rule's priority tag suppresses the computed priority")
    func priorityFromRule() throws {
        let tagger = Tagger(issues: try IssueClassifier(yaml: "version: 1\nrules: []\n"), handle: "SpotifyCares")
        let tags = tagger.tag(analyzed("spotify"), userRules: [("r", [("priority", "high")])])
        #expect(tags.computedPriority == nil)
        #expect(tagger.tag(analyzed("spotify"), userRules: [("r", [])]).computedPriority == .normal)
    }
}
