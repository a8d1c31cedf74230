import EarshotText
import Testing

@testable import EarshotStream

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func objectsArraysAndScalars() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}} "#)
        #expect(
            value
                == .object([
                    "a": .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]),
                    "b": .object(["c": .string("d")]),
                ]))
    }

    @Test(arguments: [
        (#""\u00e9""#, "é"),
        (#""\ud83d\ude00""#, "😀"),
        (#""a\"b\\c\/d\n\t""#, "a\"b\\c/d\n\t"),
        (#""\ud83d x""#, "\u{FFFD} x"),  // lone high surrogate becomes U+FFFD
        (#""\ude00""#, "\u{FFFD}"),  // lone low surrogate
        ("\"caf\u{00E9} 😀\"", "café 😀"),  // raw UTF-8 passes through
    ])
    func stringEscapes(input: String, expected: String) throws {
        #expect(try parse(input) == .string(expected))
    }

    @Test(arguments: [
        "{", "}", "{\"a\":}", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc",
        "\"\\x\"", "\"\\u12\"", "{\"a\":1} x", "\"tab\there\"", "", "   ", "{'a':1}", "NaN",
    ])
    func rejectsInvalidJSON(input: String) {
        #expect(throws: JSONSyntaxError.self) { try parse(input) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try parse(deep) }
    }

    @Test func duplicateKeysKeepTheFirst() throws {
        #expect(try parse(#"{"a":1,"a":2}"#) == .object(["a": .number(1)]))
    }

    @Test func errorReportsByteOffset() {
        do {
            _ = try parse(#"{"a":1 "b":2}"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 7)
        }
    }
}
