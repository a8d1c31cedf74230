/// Per-thread PCRE2 match state: match data, a match context carrying the limits, and a JIT
/// stack. Create one per worker (``CompiledRegex/makeScratch()`` or ``init()``) and pass it
/// to every match that worker makes, with any regex. It is not `Sendable`: never share one
/// between threads at the same time.
///
/// ```swift
/// let scratch = RegexScratch()
/// for regex in regexes { _ = regex.firstMatch(in: text, scratch: scratch) }
/// ```
public final class RegexScratch {
    let data: OpaquePointer
    let context: OpaquePointer
    private let jitStack: OpaquePointer?

    /// JIT stack: starts at 32 KiB and may grow to 1 MiB (PCRE2's built-in default is a fixed
    /// 32 KiB on the machine stack); a match that needs more ends as `.limitExceeded`.
    static let jitStackStart = 32 * 1024
    static let jitStackMax = 1024 * 1024

    /// Allocates match data, a match context and a JIT stack.
    public init() {
        guard let data = PCRE2.makeMatchData(), let context = PCRE2.makeMatchContext() else {
            preconditionFailure("PCRE2 could not allocate match data (out of memory)")
        }
        self.data = data
        self.context = context
        jitStack = PCRE2.makeJITStack(start: Self.jitStackStart, max: Self.jitStackMax)
        // Without its own stack, JIT uses the 32 KiB default: still correct, just shallower.
        if let jitStack { PCRE2.assignJITStack(jitStack, to: context) }
    }

    deinit {
        PCRE2.freeMatchData(data)
        PCRE2.freeMatchContext(context)
        if let jitStack { PCRE2.freeJITStack(jitStack) }
    }
}
