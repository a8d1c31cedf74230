import EarshotText

/// Why a line is not a JSON value.
package struct JSONSyntaxError: Error, Sendable, Hashable {
    /// What went wrong, for the reject record's `detail`.
    package var message: String
    /// Byte offset in the line where it went wrong.
    package var offset: Int
}

/// A strict RFC 8259 parser over the bytes of one line, producing ``JSONValue``.
///
/// It validates the whole line (trailing garbage is an error), decodes string escapes
/// (`\uXXXX`, surrogate pairs; a lone surrogate escape decodes to U+FFFD), and limits nesting
/// depth so hostile input cannot overflow the stack. The bytes must already be valid UTF-8.
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"text":"hi \u00e9"}"#.utf8))
/// ```
package enum JSONParser {
    /// Deepest nesting accepted.
    package static let maxDepth = 512

    /// Parses one complete JSON text.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var cursor = Cursor(bytes: buffer)
            cursor.skipWhitespace()
            let value = try cursor.parseValue(depth: 0)
            cursor.skipWhitespace()
            guard cursor.index == buffer.count else {
                throw JSONSyntaxError(message: "unexpected data after the JSON value", offset: cursor.index)
            }
            return value
        }
    }

    /// Parses one complete JSON text, building only the members under `keep` (the rest is
    /// validated and skipped). Also returns how many members the top-level object has.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, keeping keep: JSONKeep) throws(JSONSyntaxError)
        -> (value: JSONValue, topLevelMembers: Int)
    {
        var cursor = Cursor(bytes: bytes)
        cursor.skipWhitespace()
        var members = 0
        let value: JSONValue
        if !cursor.atEnd, bytes[cursor.index] == UInt8(ascii: "{"), !keep.keepsAll {
            value = try cursor.parseObject(depth: 0, keep: keep, memberCount: &members)
        } else {
            value = try cursor.parseValue(depth: 0)
            if case .object(let all) = value { members = all.count }
        }
        cursor.skipWhitespace()
        guard cursor.index == bytes.count else {
            throw JSONSyntaxError(message: "unexpected data after the JSON value", offset: cursor.index)
        }
        return (value, members)
    }
}

/// Reading state over a buffer that outlives it (the pointer never escapes `parse`).
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: index)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < JSONParser.maxDepth else { throw fail("nesting deeper than \(JSONParser.maxDepth)") }
        guard !atEnd else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character '\(printable(bytes[index]))'")
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw fail("invalid literal") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fail("invalid literal")
        }
        index += count
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if !atEnd, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard !atEnd, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try parseString()
            skipWhitespace()
            guard !atEnd, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            if members[key] == nil { members[key] = value }  // first occurrence wins
            skipWhitespace()
            guard !atEnd else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw fail("expected ',' or '}'")
        }
    }

    /// A value under a keep tree: objects keep only the named members, arrays apply the tree to
    /// each element, scalars are read as usual.
    mutating func parseValue(depth: Int, keep: JSONKeep) throws(JSONSyntaxError) -> JSONValue {
        guard !keep.keepsAll, !atEnd else { return try parseValue(depth: depth) }
        guard depth < JSONParser.maxDepth else { throw fail("nesting deeper than \(JSONParser.maxDepth)") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var count = 0
            return try parseObject(depth: depth, keep: keep, memberCount: &count)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth, keep: keep)
        default:
            return try parseValue(depth: depth)
        }
    }

    /// An object whose members outside `keep` are skipped; counts all members.
    mutating func parseObject(depth: Int, keep: JSONKeep, memberCount: inout Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if !atEnd, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard !atEnd, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let nameStart = index + 1
            let escaped = try skipString()
            let nameEnd = index - 1
            var child: JSONKeep?
            var name: String?
            if escaped {
                index = nameStart - 1
                let decoded = try parseString()
                name = decoded
                var utf8 = Array(decoded.utf8)
                child = utf8.withUnsafeMutableBufferPointer { keep.child(named: UnsafeBufferPointer($0)) }
            } else {
                child = keep.child(named: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
            }
            memberCount += 1
            skipWhitespace()
            guard !atEnd, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            if let child {
                let key = name ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
                let value = try parseValue(depth: depth + 1, keep: child)
                if members[key] == nil { members[key] = value }  // first occurrence wins
            } else {
                try skipValue(depth: depth + 1)
            }
            skipWhitespace()
            guard !atEnd else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw fail("expected ',' or '}'")
        }
    }

    /// Validates one value without building it.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard depth < JSONParser.maxDepth else { throw fail("nesting deeper than \(JSONParser.maxDepth)") }
        guard !atEnd else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            skipWhitespace()
            if !atEnd, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                guard !atEnd, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                _ = try skipString()
                skipWhitespace()
                guard !atEnd, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                index += 1
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard !atEnd else { throw fail("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if !atEnd, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard !atEnd else { throw fail("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try parseNumber()
        default: throw fail("unexpected character '\(printable(bytes[index]))'")
        }
    }

    /// Validates a string (from its opening quote) without building it, leaving `index` after
    /// the closing quote; returns whether it has escapes. A string with an escape or a control
    /// character is handed to ``parseString()``, so validation and error messages are the same.
    mutating func skipString() throws(JSONSyntaxError) -> Bool {
        let opening = index
        index = ByteRuns.endOfPlainString(bytes, from: index + 1, end: bytes.count)
        guard index < bytes.count else { throw fail("unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return false
        }
        // A backslash or a control character: the full reading decides (and words the error).
        index = opening
        _ = try parseString()
        return true
    }

    /// An array; with a keep tree, the tree applies to each element.
    mutating func parseArray(depth: Int, keep: JSONKeep? = nil) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if !atEnd, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if let keep {
                items.append(try parseValue(depth: depth + 1, keep: keep))
            } else {
                items.append(try parseValue(depth: depth + 1))
            }
            skipWhitespace()
            guard !atEnd else { throw fail("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw fail("expected ',' or ']'")
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard !atEnd else { throw fail("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            while !atEnd, isDigit(bytes[index]) { index += 1 }
        } else {
            throw fail("invalid number")
        }
        if !atEnd, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard !atEnd, isDigit(bytes[index]) else { throw fail("invalid number") }
            while !atEnd, isDigit(bytes[index]) { index += 1 }
        }
        if !atEnd, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if !atEnd, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard !atEnd, isDigit(bytes[index]) else { throw fail("invalid number") }
            while !atEnd, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return Double(text) ?? .nan
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        index = ByteRuns.endOfPlainString(bytes, from: index, end: bytes.count)
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let result = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return result
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard !atEnd else { throw fail("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"): appendUTF8(try parseUnicodeEscape(), to: &scalars)
                default: throw fail("invalid escape '\\\(printable(escape))'")
                }
            default:
                if byte < 0x20 { throw fail("control character in string") }
                scalars.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string")
    }

    /// Reads the 4 hex digits after `\u` (and a following low surrogate escape when needed).
    mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try readHex4()
        switch first {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed by `\u` + low surrogate to form one scalar.
            if bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let second = try readHex4()
                if (0xDC00...0xDFFF).contains(second) {
                    let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                index = save
            }
            return "\u{FFFD}"
        case 0xDC00...0xDFFF:
            return "\u{FFFD}"
        default:
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        }
    }

    mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw fail("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func printable(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
}

private func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
    if let encoded = UTF8.encode(scalar) { buffer.append(contentsOf: encoded) }
}
