import EarshotTestSupport
import Foundation
import Testing

/// Runs the built `earshot` binary as a subprocess with real pipes.
@Suite("earshot command line")
struct CLITests {
    func temporaryFile(_ contents: String, name: String = "rules.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func checkReportsEveryErrorWithFileLineColumnAndCaret() throws {
        let path = try temporaryFile(
            """
            version: 1
            rules:
              - id: one
                query: 'spotify AND'
              - id: two
                query: '(crash OR freeze'
              - id: three
                query: 'athor:bob spotify'
            """)
        let run = try EarshotProcess.run(["check", path])
        #expect(run.status == 2)
        // Each error names the file, line and column of the offending character.
        #expect(run.stderr.contains("\(path):4:21:"))  // AND
        #expect(run.stderr.contains("\(path):6:13:"))  // the unclosed (
        #expect(run.stderr.contains("\(path):8:13:"))  // athor:
        #expect(run.stderr.contains("missing-operand"))
        #expect(run.stderr.contains("unbalanced-parenthesis"))
        #expect(run.stderr.contains("unknown-field"))
        #expect(run.stderr.contains("author"))  // the suggestion
        let caretLines = run.stderr.split(separator: "\n").filter { $0.contains("^") }
        #expect(caretLines.count >= 3)
        #expect(run.stdout.isEmpty)
    }

    @Test func checkAcceptsTheExamplePackAndTheDefaultPack() throws {
        #expect(try EarshotProcess.run(["check", "Fixtures/rules/example.yaml"]).status == 0)
        let printed = try EarshotProcess.run(["rules", "--print-default"])
        #expect(printed.status == 0)
        let path = try temporaryFile(printed.stdoutText)
        let check = try EarshotProcess.run(["check", path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func testCommandPassesOnPacksAndReportsFailures() throws {
        let example = try EarshotProcess.run(["test", "Fixtures/rules/example.yaml"])
        #expect(example.status == 0, "\(example.stdoutText)")
        let builtIn = try EarshotProcess.run(["test"])
        #expect(builtIn.status == 0, "\(builtIn.stdoutText)")
        let path = try temporaryFile(
            """
            version: 1
            rules:
              - id: crash
                query: 'crash*'
                examples:
                  match: ["the app froze"]
                  nomatch: ["it keeps crashing"]
            """)
        let failing = try EarshotProcess.run(["test", path])
        #expect(failing.status == 1)
        #expect(failing.stdoutText.contains("FAIL crash: example should match"))
        #expect(failing.stdoutText.contains("the app froze"))
        #expect(failing.stdoutText.contains("FAIL crash: example should not match"))
        #expect(failing.stdoutText.contains("'crashing'"))  // what matched
        #expect(failing.stdoutText.contains("0 passed, 2 failed"))
    }

    @Test func matchWithTheBuiltInPackAnnotatesEveryFixtureLineByteExactly() throws {
        let input = try Data(contentsOf: Fixtures.url("mentions/generic.jsonl"))
        let run = try EarshotProcess.run(["match"], input: input)
        #expect(run.status == 0)
        let inputLines = String(decoding: input, as: UTF8.self).split(separator: "\n").filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        let outputLines = run.stdoutLines
        #expect(outputLines.count == inputLines.count)
        var matched = 0
        for (inLine, outLine) in zip(inputLines, outputLines) {
            // The output is the input's own bytes with one member spliced in before the final }.
            guard let range = outLine.range(of: #","earshot":{"#, options: .backwards) else {
                Issue.record("no annotation in \(outLine)")
                continue
            }
            #expect(String(outLine[..<range.lowerBound]) + "}" == String(inLine))
            let object = try JSONSerialization.jsonObject(with: Data(outLine.utf8)) as? [String: Any]
            let annotation = object?["earshot"] as? [String: Any]
            let rules = annotation?["rules"] as? [String] ?? ["<missing>"]
            if !rules.isEmpty { matched += 1 }
        }
        #expect(matched > 0)
        #expect(run.stderr.contains("earshot: in=\(inputLines.count) out=\(inputLines.count) matched=\(matched) rejected=0"))
    }

    @Test func onlyMatchedExitsOneWhenNothingMatches() throws {
        let run = try EarshotProcess.run(["match", "--only-matched"], stdin: #"{"text":"nothing relevant"}"# + "\n")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("in=1 out=0 matched=0 rejected=0"))
    }

    @Test func usageAndRulesErrorsExitTwo() throws {
        #expect(try EarshotProcess.run(["match", "--format", "xml"], stdin: "").status == 2)
        #expect(try EarshotProcess.run(["match", "--no-such-flag"], stdin: "").status == 2)
        #expect(try EarshotProcess.run(["match", "--rules", "/nonexistent/rules.yaml"], stdin: "").status == 2)
        let missingInput = try EarshotProcess.run(["match", "/nonexistent/in.jsonl"], stdin: "")
        #expect(missingInput.status == 2)
        #expect(missingInput.stderr.contains("/nonexistent/in.jsonl"))
    }

    @Test func onErrorFailExitsTwoAfterFlushingEarlierLines() throws {
        let input = #"{"text":"Spotify rocks"}"# + "\n" + "not json\n" + #"{"text":"more"}"# + "\n"
        let run = try EarshotProcess.run(["match", "--on-error", "fail"], stdin: input)
        #expect(run.status == 2)
        #expect(run.stdoutLines.count == 1)
        #expect(run.stderr.contains("line 2: invalid-json"))
    }

    @Test func closedStdoutEndsQuietlyWithStatusZero() throws {
        let line = #"{"text":"Spotify keeps crashing"}"#
        let path = try temporaryFile(String(repeating: line + "\n", count: 50_000), name: "in.jsonl")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        let binary = EarshotProcess.executableURL.path
        shell.arguments = ["-c", "'\(binary)' match < '\(path)' 2>/dev/null | head -1 >/dev/null; echo ${PIPESTATUS[0]}"]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        shell.waitUntilExit()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "0")
    }

    /// The Reddit fixture through `--input reddit`: comments read `body`, submissions `title` and
    /// `selftext`, a `t1_` parent makes a reply. The expected rows come from the fixture's JSON
    /// read with Foundation, not from earshot.
    @Test func redditFixtureMapsCommentsAndSubmissions() throws {
        let rules = try temporaryFile(
            """
            version: 1
            rules:
              - id: crash
                query: 'crash*'
              - id: replies
                query: 'is:reply'
            """)
        let run = try EarshotProcess.run(
            ["match", "--rules", rules, "--input", "reddit", "--format", "tsv", "--no-tagging", "Fixtures/mentions/reddit.jsonl"])
        #expect(run.status == 0)
        let fixture = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Fixtures/mentions/reddit.jsonl"), encoding: .utf8)
        let expected = fixture.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String
            else { return nil }
            let text = (object["body"] as? String) ?? [object["title"] as? String, object["selftext"] as? String]
                .compactMap { $0 }.joined(separator: " ")
            var matched: [String] = []
            if text.lowercased().contains("crash") { matched.append("crash") }
            if (object["parent_id"] as? String)?.hasPrefix("t1_") == true { matched.append("replies") }
            return "\(id)\t\(matched.joined(separator: ","))\t"
        }
        #expect(expected.count == 40)
        #expect(run.stdoutLines == expected)
        #expect(expected.contains { $0.contains("\tcrash\t") } && expected.contains { $0.contains("replies") })
    }
}
