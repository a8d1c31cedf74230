import EarshotTestSupport
import Foundation
import Testing

/// `earshot match` tagging, `earshot tag`, `explain` and `eval`, run as a subprocess.
@Suite("earshot tagging commands")
struct TaggingCLITests {
    func temporaryFile(_ contents: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-tag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func annotation(_ line: String, key: String = "earshot") throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return try #require(object?[key] as? [String: Any])
    }

    /// A small issue pack, so these tests do not depend on how the built-in pack is tuned.
    let issuePack = """
        version: 1
        rules:
          - id: refund
            query: 'refund* OR "charged twice"'
            tags: {issue_type: billing}
          - id: down
            query: '"is down" OR outage'
            tags: {issue_type: outage}
        """

    @Test("a matched mention gets issue_type, sentiment, kind, needs_response and priority; an unmatched one only rules")
    func matchAnnotations() throws {
        let pack = try temporaryFile(issuePack, name: "issues.yaml")
        let rules = try temporaryFile("version: 1\nrules:\n  - id: brand\n    query: 'spotify OR @SpotifyCares'\n", name: "rules.yaml")
        let input = """
            {"id":"1","text":"@SpotifyCares I was charged twice this month"}
            {"id":"2","text":"nothing to see here"}
            {"id":"3","text":"RT @x: spotify is down","is_retweet":true}

            """
        let run = try EarshotProcess.run(["match", "--rules", rules, "--issue-pack", pack], stdin: input)
        #expect(run.status == 0)
        let lines = run.stdoutLines
        try #require(lines.count == 3)
        let first = try annotation(lines[0])
        #expect(first["rules"] as? [String] == ["brand"])
        #expect(first["issue_type"] as? String == "billing")
        #expect(first["kind"] as? String == "direct")
        #expect(first["needs_response"] as? Bool == true)
        let sentiment = try #require(first["sentiment"] as? [String: Any])
        let label = try #require(sentiment["label"] as? String)
        let compound = try #require(sentiment["compound"] as? Double)
        #expect(["positive", "neutral", "negative"].contains(label))
        #expect((-1...1).contains(compound))
        #expect(label == (compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral"))
        let tags = try #require(first["tags"] as? [String: String])
        // tagging.md: high for a negative direct billing mention, else normal.
        #expect(tags["priority"] == (label == "negative" ? "high" : "normal"))
        // stream.md: an unmatched mention is exactly {"rules":[]}.
        #expect(lines[1].hasSuffix(#","earshot":{"rules":[]}}"#))
        let third = try annotation(lines[2])
        #expect(third["issue_type"] as? String == "outage")
        #expect(third["kind"] as? String == "repost")
        #expect(third["needs_response"] as? Bool == false)
        #expect((third["tags"] as? [String: String])?["priority"] == "high")
    }

    @Test("a user rule's tags.issue_type and needs_response beat the issue pack")
    func userTagsWin() throws {
        let pack = try temporaryFile(issuePack, name: "issues.yaml")
        let rules = try temporaryFile(
            """
            version: 1
            rules:
              - id: vip
                query: 'refund'
                tags: {issue_type: account_login, needs_response: "false"}
            """, name: "rules.yaml")
        let run = try EarshotProcess.run(
            ["match", "--rules", rules, "--issue-pack", pack], stdin: #"{"text":"@SpotifyCares refund please"}"# + "\n")
        let line = try #require(run.stdoutLines.first)
        let note = try annotation(line)
        #expect(note["issue_type"] as? String == "account_login")
        #expect(note["needs_response"] as? Bool == false)
    }

    @Test("--no-tagging leaves only rules and tags; --sentiment-detail adds proportions")
    func taggingSwitches() throws {
        let rules = try temporaryFile("version: 1\nrules:\n  - id: any\n    query: 'spotify'\n", name: "rules.yaml")
        let input = #"{"text":"spotify is great"}"# + "\n"
        let off = try EarshotProcess.run(["match", "--rules", rules, "--no-tagging"], stdin: input)
        #expect(off.stdoutLines.first?.hasSuffix(#","earshot":{"rules":["any"],"tags":{}}}"#) == true)
        let detail = try EarshotProcess.run(["match", "--rules", rules, "--sentiment-detail"], stdin: input)
        let detailLine = try #require(detail.stdoutLines.first)
        let sentiment = try #require(try annotation(detailLine)["sentiment"] as? [String: Any])
        let parts = ["pos", "neu", "neg"].compactMap { sentiment[$0] as? Double }
        #expect(parts.count == 3)
        #expect(abs(parts.reduce(0, +) - 1) < 0.002 || parts.reduce(0, +) == 0)
    }

    @Test("earshot tag tags every line, with no rules member, and accounts for bad lines")
    func tagCommand() throws {
        let pack = try temporaryFile(issuePack, name: "issues.yaml")
        let input = """
            {"id":"1","text":"spotify is down for anyone?"}
            not json
            {"id":"3","text":"lovely weather","in_reply_to":"SpotifyCares","is_reply":true}

            """
        let run = try EarshotProcess.run(["tag", "--issue-pack", pack], stdin: input)
        #expect(run.status == 0)
        #expect(run.stderr.contains("in=3 out=2 matched=0 rejected=1 blank=0"))
        try #require(run.stdoutLines.count == 2)
        let first = try annotation(run.stdoutLines[0])
        #expect(first["rules"] == nil)
        #expect(first["issue_type"] as? String == "outage")
        #expect(first["kind"] as? String == "mention")
        let second = try annotation(run.stdoutLines[1])
        #expect(second["issue_type"] as? String == "none")
        #expect(second["kind"] as? String == "direct")
        #expect(second["needs_response"] as? Bool == true)
    }

    @Test("explain shows each matching rule, the words that satisfied it, and why the tags came out so")
    func explain() throws {
        let pack = try temporaryFile(issuePack, name: "issues.yaml")
        let rules = try temporaryFile(
            "version: 1\nrules:\n  - id: brand\n    query: 'spotify AND (refund* OR help) -job'\n", name: "rules.yaml")
        let run = try EarshotProcess.run(["explain", rules, "Spotify, I want a refund", "--issue-pack", pack])
        #expect(run.status == 0)
        let text = run.stdoutText
        #expect(text.contains("matching rules: 1 of 1"))
        #expect(text.contains("✔ term   refund*   → \"refund\""))
        #expect(text.contains("✘ term   job"))
        #expect(text.contains("issue_type: billing   (issue-pack rule `refund`)"))
        #expect(text.contains("kind: mention"))
        #expect(text.contains("mention: [Spotify], I want a [refund]"))
        let none = try EarshotProcess.run(["explain", rules, "nothing here"])
        #expect(none.status == 1)
        #expect(none.stdoutText.contains("matching rules: 0 of 1"))
    }

    @Test("explain reads a JSON mention on stdin through the preset")
    func explainStdin() throws {
        let rules = try temporaryFile("version: 1\nrules:\n  - id: brand\n    query: 'spotify'\n", name: "rules.yaml")
        let mention = #"{"data":{"id":"9","text":"spotify again","author_id":"1","in_reply_to_user_id":"2"},"includes":{"users":[{"id":"2","username":"SpotifyCares"}]}}"#
        let run = try EarshotProcess.run(["explain", rules, "--input", "x-v2"], stdin: mention + "\n")
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("kind: direct"))
        let bad = try EarshotProcess.run(["explain", rules], stdin: "{not json\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("invalid-json"))
    }

    @Test("eval prints per-label scores and a confusion matrix; numbers worked out by hand")
    func evalCommand() throws {
        let pack = try temporaryFile(issuePack, name: "issues.yaml")
        let labels = try temporaryFile(
            """
            {"id":"1","text":"@SpotifyCares refund please","labels":{"issue_type":"billing","kind":"direct"},"split":"test"}
            {"id":"2","text":"spotify took my money again","labels":{"issue_type":"billing","kind":"mention"},"split":"test"}
            {"id":"3","text":"RT @a: nice playlist","is_retweet":true,"labels":{"issue_type":"none","kind":"repost"},"split":"test"}
            {"id":"4","text":"songs skip constantly","is_reply":true,"in_reply_to":"bob","labels":{"issue_type":"playback","kind":"reply"},"split":"test"}
            {"id":"5","text":"outage!","labels":{"issue_type":"outage","kind":"mention"},"split":"train"}
            """, name: "labels.jsonl")
        let run = try EarshotProcess.run(["eval", "--labels", labels, "--issue-pack", pack, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(report["count"] as? Int == 4)
        let issue = try #require(report["issue_type"] as? [String: Any])
        // Predicted: billing, none, none, none. billing P 1 R ½ F1 ⅔; playback F1 0; none P ⅓ R 1 F1 ½.
        #expect(issue["accuracy"] as? Double == 0.5)
        #expect(issue["macro_f1"] as? Double == 0.389)
        let confusion = try #require(issue["confusion"] as? [String: Any])
        #expect(confusion["labels"] as? [String] == ["billing", "playback", "none"])
        #expect(confusion["matrix"] as? [[Int]] == [[1, 0, 1], [0, 0, 1], [0, 0, 1]])
        #expect((report["kind"] as? [String: Any])?["accuracy"] as? Double == 1.0)
        let text = try EarshotProcess.run(["eval", "--labels", labels, "--issue-pack", pack, "--split", "all"])
        #expect(text.stdoutText.contains("split all: 5 mentions"))
        #expect(text.stdoutText.contains("macro-F1"))
    }

    @Test("eval names the bad line of a labeled file")
    func evalBadLine() throws {
        let labels = try temporaryFile("{\"text\":\"a\",\"labels\":{}}\n{\"text\":\"b\"}\n", name: "labels.jsonl")
        let run = try EarshotProcess.run(["eval", "--labels", labels, "--split", "all"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("line 2: no \"labels\" object"))
    }
}
