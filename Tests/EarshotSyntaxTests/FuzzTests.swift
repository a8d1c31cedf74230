import EarshotSyntax
import EarshotWorkloads
import Testing

/// Seeded fuzzing: random byte strings and random token soups never crash the parser, and
/// always give either a node or at least one error (never both, never neither), and spans stay
/// inside the query. Successful parses of ASCII and vocabulary soups print back to a query that
/// parses to the same tree (random Unicode is left out of that check: folding is not always
/// re-tokenizable, e.g. `½` folds to `1⁄2`, which reads back as two words).
@Suite("Parser fuzzing")
struct FuzzTests {
    static let vocabulary = [
        "AND", "OR", "NOT", "NEAR/2", "NEAR/3f", "NEAR/999", "NEAR", "near/2", "and", "(", ")", "((", "))", "\"", "\\\"", "{", "}", "-",
        "--", "spotify", "crash*", "*", "a*", "?", "colo?r", "#tag", "#a*", "@user", "$SPOT", "😡", "❤", "/re(g)?x/i", "/", "/a b/",
        "author:", "author:x", "author:(a OR b)", "lang:en", "lang:e*", "url:x.com", "url:*.x.com", "is:reply", "is:no", "has:link",
        "field:a.b=1", "field:a=\"x y\"", "field:", "athor:x", "rule:r", "\\", "'", "©", "!!!", "音", "音*", "ก", "wi-fi", "\"phrase here\"",
        "{Exact}", "{}", ":", "12:30", "http://x.io", "www.x.io/a", "\n", "\t", "\u{00A0}", "\u{200B}", "é", "e\u{301}",
    ]

    static func check(_ query: String, roundTrip: Bool = true) {
        let parse = QueryParser.parse(query)
        let errors = parse.diagnostics.filter { $0.severity == .error }
        #expect((parse.node == nil) == !errors.isEmpty, "query \(query.debugDescription)")
        let length = query.utf8.count
        for diagnostic in parse.diagnostics {
            if let span = diagnostic.span {
                #expect(span.start.offset <= span.end.offset && span.end.offset <= length, "query \(query.debugDescription)")
                #expect(span.start.line >= 1 && span.start.column >= 1)
            }
            _ = diagnostic.render()  // rendering never traps either
        }
        guard let node = parse.node, roundTrip else { return }
        #expect(node.span.end.offset <= length)
        let printed = node.description
        let reparsed = QueryParser.parse(printed)
        #expect(reparsed.node?.description == printed, "query \(query.debugDescription) printed as \(printed.debugDescription)")
    }

    @Test func randomByteStrings() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            Self.check(String(decoding: bytes, as: UTF8.self), roundTrip: false)
        }
    }

    @Test func randomASCIIStrings() {
        // Printable ASCII hits the syntax characters far more often than random bytes do.
        var rng = SeededGenerator(seed: 3)
        let alphabet = Array(" ()\"{}-/\\*?:=@#$.,abcAND OR NOT NEAR/2f xyz\n")
        for _ in 0..<20_000 {
            Self.check(String((0..<Int.random(in: 0...30, using: &rng)).map { _ in rng.pick(alphabet) }))
        }
    }

    @Test func randomTokenSoups() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let words = (0..<Int.random(in: 1...12, using: &rng)).map { _ in rng.pick(Self.vocabulary) }
            Self.check(words.joined(separator: rng.chance(0.7) ? " " : ""))
        }
    }

    /// Queries near the 64 KiB limit built to stress one construct each: every one parses to a
    /// node or errors, without deep recursion.
    @Test(arguments: [
        String(repeating: "a1 OR b1 c1 ", count: 5_000), String(repeating: "{a ", count: 20_000), String(repeating: "NOT ", count: 15_000) + "x1",
        String(repeating: "author:(", count: 8_000), String(repeating: "\"", count: 30_001), String(repeating: "-", count: 60_000) + "x1",
        String(repeating: "a1 NEAR/2 ", count: 6_000) + "b1", String(repeating: "(a1 ", count: 15_000), String(repeating: "/a ", count: 20_000),
        String(repeating: ") ", count: 30_000), String(repeating: "音", count: 20_000) + "*",
    ])
    func largePathologicalQueries(query: String) {
        Self.check(query, roundTrip: false)
    }

    @Test func mutatedRulesFilesNeverCrash() {
        var rng = SeededGenerator(seed: 11)
        let valid = Array(
            "version: 1\nrules:\n  - id: a\n    query: 'spotify OR #x'\n    tags: {k: v}\n  - id: b\n    query: |\n      rule:a \"x\"\n    examples:\n      match: [x, {text: y}]\n"
                .utf8)
        let inserts = Array("'\"|>-:{}[]#&*!\\\t\n ".utf8)
        for _ in 0..<2_000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(rng.pick(inserts), at: at)
                default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            let source = String(decoding: bytes, as: UTF8.self)
            let parsed = RuleFile.parse(source: source, path: "fuzz.yaml")
            for rule in parsed.file?.rules ?? [] {
                for diagnostic in QueryParser.parse(rule.query).diagnostics {
                    let located = diagnostic.located(in: rule, file: "fuzz.yaml")
                    #expect((located.location?.line ?? 1) >= 1)
                    _ = located.render()
                }
            }
            for diagnostic in parsed.diagnostics { _ = diagnostic.render() }
        }
    }
}
