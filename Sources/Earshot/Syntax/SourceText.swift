/// Maps UTF-8 byte offsets of a query to ``SourcePosition``s (1-based line and Character column).
struct SourceText {
    let text: String
    let bytes: [UInt8]
    /// For each byte offset (and one past the end), its position; continuation bytes share
    /// the position of their Character.
    private let positions: [SourcePosition]

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
        var positions: [SourcePosition] = []
        positions.reserveCapacity(bytes.count + 1)
        var line = 1
        var column = 1
        var offset = 0
        for character in text {
            let length = character.utf8.count
            for _ in 0..<length { positions.append(SourcePosition(offset: offset, line: line, column: column)) }
            offset += length
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        positions.append(SourcePosition(offset: offset, line: line, column: column))
        // Fix offsets: every byte keeps its own offset, position fields come from its Character.
        self.positions = positions.enumerated().map { SourcePosition(offset: $0.offset, line: $0.element.line, column: $0.element.column) }
    }

    func position(_ offset: Int) -> SourcePosition {
        positions[max(0, min(offset, positions.count - 1))]
    }

    func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(start: position(start), end: position(max(start, end)))
    }

    func slice(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[max(0, start)..<min(end, bytes.count)], as: UTF8.self)
    }
}
