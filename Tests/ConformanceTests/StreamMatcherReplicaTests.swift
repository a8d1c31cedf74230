import Earshot
import Testing

/// `earshot match --threads N` gives each worker a replica of the stream matcher; a replica must
/// be an independent engine that answers exactly as the original.
@Suite("Stream matcher replicas")
struct StreamMatcherReplicaTests {
    @Test func replicaMatchesLikeTheOriginal() throws {
        let original = try RuleSet.defaultPack().streamMatcher
        let replica = original.replica()
        #expect(replica.ruleIDs == original.ruleIDs)
        let texts = [
            "@SpotifyCares the app keeps crashing on my iphone",
            "is spotify down for anyone else?",
            "spotify charged me twice this month",
            "listening to spotify on the bus",
            "nothing to see here",
        ]
        var matchedAny = false
        for text in texts {
            let mention = AnalyzedMention(Mention(text: text))
            let expected = original.match(mention, wantSpans: true)
            #expect(replica.match(mention, wantSpans: true) == expected, "\(text)")
            matchedAny = matchedAny || !expected.ruleIndices.isEmpty
        }
        #expect(matchedAny)
    }
}
