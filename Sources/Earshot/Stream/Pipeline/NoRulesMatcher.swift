import EarshotText

/// A matcher with no rules: nothing ever matches. `earshot tag` streams through it.
public struct NoRulesMatcher: MentionMatcher {
    /// Creates the empty matcher.
    public init() {}
    public var ruleIDs: [String] { [] }
    public var ruleTags: [[(key: String, value: String)]] { [] }
    public func match(_ mention: AnalyzedMention, wantSpans: Bool) -> MentionMatch { .none }
    public var jsonFieldPaths: [[String]]? { [] }
}
