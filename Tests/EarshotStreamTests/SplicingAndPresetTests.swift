import EarshotText
import Testing

@testable import EarshotStream

@Suite("Annotation splicing and input presets")
struct SplicingAndPresetTests {
    func splice(_ line: String, empty: Bool = false, annotation: String = #"{"rules":[]}"#) -> String {
        var out: [UInt8] = []
        Array(line.utf8).withUnsafeBufferPointer { buffer in
            Splicer.splice(line: buffer, isEmptyObject: empty, key: Array(#""earshot""#.utf8), into: &out) {
                $0.append(contentsOf: annotation.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func splicesBeforeTheClosingBraceKeepingEverythingElse() {
        #expect(splice(#"{"text":"a\u00e9",  "n":1.50}"#) == #"{"text":"a\u00e9",  "n":1.50,"earshot":{"rules":[]}}"#)
    }

    @Test func keepsWhitespaceAfterTheObject() {
        #expect(splice(#"{"a":1}  "#) == #"{"a":1,"earshot":{"rules":[]}}  "#)
    }

    @Test func emptyObjectGetsNoComma() {
        #expect(splice("{ }", empty: true) == #"{ "earshot":{"rules":[]}}"#)
    }

    @Test func genericPresetReadsEveryField() throws {
        let json = try JSONParser.parse(
            Array(
                #"{"id":123,"text":"hi","author":"@ana","lang":"es","urls":["https://x.io"],"is_reply":true,"in_reply_to":"SpotifyCares","country":"se","created_at":"2026-11-20T10:00:00Z"}"#
                    .utf8))
        let mention = try FieldMapping().mention(from: json)
        #expect(mention.texts == ["hi"])
        #expect(mention.id == "123")
        #expect(mention.author == "ana")
        #expect(mention.lang == "es")
        #expect(mention.urls == ["https://x.io"])
        #expect(mention.isReply && !mention.isRetweet)
        #expect(mention.inReplyTo == "SpotifyCares")
        #expect(mention.country == "se")
        #expect(mention.source == "generic")
    }

    @Test func missingOrNonStringTextIsRejectedWithItsReason() throws {
        let mapping = FieldMapping()
        #expect(throws: LineRejection(.noText, "no text field")) {
            try mapping.mention(from: .object(["id": .string("1")]))
        }
        #expect(throws: LineRejection(.textNotString, "text is not a string")) {
            try mapping.mention(from: .object(["text": .number(5)]))
        }
        #expect(throws: LineRejection(.notObject, "the line is JSON but not an object")) {
            try mapping.mention(from: .array([]))
        }
    }

    @Test func xV2PresetResolvesUsersNoteTweetsAndReferences() throws {
        let json = try JSONParser.parse(
            Array(
                #"{"data":{"id":"9","text":"short","note_tweet":{"text":"the long text"},"author_id":"1","in_reply_to_user_id":"2","lang":"en","referenced_tweets":[{"type":"replied_to","id":"8"},{"type":"quoted","id":"7"}],"entities":{"urls":[{"url":"https://t.co/x","expanded_url":"https://open.spotify.com/track/1"}]}},"includes":{"users":[{"id":"1","username":"ana"},{"id":"2","username":"SpotifyCares"}]}}"#
                    .utf8))
        let mention = try FieldMapping(preset: .xV2).mention(from: json)
        #expect(mention.texts == ["the long text"])
        #expect(mention.author == "ana")
        #expect(mention.inReplyTo == "SpotifyCares")
        #expect(mention.isReply && mention.isQuote && !mention.isRetweet)
        #expect(mention.urls == ["https://open.spotify.com/track/1"])
        #expect(mention.id == "9")
        #expect(mention.source == "x-v2")
        // field: paths are relative to the mention root, which for x-v2 is `data`.
        #expect(mention.root?.values(atPath: ["lang"]) == [.string("en")])
    }

    @Test func xV2AuthorFallsBackToTheID() throws {
        let json = JSONValue.object(["data": .object(["text": .string("t"), "author_id": .string("42")])])
        #expect(try FieldMapping(preset: .xV2).mention(from: json).author == "42")
    }

    @Test func redditPresetUsesBodyOrTitlePlusSelftext() throws {
        let comment = JSONValue.object([
            "body": .string("the comment"), "author": .string("u1"), "parent_id": .string("t1_abc"),
        ])
        let submission = JSONValue.object([
            "title": .string("Title"), "selftext": .string("Body text"), "parent_id": .string("t3_x"),
        ])
        let c = try FieldMapping(preset: .reddit).mention(from: comment)
        let s = try FieldMapping(preset: .reddit).mention(from: submission)
        #expect(c.texts == ["the comment"] && c.isReply && c.author == "u1")
        #expect(s.texts == ["Title", "Body text"] && !s.isReply)
    }

    @Test func textFieldAndFieldOverrides() throws {
        let json = JSONValue.object([
            "msg": .object(["body": .string("hello")]), "user": .object(["handle": .string("bo")]),
        ])
        let mapping = FieldMapping(
            textFields: [["msg", "body"]], fieldOverrides: [.author: ["user", "handle"]], source: "forum")
        let mention = try mapping.mention(from: json)
        #expect(mention.texts == ["hello"])
        #expect(mention.author == "bo")
        #expect(mention.source == "forum")
    }
}
