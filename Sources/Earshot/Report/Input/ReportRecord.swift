/// One annotated mention as the report sees it.
package struct ReportRecord: Sendable, Equatable {
    /// Unix seconds (UTC).
    package var time: Int64
    /// The mention id.
    package var id: MentionID?
    /// A link to the mention, when one can be made.
    package var link: ReportLink?
    /// The author handle.
    package var author: String?
    /// The text (for spike terms and the spike table).
    package var text: String
    /// Whether any rule matched.
    package var matched: Bool
    /// Matching rule ids.
    package var rules: [String]
    /// Tags, when the mention was tagged.
    package var issueType: String?
    package var sentiment: String?
    package var kind: String?
    package var needsResponse: Bool?
    /// The conversation (X v2 `conversation_id`, or a generic `conversation_id` field).
    package var conversationID: MentionID?
    /// Written by the brand's handle.
    package var byHandle: Bool
}

/// Why a line was left out of the report.
package enum SkipReason: String, Error, Sendable, CaseIterable {
    case invalidJSON = "invalid-json"
    case notAnnotated = "not-annotated"
    case noTimestamp = "no-timestamp"
    case badTimestamp = "bad-timestamp"
    case lineTooLong = "line-too-long"
}
