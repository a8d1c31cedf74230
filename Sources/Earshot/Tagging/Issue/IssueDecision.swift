/// Why a mention got its issue type: the label, which rule decided it, and every issue rule of
/// the pack that matched (what `earshot explain` prints).
public struct IssueDecision: Sendable, Hashable {
    /// Where the label came from.
    public enum Source: Sendable, Hashable {
        /// `tags.issue_type` of one of the user's matching rules (it takes precedence).
        case userRule(String)
        /// The issue rule of the pack that won the tie-break.
        case packRule(String)
        /// No issue rule matched: the label is `none`.
        case noRule
    }

    /// One matching issue rule of the pack.
    public struct RuleHit: Sendable, Hashable {
        /// The rule id.
        public var rule: String
        /// Its `tags.issue_type`.
        public var issueType: IssueType
    }

    /// The label.
    public var issueType: IssueType
    /// Which rule decided it.
    public var source: Source
    /// Every matching issue rule of the pack, in tie-break order (then file order).
    public var packHits: [RuleHit]
}
