import EarshotStream
import EarshotTestSupport
import Foundation
import Testing

@testable import EarshotReport

/// The byte scanner (``ScannedReader``) against the ``JSONValue`` path it replaces: the same
/// record or skip reason for every line, on the spike fixtures, on hand-written odd lines and on
/// thousands of corrupted variants of them.
@Suite("Report fast reader")
struct ScannedReaderTests {
    typealias Outcome = Result<(ReportRecord, hadOffset: Bool), SkipReason>

    static func same(_ a: Outcome, _ b: Outcome) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): return x.0 == y.0 && x.hadOffset == y.hadOffset
        case (.failure(let x), .failure(let y)): return x == y
        default: return false
        }
    }

    static let fixtureLines: [[UInt8]] = {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Fixtures/spikes/stream.jsonl")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return data.split(separator: 0x0A).prefix(600).map { Array($0) }
    }()

    /// Lines each of which takes some odd branch of the readers.
    static let oddLines: [String] = [
        #"{"data":{"id":"1","text":"a","author_id":"5","created_at":"2026-11-21T10:00:00Z","conversation_id":"1"},"includes":{"users":[{"id":"5","username":"ana"}]},"earshot":{"rules":["r"],"issue_type":"billing","sentiment":{"label":"negative"},"kind":"direct","needs_response":true}}"#,
        #"{"data":{"id":7,"text":"caf\u00e9 \"q\" \ud83d\ude00","author_id":5,"created_at":"2026-11-21T12:30:00+02:00"},"includes":{"users":[{"id":"5","username":"ana"}]},"earshot":{"rules":["a",1,null,"b\u0021"]}}"#,
        #"{"data":{"text":"t","created_at":1795269780.5,"note_tweet":{"text":"long"}},"earshot":{"rules":[],"issue_type":null}}"#,
        #"{"data":{"text":"t","created_at":"1795269780","note_tweet":{"text":5}},"earshot":{"issue_type":3,"kind":true,"needs_response":"yes"}}"#,
        #"{"data":{"created_at":"2026-11-21T10:00:00Z"},"earshot":{"rules":["r"]}}"#,
        #"{"data":{"text":"t","created_at":"2026-11-21T10:00:00Z","author_id":"9"},"includes":[{"users":[{"id":"9","username":"x"}]}],"earshot":{}}"#,
        #"{"data":{"text":"t","created_at":"2026-11-21T10:00:00Z","author_id":"9"},"includes":{"users":{"id":"9","username":"x"}},"earshot":{}}"#,
        #"{"data":{"text":"t","created_at":"2026-11-21T10:00:00Z","author_id":"9"},"includes":{"users":[1,{"id":9},{"id":"9","username":"y"}]},"earshot":{}}"#,
        #"{"data":{"text":"t","created_at":"2026-11-21T10:00:00Z","author_id":"9"},"includes":{"users":[{"i\u0064":"9","username":"y"}]},"earshot":{}}"#,
        #"{"data":{"text":"t","created_at":"2026-11-21T10:00:00Z","author_id":"9"},"includes":"none","earshot":{}}"#,
        #"{"da\u0074a":{"text":"t","created_at":"2026-11-21T10:00:00Z"},"earshot":{}}"#,
        #"{"data":"x","data":{"text":"t","created_at":"2026-11-21T10:00:00Z"},"earshot":{}}"#,
        #"{"data":{"text":"a","text":"b","created_at":"2026-11-21T10:00:00Z","created_at":"x"},"earshot":{"rules":["1"]},"earshot":{"rules":["2"]}}"#,
        #"{"data":{"text":"t","created_at":"2026-11-21T10:00:00Z"},"earshot":"x"}"#,
        #"{"data":{"text":"t","created_at":"soon"},"earshot":{}}"#,
        #"{"data":{"text":"t","created_at":null},"earshot":{}}"#,
        #"{"data":{"text":"t","created_at":"2026-11-21T10:00:00\u005a"},"earshot":{}}"#,
        #"{"text":"@SpotifyCares hi","author":"@SpotifyCares","id":3,"url":"https://e/1","created_at":"2026-11-21T10:00:00Z","conversation_id":12,"earshot":{"rules":["r"]}}"#,
        #"{"text":5,"author":"bob","created_at":"2026-11-21T10:00:00Z","earshot":{"rules":["r"]}}"#,
        #"  {"data":{"text":"t","created_at":"2026-11-21T10:00:00Z"},"earshot":{"nested":[[{"a":[1e5,-0.5,true,false,null]}]]}} "#,
        #"[{"earshot":{}}]"#, "not json", "{}", #"{"a":01}"#, #"{"a":"\x"}"#, #"{"a":tru}"#, #"{"a":1}x"#,
    ]

    /// Deterministic corruptions: drop, duplicate or replace one byte.
    static func variants(of line: [UInt8], count: Int, seed: inout UInt64) -> [[UInt8]] {
        let alphabet = Array(#"{}[]":,\ "0-9etfnu"#.utf8)
        return (0..<count).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var copy = line
            guard !copy.isEmpty else { return copy }
            let at = Int((seed >> 33) % UInt64(copy.count))
            let byte = alphabet[Int((seed >> 17) % UInt64(alphabet.count))]
            switch (seed >> 8) % 3 {
            case 0: copy.remove(at: at)
            case 1: copy.insert(copy[at], at: at)
            default: copy[at] = byte
            }
            return copy
        }
    }

    static func readers() -> [ReportReader] {
        [
            ReportReader(mapping: FieldMapping(preset: .xV2), handle: "SpotifyCares"),
            ReportReader(mapping: FieldMapping(preset: .generic), handle: "@spotifycares"),
            ReportReader(mapping: FieldMapping(preset: .xV2), annotationKey: "tags", handle: "SpotifyCares"),
        ]
    }

    @Test("same outcome as the JSONValue path on fixtures, odd lines and corrupted variants")
    func agreesWithTheParser() throws {
        var lines = Self.fixtureLines + Self.oddLines.map { Array($0.utf8) }
        var seed: UInt64 = 8
        for line in lines { lines += Self.variants(of: line, count: 6, seed: &seed) }
        #expect(lines.count > 4_000)
        for reader in Self.readers() {
            for line in lines {
                let fast = reader.read(line)
                let parsed = reader.readParsed(line)
                #expect(Self.same(fast, parsed), "\(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    @Test("the fixtures take the fast path; odd lines are handed to the parser")
    func coversTheFixtures() throws {
        let reader = try #require(ReportReader(mapping: FieldMapping(preset: .xV2), handle: "SpotifyCares").scanned)
        let declined = Self.fixtureLines.filter { line in line.withUnsafeBufferPointer { reader.read($0) } == nil }
        #expect(declined.isEmpty)
        let escapedName = Array(#"{"da\u0074a":{"created_at":"2026-11-21T10:00:00Z"},"earshot":{}}"#.utf8)
        #expect(escapedName.withUnsafeBufferPointer { reader.read($0) } == nil)
    }

    @Test("options the scanner does not cover use the parser")
    func fallsBackForOptions() {
        #expect(ReportReader(mapping: FieldMapping(preset: .reddit), handle: "h").scanned == nil)
        #expect(ReportReader(mapping: FieldMapping(preset: .xV2), timePath: ["data", "created_at"], handle: "h").scanned == nil)
        #expect(ReportReader(mapping: FieldMapping(preset: .xV2), annotationKey: "data", handle: "h").scanned == nil)
        #expect(ReportReader(mapping: FieldMapping(preset: .xV2, textFields: [["data", "lang"]]), handle: "h").scanned == nil)
    }
}
