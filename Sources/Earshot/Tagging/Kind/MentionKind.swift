/// How a mention relates to the brand's support handle (tagging.md "Kind and needs-response").
public enum MentionKind: String, Sendable, Hashable, CaseIterable {
    /// Mentions the handle or replies to it.
    case direct
    /// A reply, not to the handle.
    case reply
    /// A retweet or a quote.
    case repost
    /// Names the brand without addressing the handle.
    case mention
}
