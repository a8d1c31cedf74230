import EarshotStream

/// A labeled evaluation set: JSONL mentions (any input preset) with gold labels, as in
/// `Fixtures/labeled/support-eval.jsonl`:
/// `{"id":"…","text":"…",…,"labels":{"issue_type":"billing","sentiment":"negative","kind":"direct","needs_response":true},"split":"test"}`.
public struct LabeledSet: Sendable {
    /// One labeled mention.
    public struct Item: Sendable {
        /// The mention, read through the preset.
        public var mention: Mention
        /// `labels.issue_type`.
        public var issueType: String?
        /// `labels.sentiment`.
        public var sentiment: String?
        /// `labels.kind`.
        public var kind: String?
        /// `labels.needs_response`.
        public var needsResponse: Bool?
        /// `split` (`train`, `test`, or `nil`).
        public var split: String?
    }

    /// A line that could not be read.
    public struct BadLine: Error, Sendable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// What is wrong.
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// The items, in file order.
    public var items: [Item]

    /// Reads a labeled set from JSONL bytes; blank lines are skipped.
    /// - Throws: ``BadLine`` for the first line that is not a mention with a `labels` object.
    public init(jsonl bytes: [UInt8], mapping: FieldMapping = FieldMapping()) throws(BadLine) {
        var items: [Item] = []
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let body = Array(line).trimmingLabeledWhitespace()
            guard !body.isEmpty else { continue }
            let mention: Mention
            let root: JSONValue
            do {
                root = try JSONParser.parse(body)
                mention = try mapping.mention(fromJSON: body)
            } catch {
                throw BadLine(line: number + 1, reason: "not a mention: \(error)")
            }
            guard case .object(let members) = root, case .object(let labels)? = members["labels"] else {
                throw BadLine(line: number + 1, reason: "no \"labels\" object")
            }
            items.append(
                Item(
                    mention: mention, issueType: labels["issue_type"]?.stringValue,
                    sentiment: labels["sentiment"]?.stringValue, kind: labels["kind"]?.stringValue,
                    needsResponse: labels["needs_response"]?.boolValue, split: members["split"]?.stringValue))
        }
        self.items = items
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }
}

extension Array where Element == UInt8 {
    fileprivate func trimmingLabeledWhitespace() -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(self[first...last])
    }
}
