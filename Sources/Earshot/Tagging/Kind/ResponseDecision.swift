/// Whether a mention belongs in the support queue, and why (tagging.md "Kind and needs-response").
///
/// The rule, first match wins:
/// 1. a `needs_response: true|false` tag of a matching rule (user rules first, then the issue
///    rule that decided the label);
/// 2. a repost never needs a response, nor does a post written by the handle itself;
/// 3. a `direct` mention does;
/// 4. so does a mention with an issue type other than `none` whose sentiment is not positive;
/// 5. nothing else does.
public struct ResponseDecision: Sendable, Hashable {
    /// Why the answer came out as it did.
    public enum Reason: Sendable, Hashable {
        /// A rule's `needs_response` tag.
        case ruleTag(rule: String)
        /// Reposts are never answered.
        case repost
        /// The brand's own post.
        case writtenByHandle
        /// Addressed to the handle.
        case direct
        /// An issue, and the author is not happy about it.
        case issueNotPositive
        /// An issue, but a positive one (e.g. a feature request in praise).
        case issueButPositive
        /// No issue and not addressed to the handle.
        case noIssue
    }

    /// The answer.
    public var needsResponse: Bool
    /// Why.
    public var reason: Reason

    /// The tag key that overrides the computed answer.
    public static let tagKey = "needs_response"
}

/// Support priority (tagging.md: `high` for outages and for negative direct mentions with
/// account or billing issues, else `normal`). A rule's `priority` tag takes precedence.
public enum Priority: String, Sendable, Hashable, CaseIterable {
    /// Answer first.
    case high
    /// Everything else.
    case normal

    /// The tag key of priority.
    public static let tagKey = "priority"
}
