import EarshotTestSupport
import Foundation
import Testing

/// `earshot report` and `earshot match --alerts` as a subprocess; the HTML report in Chromium.
@Suite("earshot report and live alerts")
struct ReportCLITests {
    let stream = "Fixtures/spikes/stream.jsonl"

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("json is the default off a terminal; text and json agree on the spikes")
    func formats() throws {
        let json = try EarshotProcess.run(["report", "--input", "x-v2", stream])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let spikes = try #require(document["spikes"] as? [[String: Any]])
        #expect(spikes.compactMap { $0["key"] as? String } == ["playback", "outage", "account_login"])
        #expect(document["bucket_seconds"] as? Int == 3_600)
        let text = try EarshotProcess.run(["report", "--input", "x-v2", "--format", "text", stream])
        #expect(text.stdoutText.contains("spikes"))
        #expect(text.stdoutText.contains("2026-11-22T14:00:00Z  playback"))
        #expect(text.stdoutText.contains("first response by @SpotifyCares"))
    }

    @Test("bad input is counted on stderr; input with no annotated mention is an error")
    func badInput() throws {
        let mixed = """
            {"text":"a","created_at":"2026-11-21T10:00:00Z","earshot":{"rules":["r"],"issue_type":"billing"}}
            {"text":"plain","created_at":"2026-11-21T10:00:00Z"}
            not json
            {"text":"b","earshot":{"rules":[]}}

            """
        let run = try EarshotProcess.run(["report", "--format", "json"], stdin: mixed)
        #expect(run.status == 0)
        #expect(run.stderr.contains("4 lines, 1 mentions"))
        #expect(run.stderr.contains("1 invalid-json"))
        #expect(run.stderr.contains("1 not-annotated"))
        #expect(run.stderr.contains("1 no-timestamp"))
        let none = try EarshotProcess.run(["report"], stdin: "{\"text\":\"plain\"}\n")
        #expect(none.status == 2)
        #expect(none.stderr.contains("no line was an annotated mention"))
    }

    @Test("match --alerts writes an alert line while the spike happens; stdout stays data only")
    func liveAlerts() throws {
        let directory = try temporaryDirectory()
        let rules = directory.appendingPathComponent("rules.yaml")
        try "version: 1\nrules:\n  - id: skipping\n    query: 'skip*'\n".write(to: rules, atomically: true, encoding: .utf8)
        var input = ""
        for hour in 0..<8 {
            let count = hour == 6 ? 40 : 5
            for n in 0..<count {
                input += #"{"id":"\#(hour)-\#(n)","text":"spotify keeps skipping","created_at":"2026-11-21T0\#(hour):\#(10 + n % 40):00Z"}"# + "\n"
            }
        }
        let alerts = directory.appendingPathComponent("alerts.jsonl")
        let run = try EarshotProcess.run(
            ["match", "--rules", rules.path, "--alerts", alerts.path, "--alert-by", "rule", "--no-tagging"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stdoutLines.count == input.split(separator: "\n").count)
        #expect(run.stdoutLines.allSatisfy { $0.contains(#""earshot":{"rules":["skipping"]"#) })
        let lines = try String(contentsOf: alerts, encoding: .utf8).split(separator: "\n")
        try #require(lines.count == 1)
        let alert = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(alert["key"] as? String == "skipping")
        #expect(alert["bucket_start"] as? String == "2026-11-21T06:00:00Z")
        #expect((alert["examples"] as? [String]) == ["6-0", "6-1", "6-2"])
        #expect((alert["count"] as? Int ?? 0) >= 10)
    }

    /// Chromium, when installed (CI installs it; elsewhere the test says it is skipped).
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    @Test("the HTML report renders in a real browser with non-empty charts carrying the right totals")
    func htmlInChromium() throws {
        guard let chromium = Self.chromium else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("Chromium is not installed (.ci/run installs the Debian package 'chromium')")
            } else {
                print("skipping the browser check: Chromium is not installed")
            }
            return
        }
        let directory = try temporaryDirectory()
        let html = try EarshotProcess.run(["report", "--input", "x-v2", "--format", "html", stream])
        #expect(html.status == 0)
        let page = directory.appendingPathComponent("report.html")
        try html.stdout.write(to: page)
        let screenshot = directory.appendingPathComponent("report.png")
        let shot = try Self.runChromium(chromium, ["--screenshot=\(screenshot.path)", "--window-size=1050,1400", page.absoluteString])
        #expect(shot.status == 0)
        let png = try Data(contentsOf: screenshot)
        #expect(png.count > 20_000)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let dom = try Self.runChromium(chromium, ["--dump-dom", page.absoluteString])
        let text = String(decoding: dom.output, as: UTF8.self)

        // Expected totals, counted here from the fixture itself.
        let data = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(stream))
        var tagged = 0
        var negative = 0
        var lines = 0
        for line in data.split(separator: 0x0A) {
            lines += 1
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            let note = object?["earshot"] as? [String: Any]
            if note?["issue_type"] != nil { tagged += 1 }
            if (note?["sentiment"] as? [String: Any])?["label"] as? String == "negative" { negative += 1 }
        }
        #expect(text.contains(#"id="issue-chart""#))
        #expect(text.contains(#"data-total="\#(tagged)" data-buckets="72" data-spikes="3""#))
        #expect(text.contains(#"id="sentiment-chart""#) && text.contains(#"data-negative="\#(negative)""#))
        #expect(text.contains(#"id="rules-chart""#))
        #expect(text.contains(#"id="response-chart""#))
        #expect(text.contains(#"id="kpi-mentions"><b>\#(lines)</b>"#))
        #expect(text.components(separatedBy: #"class="spike""#).count - 1 == 3)
        #expect(text.components(separatedBy: "<rect").count > 200)  // the bars are there
        #expect(text.contains(#"<a href="https://x.com/user"#))
        #expect(!text.contains("<script"))
    }

    static func runChromium(_ binary: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
