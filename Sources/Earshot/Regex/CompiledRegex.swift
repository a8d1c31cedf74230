/// The flags of `/pattern/flags` (rules.md §2): `i` caseless (Unicode), `s` dot-all, `m`
/// multiline, `x` extended. UTF and Unicode properties (UCP) are always on.
public struct RegexFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let caseless = RegexFlags(rawValue: 1)
    public static let dotAll = RegexFlags(rawValue: 2)
    public static let multiline = RegexFlags(rawValue: 4)
    public static let extended = RegexFlags(rawValue: 8)

    /// Flags from their letters (unknown letters are ignored: the parser rejects them).
    public init(_ letters: Set<Character>) {
        var flags: RegexFlags = []
        if letters.contains("i") { flags.insert(.caseless) }
        if letters.contains("s") { flags.insert(.dotAll) }
        if letters.contains("m") { flags.insert(.multiline) }
        if letters.contains("x") { flags.insert(.extended) }
        self = flags
    }
}

/// PCRE2 resource limits per match (rules.md §8). A regex that hits one counts as "no match".
public struct RegexLimits: Sendable, Hashable {
    /// `pcre2_set_match_limit`: how many internal match calls one match may make.
    public var matchLimit: UInt32
    /// `pcre2_set_depth_limit`: how deep backtracking may nest.
    public var depthLimit: UInt32

    /// Creates limits.
    public init(matchLimit: UInt32, depthLimit: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
    }

    /// 1,000,000 match calls and depth 10,000: generous for real patterns on tweet-sized text,
    /// and a catastrophic pattern gives up in milliseconds.
    public static let `default` = RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000)
}

/// Why PCRE2 rejected a pattern.
public struct RegexCompileError: Error, Sendable, Hashable {
    /// PCRE2's error code.
    public var code: Int32
    /// PCRE2's message.
    public var message: String
    /// Byte offset in the pattern where PCRE2 stopped.
    public var offset: Int
}

/// The outcome of one match attempt.
public enum RegexOutcome: Sendable, Hashable {
    /// Matched these UTF-8 byte offsets.
    case match(Range<Int>)
    /// No match.
    case noMatch
    /// A match or depth limit was hit: treated as no match and reported.
    case limitExceeded
}

/// A compiled PCRE2 regex (JIT-compiled where available), immutable and shareable.
///
/// ```swift
/// let regex = try CompiledRegex(pattern: #"keeps?\s+crash\w*"#, flags: [.caseless])
/// let scratch = RegexScratch()
/// regex.firstMatch(in: "App KEEPS crashing", scratch: scratch)   // .match(4..<18)
/// ```
public final class CompiledRegex: @unchecked Sendable {
    // @unchecked: the pcre2_code and match context are never written after init; PCRE2 allows
    // concurrent matching with one compiled pattern as long as each thread has its own match
    // data (RegexScratch).
    private let code: OpaquePointer
    private let context: OpaquePointer?
    /// The pattern as written.
    public let pattern: String
    /// True when PCRE2's JIT compiled the pattern.
    public let isJIT: Bool

    /// Compiles a pattern with UTF and UCP always on.
    /// - Throws: ``RegexCompileError`` with PCRE2's message and offset.
    public init(pattern: String, flags: RegexFlags, limits: RegexLimits = .default) throws(RegexCompileError) {
        var options = PCRE2.utf | PCRE2.ucp
        if flags.contains(.caseless) { options |= PCRE2.caseless }
        if flags.contains(.dotAll) { options |= PCRE2.dotAll }
        if flags.contains(.multiline) { options |= PCRE2.multiline }
        if flags.contains(.extended) { options |= PCRE2.extended }
        let compiled = PCRE2.compile(pattern, options: options)
        guard let code = compiled.code else {
            throw RegexCompileError(code: compiled.error, message: PCRE2.message(for: compiled.error), offset: compiled.offset)
        }
        self.code = code
        self.pattern = pattern
        self.isJIT = PCRE2.jitCompile(code)
        self.context = PCRE2.makeMatchContext(matchLimit: limits.matchLimit, depthLimit: limits.depthLimit)
    }

    deinit {
        PCRE2.free(code)
        if let context { PCRE2.freeMatchContext(context) }
    }

    /// The first match in `text`.
    public func firstMatch(in text: String, scratch: RegexScratch) -> RegexOutcome {
        var copy = text
        return copy.withUTF8 { firstMatch(inUTF8: $0, from: 0, scratch: scratch) }
    }

    /// The first match at or after byte `start` of valid UTF-8 bytes.
    public func firstMatch(inUTF8 bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, scratch: RegexScratch, options: UInt32 = 0)
        -> RegexOutcome
    {
        // Bytes come from Swift Strings: valid UTF-8, so PCRE2's own check is skipped.
        let result = PCRE2.match(code, bytes, start: start, options: PCRE2.noUTFCheck | options, data: scratch.data, context: context)
        if result >= 0 { return .match(PCRE2.matchRange(scratch.data)) }
        switch result {
        case PCRE2.noMatch: return .noMatch
        case PCRE2.matchLimit, PCRE2.depthLimit, PCRE2.heapLimit, PCRE2.jitStackLimit: return .limitExceeded
        default: return .noMatch
        }
    }

    /// Every non-overlapping match (for highlighting), and whether a limit stopped the search.
    public func allMatches(in text: String, scratch: RegexScratch) -> (ranges: [Range<Int>], limitExceeded: Bool) {
        var copy = text
        return copy.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            var options: UInt32 = 0
            while start <= bytes.count {
                switch firstMatch(inUTF8: bytes, from: start, scratch: scratch, options: options) {
                case .noMatch:
                    return (ranges, false)
                case .limitExceeded:
                    return (ranges, true)
                case .match(let range):
                    ranges.append(range)
                    // After an empty match, retry at the same place without allowing another empty one.
                    options = range.isEmpty ? PCRE2.notEmptyAtStart : 0
                    start = range.upperBound
                    if range.isEmpty, options != 0, start >= bytes.count { return (ranges, false) }
                }
            }
            return (ranges, false)
        }
    }
}

/// Per-thread PCRE2 match data: create one per worker and pass it to every match.
public final class RegexScratch {
    let data: OpaquePointer

    /// Allocates match data.
    public init() {
        guard let data = PCRE2.makeMatchData() else { preconditionFailure("PCRE2 could not allocate match data") }
        self.data = data
    }

    deinit { PCRE2.freeMatchData(data) }
}
