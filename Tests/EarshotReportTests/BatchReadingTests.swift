import EarshotStream
import EarshotTestSupport
import Foundation
import Testing

@testable import EarshotReport

/// Batches read in the background and aggregated while the next one is read give the same report
/// as adding the lines one by one.
@Suite("Report batches")
struct BatchReadingTests {
    static func lines() throws -> [[UInt8]] {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Fixtures/spikes/stream.jsonl")
        var lines = try Data(contentsOf: url).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        // Odd lines among them: blank, not JSON, not annotated, an offset, an escaped member name.
        lines.insert([], at: 10)
        lines.insert(Array("  \r".utf8), at: 20)
        lines.insert(Array("not json".utf8), at: 30)
        lines.insert(Array(#"{"data":{"text":"x","created_at":"2026-11-21T10:00:00Z"}}"#.utf8), at: 40)
        lines.insert(Array(#"{"data":{"text":"x","created_at":"2026-11-21T12:00:00+02:00"},"earshot":{"rules":["r"]}}"#.utf8), at: 50)
        lines.insert(Array(#"{"d\u0061ta":{"text":"x","created_at":"2026-11-21T10:00:00Z"},"earshot":{"rules":["r"]}}"#.utf8), at: 60)
        return lines
    }

    static func json(_ report: ReportDocument) -> String { ReportFormat.json.render(report) }

    @Test("batches on several threads equal one line at a time", arguments: [1, 2, 3])
    func batchesEqualLines(threads: Int) throws {
        var options = ReportOptions()
        options.mapping = FieldMapping(preset: .xV2)
        let lines = try Self.lines()
        var oneByOne = ReportBuilder(options: options)
        for line in lines { oneByOne.add(line: line) }
        var batched = ReportBuilder(options: options)
        var batch = ReportLines()
        for (index, line) in lines.enumerated() {
            batch.append(line)
            if batch.count == 300 || index == 1_000 {
                batched.add(batch, threads: threads)
                batch = ReportLines()
            }
            if index == 500 { batched.addOversizedLine() }
        }
        batched.add(batch, threads: threads)
        oneByOne.addOversizedLine()
        let expected = oneByOne.finish()
        let report = batched.finish()
        #expect(Self.json(report) == Self.json(expected))
        #expect(report.input.skipped["invalid-json"] == 1 && report.input.skipped["not-annotated"] == 1)
        #expect(report.input.offsetTimestamps == 1)
    }

    @Test("ids keep their text; plain numbers are stored as numbers")
    func mentionIDs() {
        for text in ["1900000000000001208", "0", "7", "007", "-1", "1e3", "t3_abc", "", "99999999999999999999", "1234567890123456789"] {
            #expect(MentionID(text).text == text)
            var copy = text
            #expect(copy.withUTF8 { MentionID(utf8: $0) } == MentionID(text))
        }
        #expect(MentionID("1900000000000001208") == .number(1_900_000_000_000_001_208))
        #expect(MentionID("007") == .text("007"))
        #expect(ReportLink.xStatus(user: "ana", id: MentionID("42")).text == "https://x.com/ana/status/42")
    }
}
