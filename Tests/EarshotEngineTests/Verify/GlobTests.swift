@testable import EarshotEngine
import Testing

/// `Glob` matches star-only patterns on UTF-8 bytes and `?` patterns on scalars; both must agree
/// with the reference evaluator's plain recursive matcher.
@Suite("Glob")
struct GlobTests {
    @Test(arguments: [
        ("crash*", "crashing", true), ("crash*", "crash", true), ("crash*", "cras", false),
        ("*tify", "spotify", true), ("*tify", "spotifyy", false), ("colo*r", "colour", true),
        ("colo*r", "colr", false), ("colo?r", "colour", true), ("colo?r", "color", false),
        ("a*b*c", "axxbyyc", true), ("a*b*c", "acb", false), ("*", "", true), ("a**", "a", true),
        ("caf?", "café", true), ("caf*", "café", true), ("*é", "café", true), ("日*", "日本", true),
        ("?本", "日本", true), ("😀*", "😀😀", true), ("ab*ba", "aba", false), ("ab*ba", "abba", true),
    ])
    func tableCases(pattern: String, text: String, expected: Bool) {
        #expect(Glob(pattern).matches(text) == expected)
        #expect(ReferenceGlob.matches(pattern: pattern, text) == expected)
    }

    /// Random patterns and texts over a small alphabet with multi-byte scalars, so that runs,
    /// overlaps and scalar boundaries are all exercised.
    @Test func agreesWithReferenceOnRandomCases() {
        let alphabet: [String] = ["a", "b", "é", "日", "😀"]
        var generator = SplitMix(seed: 20_261_204)
        for _ in 0..<20_000 {
            let pattern = (0..<Int.random(in: 0...6, using: &generator)).map { _ -> String in
                switch Int.random(in: 0..<8, using: &generator) {
                case 0, 1: "*"
                case 2: "?"
                default: alphabet.randomElement(using: &generator) ?? "a"
                }
            }.joined()
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? "a"
            }.joined()
            #expect(
                Glob(pattern).matches(text) == ReferenceGlob.matches(pattern: pattern, text),
                "pattern \(pattern) text \(text)")
        }
    }
}

/// A small seeded generator, so failures reproduce.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
