/// The flags of `/pattern/flags` (rules.md §2): `i` caseless (Unicode), `s` dot-all, `m`
/// multiline, `x` extended. UTF and Unicode properties (UCP) are always on and need no flag.
///
/// ```swift
/// RegexFlags(["i", "m"]) == [.caseless, .multiline]   // true
/// ```
public struct RegexFlags: OptionSet, Sendable, Hashable {
    /// The bit set.
    public let rawValue: UInt8
    /// Creates flags from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `i`: Unicode caseless matching (`PCRE2_CASELESS`).
    public static let caseless = RegexFlags(rawValue: 1)
    /// `s`: `.` also matches a newline (`PCRE2_DOTALL`).
    public static let dotAll = RegexFlags(rawValue: 2)
    /// `m`: `^` and `$` match at line starts and ends (`PCRE2_MULTILINE`).
    public static let multiline = RegexFlags(rawValue: 4)
    /// `x`: whitespace and `#` comments in the pattern are ignored (`PCRE2_EXTENDED`).
    public static let extended = RegexFlags(rawValue: 8)

    /// Flags from their letters; letters other than `i`, `s`, `m`, `x` are ignored (the query
    /// parser rejects them before a regex is compiled).
    public init(_ letters: Set<Character>) {
        var flags: RegexFlags = []
        if letters.contains("i") { flags.insert(.caseless) }
        if letters.contains("s") { flags.insert(.dotAll) }
        if letters.contains("m") { flags.insert(.multiline) }
        if letters.contains("x") { flags.insert(.extended) }
        self = flags
    }
}

/// PCRE2 resource limits for every match of one regex (rules.md §8). A match that hits one
/// ends as ``RegexOutcome/limitExceeded``, which the engines treat as "no match" and report.
///
/// ```swift
/// let strict = RegexLimits(matchLimit: 10_000, depthLimit: 1_000)
/// ```
public struct RegexLimits: Sendable, Hashable {
    /// `pcre2_set_match_limit_8`: how many times PCRE2 may call its internal match function
    /// (the interpreter) or visit a backtracking point (JIT) during one match attempt.
    public var matchLimit: UInt32
    /// `pcre2_set_depth_limit_8`: how deeply the interpreter's backtracking may nest (JIT
    /// ignores it; its own stack, see ``RegexScratch``, bounds it instead).
    public var depthLimit: UInt32

    /// Creates limits.
    public init(matchLimit: UInt32, depthLimit: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
    }

    /// Match limit 1,000,000 and depth limit 10,000: ample for real patterns on mention-sized
    /// text, while a catastrophic pattern such as `(a+)+$` gives up within milliseconds.
    public static let `default` = RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000)
}

/// Why PCRE2 rejected a pattern: its error code, its message and where it stopped.
///
/// ```swift
/// do { _ = try CompiledRegex(pattern: "ab(c", flags: []) }
/// catch { error.offset }   // 4: PCRE2 reached the end looking for ")"
/// ```
public struct RegexCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// PCRE2's error code (a positive compile error number).
    public var code: Int32
    /// PCRE2's message, from `pcre2_get_error_message_8`.
    public var message: String
    /// UTF-8 byte offset into the pattern where PCRE2 stopped (may equal the pattern's length).
    public var offset: Int

    /// Creates an error value.
    public init(code: Int32, message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// `message (at byte offset N)`.
    public var description: String { "\(message) (at byte offset \(offset))" }
}

/// The outcome of one match attempt.
public enum RegexOutcome: Sendable, Hashable {
    /// Matched these UTF-8 byte offsets of the subject.
    case match(Range<Int>)
    /// No match.
    case noMatch
    /// The match or depth limit (or the JIT stack) ran out: treated as no match and reported.
    case limitExceeded
}
