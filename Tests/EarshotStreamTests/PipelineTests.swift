import EarshotText
import Foundation
import Testing

@testable import EarshotStream

#if canImport(Glibc)
    import Glibc
#endif

/// A test double: rule 0 "brand" matches when the folded text contains "spotify", rule 1 "never" never.
struct SubstringMatcher: MentionMatcher {
    let ruleIDs = ["brand", "never"]
    let ruleTags: [[(key: String, value: String)]] = [[("team", "social")], []]

    func match(_ mention: AnalyzedMention, wantSpans: Bool) -> MentionMatch {
        let text = mention.mention.texts.joined(separator: "\n\n")
        guard let range = text.lowercased().range(of: "spotify") else { return .none }
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return MentionMatch(ruleIndices: [0], spans: wantSpans ? [0: [start..<start + 7]] : [:])
    }
}

@Suite("Match pipeline accounting")
struct PipelineTests {
    struct Run {
        var stdout: String
        var rejects: String
        var messages: [String]
        var summary: RunSummary
        var ending: RunEnding

        /// Output lines split at `\n` bytes (a `\r` before it stays in the line).
        var stdoutLines: [String] {
            stdout.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    func run(_ input: [UInt8], configure: (inout MatchConfiguration) -> Void = { _ in }) throws -> Run {
        var configuration = MatchConfiguration()
        configure(&configuration)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputPath = directory.appendingPathComponent("in.jsonl").path
        let outputPath = directory.appendingPathComponent("out.jsonl").path
        let rejectsPath = directory.appendingPathComponent("rejects.jsonl").path
        try Data(input).write(to: URL(fileURLWithPath: inputPath))
        let out = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let rej = open(rejectsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var messages: [String] = []
        let pipeline = MatchPipeline(matcher: SubstringMatcher(), configuration: configuration)
        let result = try pipeline.run(
            inputs: [.file(inputPath)], outputDescriptor: out, rejectsDescriptor: rej,
            diagnostics: { messages.append($0) })
        close(out)
        close(rej)
        return Run(
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self),
            rejects: String(decoding: try Data(contentsOf: URL(fileURLWithPath: rejectsPath)), as: UTF8.self),
            messages: messages, summary: result.summary, ending: result.ending)
    }

    static let mixed: [UInt8] =
        Array(#"{"id":"1","text":"Spotify is down"}"#.utf8) + [0x0A]
        + Array("\n   \n".utf8)  // two blank lines
        + Array(#"{"id":"2","text":"nothing here"}"#.utf8) + [0x0D, 0x0A]
        + Array(#"{"id":"3","text":"#.utf8) + [0x0A]  // invalid JSON
        + [0x7B, 0x22, 0xFF, 0x22, 0x7D, 0x0A]  // invalid UTF-8
        + Array("[1,2]\n".utf8)  // not an object
        + Array(#"{"id":"6"}"#.utf8) + [0x0A]  // no text
        + Array(#"{"id":"7","text":7}"#.utf8) + [0x0A]  // text not a string
        + Array(#"{"id":"8","text":"spotify \ud83d\ude00"}"#.utf8)  // final line without newline

    @Test func everyLineIsAccountedFor() throws {
        let run = try run(Self.mixed)
        #expect(run.summary.input == 8)
        #expect(run.summary.blank == 2)
        #expect(run.summary.rejected == 5)
        #expect(run.summary.output == 3)
        #expect(run.summary.matched == 2)
        #expect(run.summary.input == run.summary.output + run.summary.unmatched + run.summary.rejected)
        #expect(run.ending == .completed)
        let lines = run.stdoutLines
        #expect(lines[0] == #"{"id":"1","text":"Spotify is down","earshot":{"rules":["brand"],"tags":{"team":"social"}}}"#)
        #expect(lines[1] == #"{"id":"2","text":"nothing here","earshot":{"rules":[]}}"# + "\r")
        #expect(lines[2] == #"{"id":"8","text":"spotify \ud83d\ude00","earshot":{"rules":["brand"],"tags":{"team":"social"}}}"#)
        let reasons = run.rejects.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return "\(object["line"] as? Int ?? -1):\(object["reason"] as? String ?? "?")"
        }
        #expect(reasons == ["5:invalid-json", "6:invalid-utf8", "7:not-object", "8:no-text", "9:text-not-string"])
        #expect(run.rejects.contains(#""raw_base64":"eyL/In0=""#))
        #expect(run.messages.count == 5)
    }

    @Test func onlyMatchedCountsTheRestAsUnmatched() throws {
        let run = try run(Self.mixed) { $0.onlyMatched = true }
        #expect(run.summary.output == 2)
        #expect(run.summary.unmatched == 1)
        #expect(run.summary.input == run.summary.output + run.summary.unmatched + run.summary.rejected)
    }

    @Test func passWritesBadLinesThroughUnchanged() throws {
        let run = try run(Self.mixed) { $0.onError = .pass }
        let lines = run.stdoutLines
        #expect(lines.count == 3 + 5)
        #expect(lines.contains("[1,2]"))
        #expect(run.summary.rejected == 5)
    }

    @Test func failStopsAtTheFirstBadLineAfterFlushingEarlierOutput() throws {
        let run = try run(Self.mixed) { $0.onError = .fail }
        #expect(run.ending == .failedOnBadLine(lineNumber: 5, rejection: LineRejection(.invalidJSON, "unexpected end of input at byte 17")))
        #expect(run.stdoutLines.count == 2)
    }

    @Test func oversizedLinesAreRejectedAndTheRestGoesOn() throws {
        let big = Array(#"{"text":""#.utf8) + [UInt8](repeating: 0x61, count: 5000) + Array("\"}\n".utf8)
        let input = big + Array(#"{"text":"spotify"}"#.utf8) + [0x0A]
        let run = try run(input) { $0.maxLineBytes = 1000 }
        #expect(run.summary.rejected == 1)
        #expect(run.summary.rejectedByReason[.lineTooLong] == 1)
        #expect(run.summary.output == 1)
    }

    @Test func spansAndTSVAndCount() throws {
        let input = Array("{\"id\":\"a\",\"text\":\"I like Spotify\"}\n{\"id\":\"b\",\"text\":\"no\"}\n".utf8)
        let spans = try run(input) { $0.includeSpans = true }
        #expect(spans.stdout.hasPrefix(#"{"id":"a","text":"I like Spotify","earshot":{"rules":["brand"],"tags":{"team":"social"},"spans":{"brand":[[7,14]]}}}"#))
        let tsv = try run(input) { $0.format = .tsv }
        #expect(tsv.stdout == "a\tbrand\t\nb\t\t\n")
        let count = try run(input) { $0.format = .count }
        #expect(count.stdout == #"{"in":2,"matched":1,"rules":{"brand":1,"never":0}}"# + "\n")
        #expect(count.summary.input == count.summary.output + count.summary.unmatched + count.summary.rejected)
    }

    @Test func strictStopsOnAnExistingAnnotationMember() throws {
        let input = Array(#"{"text":"spotify","earshot":1}"#.utf8) + [0x0A]
        let lenient = try run(input)
        #expect(lenient.ending == .completed && lenient.summary.output == 1)
        let strict = try run(input) { $0.strict = true }
        #expect(strict.ending == .annotationKeyConflict(lineNumber: 1))
    }

    @Test(arguments: [OnErrorPolicy.skip, .pass, .fail])
    func twoThreadsWriteExactlyWhatOneThreadWrites(policy: OnErrorPolicy) throws {
        var input: [UInt8] = []
        for n in 0..<3_000 {
            input += Array(#"{"id":"\#(n)","text":"line \#(n) \#(n % 3 == 0 ? "spotify" : "other")"}"#.utf8) + [0x0A]
            if n == 2_500 { input += Self.mixed + [0x0A] }
        }
        let one = try run(input) { $0.onError = policy }
        let two = try run(input) {
            $0.onError = policy
            $0.threads = 2
        }
        #expect(two.stdout == one.stdout)
        #expect(two.rejects == one.rejects)
        #expect(two.ending == one.ending)
        #expect(two.summary.input == one.summary.input)
        #expect(two.summary.output == one.summary.output)
        #expect(two.summary.rejected == one.summary.rejected)
        #expect(two.summary.matched == one.summary.matched)
    }
}
