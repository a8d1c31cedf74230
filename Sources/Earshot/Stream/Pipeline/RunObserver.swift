import EarshotTagging
import EarshotText

/// Where a run reports what it does while it runs: a throttled progress callback (the CLI's
/// progress line) and a callback per accepted mention in input order (live spike alerts).
///
/// ```swift
/// var observer = RunObserver()
/// observer.progress = { p in print(p.bytesRead, p.totalBytes ?? 0) }
/// observer.mention = { m in if m.matched { print(m.lineNumber) } }
/// ```
public struct RunObserver {
    /// Called at most once per ``progressInterval`` while input is read, and once at the end.
    public var progress: ((RunProgress) -> Void)?
    /// The shortest time between two progress calls (the spec allows 10 updates a second).
    public var progressInterval: Duration = .milliseconds(100)
    /// Called for every accepted mention, in input order, after its output line is produced.
    public var mention: ((ObservedMention) -> Void)?

    /// No callbacks.
    public init() {}
}

/// A progress snapshot.
public struct RunProgress: Sendable, Hashable {
    /// Bytes of input consumed so far (line bytes and their `\n`).
    public var bytesRead: Int
    /// Total bytes of the inputs, when every input is a regular file.
    public var totalBytes: Int?
    /// Non-blank lines so far.
    public var lines: Int
    /// Matched mentions so far.
    public var matched: Int
    /// Seconds since the run started.
    public var elapsedSeconds: Double
    /// Whether this is the last call of the run.
    public var isFinal: Bool
}

/// One accepted mention as the run saw it.
public struct ObservedMention: Sendable {
    /// 1-based input line number.
    public var lineNumber: Int
    /// The mention's fields.
    public var mention: Mention
    /// Rule ids that matched, in rules-file order.
    public var ruleIDs: [String]
    /// The tags, when the mention was tagged.
    public var tags: MentionTags?

    /// Whether any rule matched.
    public var matched: Bool { !ruleIDs.isEmpty }
}
