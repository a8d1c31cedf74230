import EarshotStream
import EarshotTestSupport
import Foundation
import Testing

@testable import EarshotReport

/// The labeled synthetic streams of Fixtures/spikes (scripts/make-spike-stream.py).
@Suite("Reports over the synthetic spike streams")
struct ReportFixtureTests {
    static func report(_ file: String, configure: (inout ReportOptions) -> Void = { _ in }) throws -> ReportDocument {
        var options = ReportOptions()
        options.mapping = FieldMapping(preset: .xV2)
        configure(&options)
        var builder = ReportBuilder(options: options)
        let data = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Fixtures/spikes/\(file)"))
        for line in data.split(separator: 0x0A) { builder.add(line: Array(line)) }
        return builder.finish()
    }

    struct Truth: Decodable {
        struct Spike: Decodable {
            var issue_type: String
            var bucket_start: String
        }
        var spikes: [Spike]
    }

    @Test("every injected spike is found in its bucket (or the next), and nothing else")
    func findsEveryInjectedSpike() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Fixtures/spikes/spikes.json")
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: url))
        let report = try Self.report("stream.jsonl")
        for injected in truth.spikes {
            let start = try #require(ReportTime.seconds(injected.bucket_start))
            let found = report.spikes.contains { spike in
                guard spike.key == injected.issue_type, let at = ReportTime.seconds(spike.bucketStart) else { return false }
                return at == start || at == start + 3_600
            }
            #expect(found, "missed \(injected.issue_type) at \(injected.bucket_start)")
        }
        #expect(report.spikes.count == truth.spikes.count)
        #expect(report.spikes.allSatisfy { $0.mentions.count > 0 && !$0.topTerms.isEmpty && $0.exampleIDs.count == 3 })
    }

    @Test("the spike-free stream raises no alert")
    func calmStreamIsQuiet() throws {
        #expect(try Self.report("calm.jsonl").spikes.isEmpty)
    }

    @Test("totals add up to the lines of the file, counted independently")
    func totals() throws {
        let data = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Fixtures/spikes/stream.jsonl"))
        var lines = 0
        var issues: [String: Int] = [:]
        var handleReplies = 0
        for line in data.split(separator: 0x0A) {
            lines += 1
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let note = try #require(object["earshot"] as? [String: Any])
            if let issue = note["issue_type"] as? String { issues[issue, default: 0] += 1 }
            if ((object["data"] as? [String: Any])?["author_id"] as? String) == "17230018" { handleReplies += 1 }
        }
        let report = try Self.report("stream.jsonl")
        #expect(report.input.lines == lines)
        #expect(report.totals.mentions == lines)
        #expect(report.totals.issueTypes == issues)
        #expect(report.series.count == 72)
        #expect(report.series.map(\.counts.mentions).reduce(0, +) == lines)
        #expect(report.responseTimes.answered == handleReplies)
        let median = try #require(report.responseTimes.medianSeconds)
        #expect(median > 20 * 60 && median < 80 * 60)  // the generator's log-normal median is 40 min
    }

    @Test("bad lines are skipped and counted by reason; mixed offsets are converted")
    func badInput() {
        var options = ReportOptions()
        options.spikes.bucketSeconds = 3_600
        var builder = ReportBuilder(options: options)
        let lines = [
            #"{"text":"a","created_at":"2026-11-21T10:00:00Z","earshot":{"rules":["r"],"issue_type":"billing"}}"#,
            #"{"text":"b","created_at":"2026-11-21T12:30:00+02:00","earshot":{"rules":["r"],"issue_type":"billing"}}"#,
            #"{"text":"not annotated","created_at":"2026-11-21T10:00:00Z"}"#,
            #"{"text":"no time","earshot":{"rules":[]}}"#,
            #"{"text":"bad time","created_at":"soon","earshot":{"rules":[]}}"#,
            "not json", "",
        ]
        for line in lines { builder.add(line: Array(line.utf8)) }
        builder.addOversizedLine()
        let report = builder.finish()
        #expect(report.input.mentions == 2)
        #expect(report.input.skipped == ["not-annotated": 1, "no-timestamp": 1, "bad-timestamp": 1, "invalid-json": 1, "line-too-long": 1])
        #expect(report.input.offsetTimestamps == 1)
        // 12:30+02:00 is 10:30Z: both mentions fall in the 10:00 bucket.
        #expect(report.series.count == 1)
        #expect(report.series.first?.counts.issueTypes["billing"] == 2)
    }
}
