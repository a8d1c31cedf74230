import EarshotText

/// The matching rules for one mention: what the stream writes into the annotation.
public struct MentionMatch: Sendable, Hashable {
    /// Indices of the matching rules, in rules-file order.
    public var ruleIndices: [Int]
    /// For each matching rule index, UTF-8 byte ranges in the NFC text that satisfied it.
    public var spans: [Int: [Range<Int>]]
    /// Indices of rules whose regex hit a PCRE2 limit on this mention (counted as no match).
    public var regexLimitHits: [Int]

    /// Creates a match result.
    public init(ruleIndices: [Int], spans: [Int: [Range<Int>]] = [:], regexLimitHits: [Int] = []) {
        self.ruleIndices = ruleIndices
        self.spans = spans
        self.regexLimitHits = regexLimitHits
    }

    /// No rule matched.
    public static let none = MentionMatch(ruleIndices: [])
}

/// What the stream asks of a compiled rule set: one coarse call per mention.
///
/// The stream never sees queries or plans, only rule ids, tags and this call.
public protocol MentionMatcher: Sendable {
    /// Rule ids, indexed by rule index.
    var ruleIDs: [String] { get }
    /// Each rule's `tags`, in file order, indexed by rule index.
    var ruleTags: [[(key: String, value: String)]] { get }
    /// Matches one analyzed mention.
    /// - Parameter wantSpans: compute ``MentionMatch/spans`` (costs extra work).
    func match(_ mention: AnalyzedMention, wantSpans: Bool) -> MentionMatch
    /// The JSON paths (relative to the mention root) that `field:` queries read; `nil` when the
    /// matcher may read any of the mention's JSON (then every line is parsed whole).
    var jsonFieldPaths: [[String]]? { get }
    /// An independent copy for another worker thread. Threads that share one compiled matcher
    /// contend on its reference counts and scratch pool; with a replica each keeps to its own
    /// memory. A matcher with nothing to gain may return itself (the default).
    func replica() -> any MentionMatcher
}

extension MentionMatcher {
    /// By default a matcher may read anything.
    public var jsonFieldPaths: [[String]]? { nil }
    /// By default the matcher is shared.
    public func replica() -> any MentionMatcher { self }
}
