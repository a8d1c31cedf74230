/// What to do with a line that cannot be read as a mention (stream.md "Bad input").
///
/// The default is ``skip``.
public enum OnErrorPolicy: String, Sendable, Hashable, CaseIterable {
    /// Record it (rejects file, first 10 reasons on stderr) and go on.
    case skip
    /// Write the line through unchanged and count it rejected.
    case pass
    /// Flush what is done, report the line, exit 2.
    case fail
}

/// How results are written. The default is ``jsonl``.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// The input line with the annotation member spliced in.
    case jsonl
    /// `id<TAB>rule ids<TAB>sentiment` (comma-separated rule ids; sentiment empty when untagged).
    case tsv
    /// One JSON object of counts per rule at the end.
    case count
}

/// Settings of one `earshot match` run; every default is the documented one.
public struct MatchConfiguration: Sendable, Hashable {
    /// How JSON maps to mention fields.
    public var mapping = FieldMapping()
    /// The annotation member's name (`--key`).
    public var annotationKey = "earshot"
    /// Fail on an input that already has the annotation member (`--strict`).
    public var strict = false
    /// Write only matched mentions (`--only-matched`).
    public var onlyMatched = false
    /// Add `spans` to annotations (`--spans`).
    public var includeSpans = false
    /// Output format (`--format`).
    public var format = OutputFormat.jsonl
    /// Bad input policy (`--on-error`).
    public var onError = OnErrorPolicy.skip
    /// Longest accepted line in bytes (`--max-line-bytes`, default 16 MiB).
    public var maxLineBytes = 16 << 20
    /// Worker threads for matching (`--threads`); output stays in input order. 1 matches on
    /// the reading thread; more batch what is already waiting and match it in parallel.
    public var threads = 1
    /// Add `pos`, `neu`, `neg` to the sentiment member (`--sentiment-detail`).
    public var sentimentDetail = false
    /// `earshot tag`: tag every mention, matched or not, and leave `rules` out of the annotation.
    public var tagEveryMention = false
    /// How many rejection reasons to print on stderr.
    public var reasonsToPrint = 10

    /// Creates the default configuration.
    public init() {}
}
