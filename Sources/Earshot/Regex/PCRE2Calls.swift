import CPCRE2

// Every pcre2_*_8 call Earshot makes lives in this file, each wrapper naming the C function it
// calls. Swift cannot import the width-generic macro names (pcre2_compile), so the 8-bit
// functions are called directly. Pointers are OpaquePointer handles owned by CompiledRegex and
// RegexScratch, which free them in deinit.

enum PCRE2 {
    /// `pcre2_compile_8`: compiles a UTF-8 pattern; on failure returns the error code and the
    /// byte offset in the pattern where PCRE2 stopped.
    static func compile(_ pattern: String, options: UInt32) -> (code: OpaquePointer?, error: Int32, offset: Int) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        // A NUL-terminated copy: never empty, so even "" has a base address; PCRE2 reads only
        // the pattern's own bytes (the length excludes the NUL).
        let bytes = Array(pattern.utf8) + [0]
        let code = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count - 1, options, &errorCode, &errorOffset, nil)
        }
        return (code, errorCode, errorOffset)
    }

    /// `pcre2_jit_compile_8` with complete matching; returns false when JIT is unavailable
    /// (the interpreter is used then, with the same results).
    static func jitCompile(_ code: OpaquePointer) -> Bool {
        pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    /// `pcre2_code_free_8`.
    static func free(_ code: OpaquePointer) { pcre2_code_free_8(code) }

    /// `pcre2_get_error_message_8`: the English message for an error code.
    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        guard length > 0 else { return "PCRE2 error \(errorCode)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    /// `pcre2_match_context_create_8`.
    static func makeMatchContext() -> OpaquePointer? { pcre2_match_context_create_8(nil) }

    /// `pcre2_set_match_limit_8` and `pcre2_set_depth_limit_8` (plain field stores: cheap
    /// enough to call before every match).
    static func setLimits(_ context: OpaquePointer, matchLimit: UInt32, depthLimit: UInt32) {
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
    }

    /// `pcre2_match_context_free_8`.
    static func freeMatchContext(_ context: OpaquePointer) { pcre2_match_context_free_8(context) }

    /// `pcre2_jit_stack_create_8`: a JIT stack growing from `start` up to `max` bytes.
    static func makeJITStack(start: Int, max: Int) -> OpaquePointer? { pcre2_jit_stack_create_8(start, max, nil) }

    /// `pcre2_jit_stack_assign_8`: JIT matches run with this context use `stack`.
    static func assignJITStack(_ stack: OpaquePointer, to context: OpaquePointer) {
        pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack))
    }

    /// `pcre2_jit_stack_free_8`.
    static func freeJITStack(_ stack: OpaquePointer) { pcre2_jit_stack_free_8(stack) }

    /// `pcre2_match_data_create_8` with room for the whole match only (captures are not used).
    static func makeMatchData() -> OpaquePointer? { pcre2_match_data_create_8(1, nil) }

    /// `pcre2_match_data_free_8`.
    static func freeMatchData(_ data: OpaquePointer) { pcre2_match_data_free_8(data) }

    /// `pcre2_match_8` from byte `start`; returns the PCRE2 result code.
    static func match(
        _ code: OpaquePointer, _ subject: UnsafeBufferPointer<UInt8>, start: Int, options: UInt32, data: OpaquePointer,
        context: OpaquePointer?
    ) -> Int32 {
        if let base = subject.baseAddress {
            return pcre2_match_8(code, base, subject.count, start, options, data, context)
        }
        // An empty subject without storage: match against a one-byte buffer of length zero.
        var zero: UInt8 = 0
        return pcre2_match_8(code, &zero, 0, start, options, data, context)
    }

    /// `pcre2_get_ovector_pointer_8`: the start and end of the whole match (a `\K` in a
    /// lookahead can put the start after the end; the range is then empty at the start).
    static func matchRange(_ data: OpaquePointer) -> Range<Int> {
        guard let vector = pcre2_get_ovector_pointer_8(data) else { return 0..<0 }
        let start = Int(vector[0])
        return start..<max(start, Int(vector[1]))
    }

    static let noMatch = PCRE2_ERROR_NOMATCH
    static let matchLimit = PCRE2_ERROR_MATCHLIMIT
    static let depthLimit = PCRE2_ERROR_DEPTHLIMIT
    static let heapLimit = PCRE2_ERROR_HEAPLIMIT
    static let jitStackLimit = PCRE2_ERROR_JIT_STACKLIMIT
    static let utf = UInt32(PCRE2_UTF)
    static let ucp = UInt32(PCRE2_UCP)
    static let caseless = UInt32(PCRE2_CASELESS)
    static let dotAll = UInt32(PCRE2_DOTALL)
    static let multiline = UInt32(PCRE2_MULTILINE)
    static let extended = UInt32(PCRE2_EXTENDED)
    static let noUTFCheck = UInt32(PCRE2_NO_UTF_CHECK)
    static let notEmptyAtStart = UInt32(PCRE2_NOTEMPTY_ATSTART)
}
