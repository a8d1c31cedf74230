/// The counters of one run; `input == output + unmatched + rejected` always holds, where
/// `unmatched` counts mentions left out by `--only-matched` (and every mention with
/// `--format count`).
public struct RunSummary: Sendable, Hashable {
    /// Non-blank lines read.
    public var input = 0
    /// Lines written to stdout (annotated, passed through or tsv rows).
    public var output = 0
    /// Mentions that matched at least one rule.
    public var matched = 0
    /// Mentions not written because they did not match (`--only-matched`) or `--format count`.
    public var unmatched = 0
    /// Rejected lines.
    public var rejected = 0
    /// Blank lines.
    public var blank = 0
    /// Rejections per reason.
    public var rejectedByReason: [RejectReason: Int] = [:]
    /// Matches per rule index (for `--format count`).
    public var matchesPerRule: [Int] = []
    /// Mentions on which each rule's regex hit a PCRE2 limit, per rule index.
    public var regexLimitHits: [Int: Int] = [:]
    /// Wall time in seconds.
    public var elapsedSeconds = 0.0

    /// Creates empty counters.
    public init() {}

    /// The stderr line of stream.md:
    /// `earshot: in=… out=… matched=… rejected=… blank=… (1.2s, 12345/s)`.
    public var line: String {
        let rate = elapsedSeconds > 0 ? Int((Double(input) / elapsedSeconds).rounded()) : input
        let seconds = (elapsedSeconds * 1000).rounded() / 1000
        return "earshot: in=\(input) out=\(output) matched=\(matched) rejected=\(rejected) blank=\(blank) "
            + "(\(seconds)s, \(rate) mentions/s)"
    }
}
