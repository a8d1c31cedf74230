import EarshotTestSupport
import EarshotText
import Foundation
import Testing

@testable import EarshotStream

/// The byte scanner (``ScannedMentionReader``) against the parser and ``FieldMapping`` it stands
/// in for: whenever it accepts a line, it gives the same mention; it accepts the fixtures; and
/// odd shapes are either read the same way or declined.
@Suite("Scanned mention reader")
struct ScannedMentionReaderTests {
    static let fieldPaths: [[String]] = [["lang"], ["user", "location"], ["public_metrics", "like_count"]]

    /// Everything of a mention, with the root reduced to what `field:` queries at `paths` see.
    static func fields(_ mention: Mention, paths: [[String]]) -> [String] {
        SelectiveParseTests.fields(mention)
            + paths.map { path in (mention.root?.values(atPath: path[...]) ?? []).map { "\($0)" }.joined(separator: "|") }
    }

    /// The parser's reading of a line: the fields of its mention, or nil when it is refused.
    static func parsed(_ line: [UInt8], _ mapping: FieldMapping, paths: [[String]]) -> (fields: [String], empty: Bool)? {
        guard let value = try? JSONParser.parse(line), case .object(let members) = value,
            let mention = try? mapping.mention(from: value)
        else { return nil }
        return (fields(mention, paths: paths), members.isEmpty)
    }

    static func check(_ line: [UInt8], _ reader: ScannedMentionReader, _ mapping: FieldMapping, paths: [[String]])
        -> (accepted: Bool, agrees: Bool)
    {
        guard let fast = line.withUnsafeBufferPointer({ reader.read($0) }) else { return (false, true) }
        guard let slow = parsed(line, mapping, paths: paths) else { return (true, false) }
        let hasKey: Bool
        if case .object(let members)? = try? JSONParser.parse(line) { hasKey = members["earshot"] != nil } else { hasKey = false }
        let same = fields(fast.mention, paths: paths) == slow.fields && fast.isEmptyObject == slow.empty
            && fast.hasAnnotationKey == hasKey
        return (true, same)
    }

    static func fixtureLines(_ name: String) throws -> [[UInt8]] { try SelectiveParseTests.fixtureLines(name) }

    @Test("fixtures and thousands of corrupted variants: accepted lines read as the parser reads them", arguments: [
        ("generic.jsonl", InputPreset.generic), ("x-v2.jsonl", InputPreset.xV2), ("reddit.jsonl", InputPreset.reddit),
    ])
    func agreesWithTheParser(file: String, preset: InputPreset) throws {
        for paths in [[], Self.fieldPaths] {
            let mapping = FieldMapping(preset: preset)
            let reader = try #require(ScannedMentionReader(mapping: mapping, fieldPaths: paths, annotationKey: "earshot"))
            let lines = try Self.fixtureLines(file)
            var seed: UInt64 = 0xF1E1D
            var accepted = 0
            for line in lines {
                let (fixtureAccepted, agrees) = Self.check(line, reader, mapping, paths: paths)
                #expect(fixtureAccepted && agrees, "\(String(decoding: line, as: UTF8.self))")
                for variant in Self.variants(of: line, count: 8_000 / lines.count + 1, seed: &seed)
                where String(validating: variant, as: UTF8.self) != nil {
                    let result = Self.check(variant, reader, mapping, paths: paths)
                    #expect(result.agrees, "\(String(decoding: variant, as: UTF8.self))")
                    if result.accepted { accepted += 1 }
                }
            }
            #expect(accepted > 1_000)
        }
    }

    /// Shapes the presets' paths meet in the wild and in hostile input, one line each.
    static let oddLines: [(InputPreset, String, acceptedByScanner: Bool)] = [
        (.xV2, #"{"data":{"text":"a","author_id":"5","in_reply_to_user_id":"6"},"includes":{"users":{"id":"5","username":"ana"}}}"#, true),
        (.xV2, #"{"data":{"text":"a","author_id":5},"includes":{"users":[1,[2],{"id":5},{"id":"5","username":"y"}]}}"#, true),
        (.xV2, #"{"data":{"text":"a","author_id":"5"},"includes":[{"users":[{"id":"5","username":"x"}]}]}"#, false),
        (.xV2, #"{"data":{"text":"a","author_id":"5"},"includes":{"users":[{"i\u0064":"5","username":"x"}]}}"#, false),
        // A user's scan stops once id and username are found: what follows cannot change them.
        (.xV2, #"{"data":{"text":"a","author_id":"5"},"includes":{"users":[{"id":"5","username":"x","i\u0064":"6","bad":01}]}}"#, false),
        (.xV2, #"{"data":{"text":"a","author_id":"5"},"includes":{"users":[{"id":"5","username":"x","i\u0064":"6"},{"id":"6","id":"5","username":"y"}]}}"#, true),
        (.xV2, #"{"data":{"text":"a","author_id":"6","in_reply_to_user_id":"5"},"includes":{"users":[{"username":"x","id":"7"},{"id":"6","id":"5","username":"y"},{"id":"5","username":"z"}]}}"#, true),
        (.xV2, #"{"data":{"text":"a","entities":{"urls":{"expanded_url":["https://a","https://b",3]}}}}"#, true),
        (.xV2, #"{"data":{"text":"a","entities":{"urls":[{"expanded_url":"https://a"},"x",{"url":"u"},{"expanded_url":["b"]}]}}}"#, true),
        (.xV2, #"{"data":{"text":"a","entities":{"urls":[[{"expanded_url":"https://a"}]]}}}"#, false),
        (.xV2, #"{"data":{"text":"a","entities":[{"urls":[]}]}}"#, false),
        (.xV2, #"{"data":{"text":"a","referenced_tweets":{"type":"quoted"}}}"#, true),
        (.xV2, #"{"data":{"text":"a","referenced_tweets":[{"type":"retweeted"},{"type":["replied_to"]},5]}}"#, true),
        (.xV2, #"{"data":{"text":"a","note_tweet":{"text":"the long text \ud83d\ude00"}}}"#, true),
        (.xV2, #"{"data":{"text":"a","note_tweet":{"text":null}}}"#, false),
        (.xV2, #"{"data":{"note_tweet":["x"],"text":"b"}}"#, true),
        (.xV2, #"{"data":"x","data":{"text":"second data is ignored"}}"#, false),
        (.xV2, #"{"data":{"text":"first","text":"second","id":1.5e3,"lang":true}}"#, true),
        (.generic, #"{"text":"hi","author":"@ana","in_reply_to":"@SpotifyCares","urls":"https://one","is_reply":1}"#, true),
        (.generic, #"{"text":"hi","urls":["a",null,2,{"u":1},["b"]],"is_quote":true,"country":"SE","earshot":{}}"#, true),
        (.generic, #"{"text":5}"#, false),
        (.generic, #"{"t\u0065xt":"escaped name"}"#, false),
        (.generic, #"  {  }  "#, false),
        (.reddit, #"{"title":"T","selftext":"","url":["a"],"parent_id":"t1_x"}"#, true),
        (.reddit, #"{"body":null,"title":"T"}"#, false),
        (.reddit, #"{"title":"T","selftext":5,"created_utc":1795300000}"#, true),
    ]

    @Test("odd shapes: the scanner reads them as the parser does, or declines those it must")
    func oddShapes() throws {
        for (preset, line, expectAccepted) in Self.oddLines {
            let mapping = FieldMapping(preset: preset)
            for paths in [[], Self.fieldPaths] {
                let reader = try #require(ScannedMentionReader(mapping: mapping, fieldPaths: paths, annotationKey: "earshot"))
                let (accepted, agrees) = Self.check(Array(line.utf8), reader, mapping, paths: paths)
                #expect(accepted == expectAccepted, "\(line)")
                #expect(agrees, "\(line)")
            }
        }
    }

    @Test("the X v2 author, reply-to handle and reference flags come from the right members")
    func xV2Fields() throws {
        let reader = try #require(ScannedMentionReader(mapping: FieldMapping(preset: .xV2), fieldPaths: [], annotationKey: "earshot"))
        let line = Array(#"{"data":{"id":"9","text":"hi","author_id":"5","in_reply_to_user_id":"6","referenced_tweets":[{"type":"replied_to","id":"1"}],"entities":{"urls":[{"expanded_url":"https://open.spotify.com/x"}]}},"includes":{"users":[{"id":"6","username":"SpotifyCares"},{"id":"5","username":"ana"}]}}"#.utf8)
        let mention = try #require(line.withUnsafeBufferPointer { reader.read($0) }?.mention)
        #expect(mention.author == "ana" && mention.inReplyTo == "SpotifyCares" && mention.isReply && !mention.isQuote)
        #expect(mention.urls == ["https://open.spotify.com/x"] && mention.id == "9" && mention.source == "x-v2")
    }

    @Test("--text-field and --field need the parser")
    func optionsDecline() {
        #expect(ScannedMentionReader(mapping: FieldMapping(textFields: [["msg"]]), fieldPaths: [], annotationKey: "k") == nil)
        #expect(ScannedMentionReader(mapping: FieldMapping(fieldOverrides: [.author: ["u"]]), fieldPaths: [], annotationKey: "k") == nil)
    }

    /// Deterministic corruptions: truncate, replace a byte with a JSON-significant one, drop a
    /// byte, or insert an escape or control character.
    static func variants(of line: [UInt8], count: Int, seed: inout UInt64) -> [[UInt8]] {
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let significant = Array(#"{}[]",:\ 0a-"#.utf8)
        let inserts = [Array(#"\u00e9"#.utf8), Array(#"\ud83d\ude00"#.utf8), [0x01], Array(#"\""#.utf8), Array("[1]".utf8)]
        return (0..<count).map { _ in
            var variant = line
            guard !variant.isEmpty else { return variant }
            switch next() % 4 {
            case 0: variant = Array(variant.prefix(Int(next() % UInt64(variant.count + 1))))
            case 1: variant[Int(next() % UInt64(variant.count))] = significant[Int(next() % UInt64(significant.count))]
            case 2: variant.remove(at: Int(next() % UInt64(variant.count)))
            default: variant.insert(contentsOf: inserts[Int(next() % UInt64(inserts.count))], at: Int(next() % UInt64(variant.count + 1)))
            }
            return variant
        }
    }
}
