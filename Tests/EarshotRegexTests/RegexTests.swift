import EarshotRegex
import Testing

@Suite("PCRE2 wrapper")
struct RegexTests {
    let scratch = RegexScratch()

    @Test func matchesWithByteOffsets() throws {
        let regex = try CompiledRegex(pattern: #"crash\w*"#, flags: [])
        // "café " is 6 bytes (é is 2), so "crashing" starts at byte 6.
        #expect(regex.firstMatch(in: "café crashing", scratch: scratch) == .match(6..<14))
        #expect(regex.firstMatch(in: "all good", scratch: scratch) == .noMatch)
    }

    @Test func flags() throws {
        #expect(try CompiledRegex(pattern: "spotify", flags: [.caseless]).firstMatch(in: "SPOTIFY", scratch: scratch) == .match(0..<7))
        #expect(try CompiledRegex(pattern: "a.b", flags: []).firstMatch(in: "a\nb", scratch: scratch) == .noMatch)
        #expect(try CompiledRegex(pattern: "a.b", flags: [.dotAll]).firstMatch(in: "a\nb", scratch: scratch) == .match(0..<3))
        #expect(try CompiledRegex(pattern: "^b$", flags: [.multiline]).firstMatch(in: "a\nb", scratch: scratch) == .match(2..<3))
        #expect(try CompiledRegex(pattern: "a b", flags: [.extended]).firstMatch(in: "ab", scratch: scratch) == .match(0..<2))
        #expect(RegexFlags(["i", "s"]) == [.caseless, .dotAll])
    }

    @Test func unicodeAlwaysOn() throws {
        // UCP: \w covers accented letters; UTF: . is one code point.
        #expect(try CompiledRegex(pattern: #"^\w+$"#, flags: []).firstMatch(in: "café", scratch: scratch) == .match(0..<5))
        #expect(try CompiledRegex(pattern: "^.$", flags: []).firstMatch(in: "é", scratch: scratch) == .match(0..<2))
        #expect(try CompiledRegex(pattern: "straße", flags: [.caseless]).firstMatch(in: "STRAßE", scratch: scratch) == .match(0..<7))
    }

    @Test func compileErrorsCarryMessageAndOffset() {
        do {
            _ = try CompiledRegex(pattern: "ab(c", flags: [])
            Issue.record("expected a compile error")
        } catch {
            #expect(error.offset == 4)
            #expect(error.message.contains("missing closing parenthesis"))
        }
    }

    @Test func catastrophicBacktrackingHitsTheLimitInsteadOfHanging() throws {
        let regex = try CompiledRegex(
            pattern: "(a+)+$", flags: [], limits: RegexLimits(matchLimit: 10_000, depthLimit: 1_000))
        let text = String(repeating: "a", count: 40) + "b"
        #expect(regex.firstMatch(in: text, scratch: scratch) == .limitExceeded)
    }

    @Test func allMatchesHandlesEmptyMatches() throws {
        let words = try CompiledRegex(pattern: #"\w+"#, flags: [])
        #expect(words.allMatches(in: "ab cd", scratch: scratch).ranges == [0..<2, 3..<5])
        let empty = try CompiledRegex(pattern: "x*", flags: [])
        let result = empty.allMatches(in: "axb", scratch: scratch)
        #expect(result.ranges.contains(1..<2))
        #expect(!result.limitExceeded)
    }

    @Test(arguments: [
        (#"keeps?\s+crash\w*"#, RegexFlags(), "crash"),
        ("spotify", RegexFlags(), "spotify"),
        (#"24\/7 support"#, RegexFlags(), "24/7 support"),
        ("(a|b)crashing", RegexFlags(), "crashing"),
        ("ab+cdef", RegexFlags(), "cdef"),
        (#"\p{L}+ing"#, RegexFlags(), "ing"),
    ])
    func requiredLiterals(pattern: String, flags: RegexFlags, literal: String) {
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: pattern, flags: flags) == literal)
    }

    @Test(arguments: ["a|b", "(?i)spotify", "x*y?"])
    func noRequiredLiteral(pattern: String) {
        let literal = RegexLiteralAnalysis.longestRequiredLiteral(pattern: pattern, flags: [])
        #expect(literal == nil || literal!.count < 2)
    }

    @Test func extendedModeGivesUp() {
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: "spot ify", flags: [.extended]) == nil)
    }
}
