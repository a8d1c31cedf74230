import EarshotRegex
import Testing

@Suite("PCRE2 wrapper: matching")
struct RegexMatchingTests {
    let scratch = RegexScratch()

    func regex(_ pattern: String, _ flags: RegexFlags = []) throws -> CompiledRegex {
        try CompiledRegex(pattern: pattern, flags: flags)
    }

    @Test func matchRangesAreUTF8ByteOffsets() throws {
        // "café " is 6 bytes (é is 2), so "crashing" starts at byte 6 and ends at 14.
        #expect(try regex(#"crash\w*"#).firstMatch(in: "café crashing", scratch: scratch) == .match(6..<14))
        // 😡 is 4 bytes, then a space: "crash" is bytes 5..<10.
        #expect(try regex("crash").firstMatch(in: "😡 crash", scratch: scratch) == .match(5..<10))
        // 很 and 卡 are 3 bytes each.
        #expect(try regex("卡").firstMatch(in: "很卡", scratch: scratch) == .match(3..<6))
        #expect(try regex("crash").firstMatch(in: "all good", scratch: scratch) == .noMatch)
    }

    @Test func emptySubjectsAndEmptyMatches() throws {
        #expect(try regex("^$").firstMatch(in: "", scratch: scratch) == .match(0..<0))
        #expect(try regex("a").firstMatch(in: "", scratch: scratch) == .noMatch)
        #expect(try regex("").firstMatch(in: "abc", scratch: scratch) == .match(0..<0))
    }

    @Test func flagsMapToPCRE2Options() throws {
        #expect(try regex("spotify", [.caseless]).firstMatch(in: "SPOTIFY", scratch: scratch) == .match(0..<7))
        #expect(try regex("spotify").firstMatch(in: "SPOTIFY", scratch: scratch) == .noMatch)
        #expect(try regex("a.b").firstMatch(in: "a\nb", scratch: scratch) == .noMatch)
        #expect(try regex("a.b", [.dotAll]).firstMatch(in: "a\nb", scratch: scratch) == .match(0..<3))
        #expect(try regex("^b$").firstMatch(in: "a\nb", scratch: scratch) == .noMatch)
        #expect(try regex("^b$", [.multiline]).firstMatch(in: "a\nb", scratch: scratch) == .match(2..<3))
        #expect(try regex("a b # comment", [.extended]).firstMatch(in: "ab", scratch: scratch) == .match(0..<2))
        #expect(try regex("a b").firstMatch(in: "ab", scratch: scratch) == .noMatch)
        #expect(RegexFlags(["i", "s"]) == [.caseless, .dotAll])
        #expect(RegexFlags(["m", "x"]) == [.multiline, .extended])
        #expect(RegexFlags([]) == [])
    }

    @Test func utfAndUnicodePropertiesAreAlwaysOn() throws {
        // UCP: \w and \b know accented letters; \d knows other scripts' digits.
        #expect(try regex(#"^\w+$"#).firstMatch(in: "café", scratch: scratch) == .match(0..<5))
        #expect(try regex(#"\bcafé\b"#).firstMatch(in: "un café noir", scratch: scratch) == .match(3..<8))
        #expect(try regex(#"\bcaf\b"#).firstMatch(in: "un café noir", scratch: scratch) == .noMatch)
        #expect(try regex(#"^\d$"#).firstMatch(in: "٣", scratch: scratch) == .match(0..<2))
        // UTF: . is one code point, not one byte.
        #expect(try regex("^.$").firstMatch(in: "é", scratch: scratch) == .match(0..<2))
        #expect(try regex("^.$").firstMatch(in: "😡", scratch: scratch) == .match(0..<4))
        // Caseless is Unicode-aware.
        #expect(try regex("éclair", [.caseless]).firstMatch(in: "ÉCLAIR", scratch: scratch) == .match(0..<7))
        #expect(try regex(#"\p{Han}+"#).firstMatch(in: "spotify很卡", scratch: scratch) == .match(7..<13))
    }

    @Test func catastrophicBacktrackingHitsTheLimitInsteadOfHanging() throws {
        let text = String(repeating: "a", count: 40) + "b"
        let strict = try CompiledRegex(pattern: "(a+)+$", flags: [], limits: RegexLimits(matchLimit: 10_000, depthLimit: 1_000))
        #expect(strict.firstMatch(in: text, scratch: scratch) == .limitExceeded)
        // 2^40 paths: the default limits stop it too.
        #expect(try regex("(a+)+$").firstMatch(in: text, scratch: scratch) == .limitExceeded)
        // The same regex is fine where it can match quickly.
        #expect(strict.firstMatch(in: "aaaa", scratch: scratch) == .match(0..<4))
        let all = strict.allMatches(in: text, scratch: scratch)
        #expect(all.limitExceeded)
        #expect(all.ranges.isEmpty)
    }

    @Test func aScratchServesRegexesWithDifferentLimits() throws {
        let strict = try CompiledRegex(pattern: "(a+)+$", flags: [], limits: RegexLimits(matchLimit: 100, depthLimit: 10))
        let normal = try regex("(a+)+b")
        let text = String(repeating: "a", count: 30) + "b"
        #expect(strict.firstMatch(in: text, scratch: scratch) == .limitExceeded)
        #expect(normal.firstMatch(in: text, scratch: scratch) == .match(0..<31))
        #expect(strict.limits == RegexLimits(matchLimit: 100, depthLimit: 10))
        #expect(normal.limits == .default)
    }

    @Test func allMatchesFindsEveryNonOverlappingMatch() throws {
        #expect(try regex(#"\w+"#).allMatches(in: "ab cd", scratch: scratch).ranges == [0..<2, 3..<5])
        #expect(try regex("aa").allMatches(in: "aaaaa", scratch: scratch).ranges == [0..<2, 2..<4])
        #expect(try regex("z").allMatches(in: "abc", scratch: scratch).ranges == [])
    }

    @Test func allMatchesStepsPastEmptyMatches() throws {
        // Perl-style global matching: "", "x", "", "" at 0, 1..<2, 2, 3.
        let result = try regex("x*").allMatches(in: "axb", scratch: scratch)
        #expect(result.ranges == [0..<0, 1..<2, 2..<2, 3..<3])
        #expect(!result.limitExceeded)
        #expect(try regex(#"\b"#).allMatches(in: "ab cd", scratch: scratch).ranges == [0..<0, 2..<2, 3..<3, 5..<5])
        #expect(try regex("^$").allMatches(in: "", scratch: scratch).ranges == [0..<0])
        // An empty match between multibyte characters lands on character boundaries.
        #expect(try regex("").allMatches(in: "é😡", scratch: scratch).ranges == [0..<0, 2..<2, 6..<6])
    }

    @Test func compiledRegexesAreSharedAcrossThreads() async throws {
        let shared = try regex(#"crash\w*"#, [.caseless])
        let texts = (0..<64).map { "mention \($0): Spotify KEEPS CRASHING" }
        let results = await withTaskGroup(of: [RegexOutcome].self) { group in
            for chunk in 0..<4 {
                group.addTask {
                    let scratch = shared.makeScratch()
                    return texts[(chunk * 16)..<(chunk * 16 + 16)].map { shared.firstMatch(in: $0, scratch: scratch) }
                }
            }
            var all: [RegexOutcome] = []
            for await part in group { all += part }
            return all
        }
        // "mention N: Spotify KEEPS " precedes CRASHING; N has 1 or 2 digits.
        #expect(results.count == 64)
        #expect(results.filter { $0 == .match(25..<33) }.count == 10)
        #expect(results.filter { $0 == .match(26..<34) }.count == 54)
    }
}

@Suite("PCRE2 wrapper: compile errors")
struct RegexCompileErrorTests {
    func compileError(_ pattern: String, _ flags: RegexFlags = []) -> RegexCompileError? {
        do {
            _ = try CompiledRegex(pattern: pattern, flags: flags)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingClosingParenthesisPointsAtTheEnd() throws {
        let error = try #require(compileError("ab(c"))
        #expect(error.offset == 4)
        #expect(error.message.contains("missing closing parenthesis"))
        #expect(error.code > 0)
    }

    @Test func unmatchedClosingParenthesisPointsAtIt() throws {
        let error = try #require(compileError("ab)c"))
        #expect(error.offset == 2)
        #expect(error.message.contains("parenthesis"))
    }

    @Test func offsetsAreBytesNotCharacters() throws {
        // "é" is 2 bytes: the ")" is at byte 3, character 2.
        let error = try #require(compileError("éa)"))
        #expect(error.offset == 3)
    }

    @Test func otherRejectedPatterns() throws {
        #expect(compileError("[z-a]") != nil)
        #expect(compileError("a{3,1}") != nil)
        #expect(compileError(#"\"#) != nil)
        #expect(compileError("(?<n>a)(?<n>b)") != nil)
        #expect(compileError("a b)", [.extended]) != nil)
        #expect(compileError(#"\p{NotAProperty}"#) != nil)
    }

    @Test func validPatternsCompile() {
        #expect(compileError(#"keeps?\s+crash\w*"#) == nil)
        #expect(compileError(#"(?i)spotify"#) == nil)
        #expect(compileError(#"24\/7"#) == nil)
        #expect(compileError("") == nil)
    }
}

@Suite("Required literals of a regex")
struct RegexLiteralAnalysisTests {
    @Test(arguments: [
        (#"keeps?\s+crash\w*"#, "crash"),
        ("spotify", "spotify"),
        (#"24\/7 support"#, "24/7 support"),
        (#"spotify\.com"#, "spotify.com"),
        ("(a|b)crashing", "crashing"),
        ("ab+cdef", "cdef"),
        ("abc+", "abc"),
        ("abcd?", "abc"),
        ("abcd*e", "abc"),
        ("abcd{0,3}", "abc"),
        ("xyzd{2}", "xyzd"),
        ("x{2}yzw", "yzw"),
        ("abc+?", "abc"),
        (#"\p{L}+ing"#, "ing"),
        (#"\pLing"#, "ing"),
        (#"\x41bcd"#, "bcd"),
        (#"\x{1F621}rage"#, "rage"),
        (#"\cAxyz"#, "xyz"),
        (#"(a)\1xyz"#, "xyz"),
        (#"\k<n>xyz"#, "xyz"),
        (#"\g{1}xyz"#, "xyz"),
        ("[[:alpha:]]xyz", "xyz"),
        ("[]a]xyz", "xyz"),
        ("^refund$", "refund"),
        ("(?:ab)cde", "cde"),
        ("(?=x)cde", "cde"),
        ("a{b}cd", "a{b}cd"),
        ("café", "café"),
        ("很卡啊", "很卡啊"),
    ])
    func longestRequiredLiteral(pattern: String, literal: String) {
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: pattern, flags: []) == literal)
    }

    @Test(arguments: [
        "a|b", "spotify|deezer", "(?i)spotify", "(?i:spotify)", "(*UTF)spotify", #"\Qspotify\E"#, "x*y?", #"\d+"#,
        ".*", "[abc]+", "(spotify)", "", "a)", "ab(",
    ])
    func noRequiredLiteralOfAnyLength(pattern: String) {
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: pattern, flags: []) == nil)
    }

    @Test func shortLiteralsAreReportedAsTheyAre() {
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: #"\d+ab\d+"#, flags: []) == "ab")
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: #"a\sb"#, flags: []) == "a")
    }

    @Test func extendedModeGivesUp() {
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: "spot ify", flags: [.extended]) == nil)
    }

    @Test func otherFlagsKeepTheLiteral() {
        #expect(RegexLiteralAnalysis.longestRequiredLiteral(pattern: "Spotify", flags: [.caseless, .multiline, .dotAll]) == "Spotify")
    }
}
