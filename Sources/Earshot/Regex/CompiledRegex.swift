/// A PCRE2 regular expression compiled once (and JIT-compiled where available), then shared by
/// every thread: the `/pattern/flags` of rules.md §2 and its safety limits of §8.
///
/// UTF and Unicode properties (`PCRE2_UTF | PCRE2_UCP`) are always on, so `\w`, `\b`, `\d` and
/// caseless matching follow Unicode. Subjects are Swift strings (valid UTF-8) and every range
/// is in UTF-8 bytes of the subject.
///
/// ```swift
/// let regex = try CompiledRegex(pattern: #"keeps?\s+crash\w*"#, flags: [.caseless])
/// let scratch = regex.makeScratch()                          // one per thread
/// regex.firstMatch(in: "App KEEPS crashing", scratch: scratch)   // .match(4..<18)
/// ```
public final class CompiledRegex: @unchecked Sendable {
    // @unchecked Sendable: after init nothing here is ever written. PCRE2's compiled code
    // (including its JIT machine code) is read-only once pcre2_jit_compile returns, and PCRE2
    // documents that one pcre2_code may be used by many threads at once as long as each thread
    // has its own match data, match context and JIT stack, which live in RegexScratch.
    private let code: OpaquePointer
    /// The pattern as written (without slashes and flags).
    public let pattern: String
    /// The flags it was compiled with.
    public let flags: RegexFlags
    /// The limits applied to every match.
    public let limits: RegexLimits
    /// True when PCRE2's JIT compiled the pattern (false: the interpreter runs it).
    public let isJIT: Bool

    /// Compiles a pattern with UTF and UCP always on.
    ///
    /// ```swift
    /// let regex = try CompiledRegex(pattern: "^$", flags: [.multiline])
    /// ```
    /// - Parameters:
    ///   - pattern: the PCRE2 pattern (in a query: the text between the slashes, `\/` unescaped).
    ///   - flags: `i`, `s`, `m`, `x` as ``RegexFlags``.
    ///   - limits: match and depth limits (default ``RegexLimits/default``).
    /// - Throws: ``RegexCompileError`` with PCRE2's code, message and byte offset.
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
        self.flags = flags
        self.limits = limits
        self.isJIT = PCRE2.jitCompile(code)
    }

    deinit { PCRE2.free(code) }

    /// Creates per-thread match state for this regex (and any other: a scratch is not tied to
    /// one regex). Same as ``RegexScratch/init()``.
    public func makeScratch() -> RegexScratch { RegexScratch() }

    /// The first match in `text`.
    /// - Returns: the byte range of the match, `.noMatch`, or `.limitExceeded`.
    /// - Complexity: PCRE2's; bounded by ``limits``.
    public func firstMatch(in text: String, scratch: RegexScratch) -> RegexOutcome {
        var copy = text
        return copy.withUTF8 { firstMatch(assumingValidUTF8: $0, from: 0, scratch: scratch) }
    }

    /// Every non-overlapping match, left to right, as PCRE2's global matching finds them (an
    /// empty match is followed by a search that may not be empty at the same place), and
    /// whether a limit stopped the search early (the ranges found so far are kept).
    public func allMatches(in text: String, scratch: RegexScratch) -> (ranges: [Range<Int>], limitExceeded: Bool) {
        var copy = text
        return copy.withUTF8 { allMatches(assumingValidUTF8: $0, scratch: scratch) }
    }

    /// The first match at or after byte `start` of a buffer of valid UTF-8 (the hot-path form:
    /// pass the bytes of `String.withUTF8` without copying).
    ///
    /// The caller promises valid UTF-8 and a `start` on a character boundary: PCRE2's own check
    /// is skipped (`PCRE2_NO_UTF_CHECK`), since Swift strings are always valid UTF-8. The
    /// buffer is only read during the call.
    package func firstMatch(assumingValidUTF8 bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, scratch: RegexScratch)
        -> RegexOutcome
    {
        match(bytes, from: start, options: 0, scratch: scratch)
    }

    /// ``allMatches(in:scratch:)`` over a buffer of valid UTF-8 (see
    /// ``firstMatch(assumingValidUTF8:from:scratch:)`` for the promise the caller makes).
    package func allMatches(assumingValidUTF8 bytes: UnsafeBufferPointer<UInt8>, scratch: RegexScratch)
        -> (ranges: [Range<Int>], limitExceeded: Bool)
    {
        var ranges: [Range<Int>] = []
        var start = 0
        var options: UInt32 = 0
        while start <= bytes.count {
            switch match(bytes, from: start, options: options, scratch: scratch) {
            case .noMatch:
                return (ranges, false)
            case .limitExceeded:
                return (ranges, true)
            case .match(let range):
                ranges.append(range)
                if range.isEmpty {
                    // Search again from the same place, but not for another empty match there
                    // (a non-empty one there, or any match further on, may follow).
                    if range.lowerBound >= bytes.count { return (ranges, false) }
                    options = PCRE2.notEmptyAtStart
                    start = range.lowerBound
                } else {
                    options = 0
                    start = range.upperBound
                }
            }
        }
        return (ranges, false)
    }

    private func match(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, options: UInt32, scratch: RegexScratch)
        -> RegexOutcome
    {
        precondition(start >= 0 && start <= bytes.count, "match start \(start) outside the subject")
        PCRE2.setLimits(scratch.context, matchLimit: limits.matchLimit, depthLimit: limits.depthLimit)
        let result = PCRE2.match(
            code, bytes, start: start, options: PCRE2.noUTFCheck | options, data: scratch.data, context: scratch.context)
        if result >= 0 { return .match(PCRE2.matchRange(scratch.data)) }
        switch result {
        case PCRE2.noMatch: return .noMatch
        case PCRE2.matchLimit, PCRE2.depthLimit, PCRE2.heapLimit, PCRE2.jitStackLimit: return .limitExceeded
        // Other run-time errors (none are expected with valid UTF-8) are safest as no match.
        default: return .noMatch
        }
    }
}
