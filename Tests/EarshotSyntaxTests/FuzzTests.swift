import EarshotSyntax
import EarshotWorkloads
import Testing

/// Random byte strings and random token soups never crash the parser, and always give either a
/// node or at least one error (never both, never neither).
@Suite("Parser fuzzing")
struct FuzzTests {
    static let vocabulary = [
        "AND", "OR", "NOT", "NEAR/2", "NEAR/3f", "NEAR", "(", ")", "\"", "{", "}", "-", "--", "spotify", "crash*", "*", "a*",
        "#tag", "@user", "$SPOT", "😡", "/re(g)?x/i", "/", "author:", "lang:en", "url:x.com", "is:reply", "field:a.b=1",
        "rule:r", "\\", "'", "©", "音", "wi-fi", "?", "\"phrase here\"", "{Exact}", ":", "http://x.io",
    ]

    func check(_ query: String) {
        let parse = QueryParser.parse(query)
        let errors = parse.diagnostics.filter { $0.severity == .error }
        #expect((parse.node == nil) == !errors.isEmpty, "query \(query.debugDescription)")
        for diagnostic in parse.diagnostics {
            _ = diagnostic.render()  // rendering never traps either
        }
    }

    @Test func randomBytes() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<10_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomTokenSoups() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<10_000 {
            let words = (0..<Int.random(in: 1...12, using: &rng)).map { _ in rng.pick(Self.vocabulary) }
            check(words.joined(separator: rng.chance(0.7) ? " " : ""))
        }
    }
}
