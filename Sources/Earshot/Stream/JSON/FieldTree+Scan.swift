import EarshotText

/// Where one value is in a line, and what kind of JSON value it is.
package struct ScannedValue: Sendable, Equatable {
    /// The kinds of JSON value, with strings split by whether they contain escapes.
    package enum Kind: UInt8, Sendable {
        case missing, string, escapedString, number, trueLiteral, falseLiteral, null, object, array
    }

    /// What the value is (`.missing` when the member is not there).
    package var kind: Kind
    /// Its bytes in the line, `start ..< end` (a string with its quotes).
    package var start: Int
    package var end: Int

    /// No value.
    package static let missing = ScannedValue(kind: .missing, start: 0, end: 0)
}

/// The values a ``FieldTree`` scan found, one per slot.
package struct ScannedFields: Sendable {
    fileprivate(set) var values: [ScannedValue]

    /// The value of a slot (``FieldTree/slot(_:)``); a negative slot (a field the layout does
    /// not have) is always missing.
    package subscript(slot: Int) -> ScannedValue { slot >= 0 ? values[slot] : .missing }
}

/// Why a scan stopped: the line is not valid JSON or needs the full parser (`invalid`), or an
/// early-stopping scan found every slot (`complete`).
private enum ScanStop: Error {
    case invalid, complete
}

extension FieldTree {
    /// Validates one line as strictly as ``JSONParser`` and records, for every slot, where the
    /// first occurrence of its member's value is; nothing is decoded or allocated but the result.
    ///
    /// - Returns: `nil` when the line is not valid JSON, is not an object, or spells a member
    ///   name the tree watches with escapes: the caller hands such lines to ``JSONParser``, so
    ///   the full parser decides every unusual case.
    /// - Complexity: O(n) in the line's length.
    package func scan(_ line: UnsafeBufferPointer<UInt8>) -> ScannedFields? {
        scan(line, range: 0..<line.count)
    }

    /// Scans the object at `value` (an element found by ``forEachElement(of:in:_:)``, or a slot's
    /// value) with this tree. The scan that found `value` validated it, so this one stops as
    /// soon as every slot is found: the first occurrence of a member wins, so nothing after that
    /// point could change the result (a user object's `id` and `username` come before its long
    /// `description`).
    package func scan(_ line: UnsafeBufferPointer<UInt8>, object value: ScannedValue) -> ScannedFields? {
        guard value.kind == .object else { return nil }
        return scan(line, range: value.start..<value.end, stopsWhenComplete: true)
    }

    private func scan(_ line: UnsafeBufferPointer<UInt8>, range: Range<Int>, stopsWhenComplete: Bool = false) -> ScannedFields? {
        var result = ScannedFields(values: [ScannedValue](repeating: .missing, count: nodes.count))
        let scanned = nodes.withUnsafeBufferPointer { nodes in
            names.withUnsafeBufferPointer { names in
                result.values.withUnsafeMutableBufferPointer { values in
                    // The pointers live only for this call; the cursor never outlives it.
                    var cursor = ScanCursor(bytes: line, end: range.upperBound, nodes: nodes, names: names, values: values)
                    cursor.index = range.lowerBound
                    cursor.unfound = stopsWhenComplete ? nodes.count - 1 : -1
                    do throws(ScanStop) {
                        try cursor.scanObjectLine()
                        return true
                    } catch {
                        guard error == .complete else { return false }
                        values[0] = ScannedValue(kind: .object, start: range.lowerBound, end: range.upperBound)
                        return true
                    }
                }
            }
        }
        return scanned ? result : nil
    }

    /// Calls `body` with each element of an array value found by a scan (elements in order).
    package static func forEachElement(
        of array: ScannedValue, in line: UnsafeBufferPointer<UInt8>, _ body: (ScannedValue) -> Void
    ) {
        guard array.kind == .array else { return }
        var cursor = ScanCursor(
            bytes: line, end: array.end, nodes: UnsafeBufferPointer(start: nil, count: 0),
            names: UnsafeBufferPointer(start: nil, count: 0), values: UnsafeMutableBufferPointer(start: nil, count: 0))
        cursor.index = array.start + 1
        cursor.skipWhitespace()
        if cursor.index < array.end, line[cursor.index] == UInt8(ascii: "]") { return }
        while cursor.index < array.end {
            cursor.skipWhitespace()
            let start = cursor.index
            // The array was validated by the scan that found it, so this cannot fail.
            guard let kind = try? cursor.value(depth: 1, node: -1) else { return }
            body(ScannedValue(kind: kind, start: start, end: cursor.index))
            cursor.skipWhitespace()
            guard cursor.index < array.end, line[cursor.index] == UInt8(ascii: ",") else { return }
            cursor.index += 1
        }
    }
}

/// Reading state of one scan. Invariant: every pointer is valid for the duration of the
/// `FieldTree.scan` call that made the cursor, and `end <= bytes.count`.
private struct ScanCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let nodes: UnsafeBufferPointer<FieldTree.Node>
    let names: UnsafeBufferPointer<UInt8>
    let values: UnsafeMutableBufferPointer<ScannedValue>
    var index = 0
    /// Slots (other than the root) not found yet, when the scan stops as soon as it reaches 0;
    /// -1 when it reads to the end.
    var unfound = -1

    init(
        bytes: UnsafeBufferPointer<UInt8>, end: Int, nodes: UnsafeBufferPointer<FieldTree.Node>,
        names: UnsafeBufferPointer<UInt8>, values: UnsafeMutableBufferPointer<ScannedValue>
    ) {
        assert(end <= bytes.count)
        self.bytes = bytes
        self.end = end
        self.nodes = nodes
        self.names = names
        self.values = values
    }

    /// Same limit as ``JSONParser/maxDepth``.
    static let maxDepth = JSONParser.maxDepth

    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The whole range must be one object, with only whitespace around it.
    mutating func scanObjectLine() throws(ScanStop) {
        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: "{") else { throw ScanStop.invalid }
        let start = index
        try object(depth: 0, node: 0)
        values[0] = ScannedValue(kind: .object, start: start, end: index)
        skipWhitespace()
        guard index == end else { throw ScanStop.invalid }
    }

    /// One value; when `node` is a slot (not -1) its place is recorded.
    @discardableResult
    mutating func value(depth: Int, node: Int) throws(ScanStop) -> ScannedValue.Kind {
        guard depth < Self.maxDepth, index < end else { throw ScanStop.invalid }
        let start = index
        let kind: ScannedValue.Kind
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try object(depth: depth, node: node >= 0 && nodes[node].childCount > 0 ? node : -1)
            kind = .object
        case UInt8(ascii: "["):
            try array(depth: depth)
            kind = .array
        case UInt8(ascii: "\""): kind = try string() ? .escapedString : .string
        case UInt8(ascii: "t"):
            try literal(0x74, 0x72, 0x75, 0x65, count: 4)
            kind = .trueLiteral
        case UInt8(ascii: "f"):
            try literal(0x66, 0x61, 0x6C, 0x73, 0x65, count: 5)
            kind = .falseLiteral
        case UInt8(ascii: "n"):
            try literal(0x6E, 0x75, 0x6C, 0x6C, count: 4)
            kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
            kind = .number
        default: throw ScanStop.invalid
        }
        if node >= 0 {
            values[node] = ScannedValue(kind: kind, start: start, end: index)
            if unfound > 0 {
                unfound -= 1
                if unfound == 0 { throw ScanStop.complete }
            }
        }
        return kind
    }

    /// An object; with `node` (not -1), members the tree watches are recorded, first occurrence only.
    mutating func object(depth: Int, node: Int) throws(ScanStop) {
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw ScanStop.invalid }
            let nameStart = index + 1
            let escaped = try string()
            var child = -1
            if node >= 0 {
                if escaped { throw ScanStop.invalid }  // rare: the full parser decodes the name
                child = self.child(of: node, named: nameStart..<(index - 1))
                if child >= 0, values[child].kind != .missing { child = -1 }  // first occurrence wins
            }
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else { throw ScanStop.invalid }
            index += 1
            skipWhitespace()
            try value(depth: depth + 1, node: child)
            skipWhitespace()
            guard index < end else { throw ScanStop.invalid }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            throw ScanStop.invalid
        }
    }

    /// The child of `node` whose name is the bytes at `name`, or -1.
    func child(of node: Int, named name: Range<Int>) -> Int {
        let parent = nodes[node]
        let length = name.count
        for candidate in Int(parent.firstChild)..<Int(parent.firstChild + parent.childCount) {
            let entry = nodes[candidate]
            guard Int(entry.nameCount) == length else { continue }
            let offset = Int(entry.nameStart)
            var same = true
            for i in 0..<length where names[offset + i] != bytes[name.lowerBound + i] {
                same = false
                break
            }
            if same { return candidate }
        }
        return -1
    }

    mutating func array(depth: Int) throws(ScanStop) {
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try value(depth: depth + 1, node: -1)
            skipWhitespace()
            guard index < end else { throw ScanStop.invalid }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            throw ScanStop.invalid
        }
    }

    /// A string from its opening quote; returns whether it has escapes. Control characters and
    /// malformed escapes are errors, as in ``JSONParser``.
    mutating func string() throws(ScanStop) -> Bool {
        index += 1
        var escaped = false
        while index < end {
            index = ByteRuns.endOfPlainString(bytes, from: index, end: end)
            guard index < end else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return escaped
            }
            if byte < 0x20 { throw ScanStop.invalid }
            // A backslash: the only other byte a plain run stops at.
            escaped = true
            index += 1
            guard index < end else { throw ScanStop.invalid }
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 1
            case UInt8(ascii: "u"):
                index += 1
                guard end - index >= 4 else { throw ScanStop.invalid }
                for _ in 0..<4 {
                    guard isHexDigit(bytes[index]) else { throw ScanStop.invalid }
                    index += 1
                }
            default: throw ScanStop.invalid
            }
        }
        throw ScanStop.invalid
    }

    mutating func literal(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8 = 0, count: Int) throws(ScanStop) {
        guard end - index >= count, bytes[index] == a, bytes[index + 1] == b, bytes[index + 2] == c,
            bytes[index + 3] == d, count == 4 || bytes[index + 4] == e
        else { throw ScanStop.invalid }
        index += count
    }

    mutating func number() throws(ScanStop) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end else { throw ScanStop.invalid }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            while index < end, isDigit(bytes[index]) { index += 1 }
        } else {
            throw ScanStop.invalid
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw ScanStop.invalid }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else { throw ScanStop.invalid }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
}
