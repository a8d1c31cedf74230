/// Lines read but not yet processed, copied out of the reader's buffer into one buffer of their
/// own so workers can use them while the reader goes on. Bounded: at most ``maxLines`` lines or
/// ``maxBytes`` bytes (plus one line) are held.
struct LineBatch: Sendable {
    static let maxLines = 1_024
    static let maxBytes = 4 << 20

    struct Line: Sendable {
        var number: Int
        /// Where the line's bytes are in ``LineBatch/bytes``.
        var range: Range<Int>
        /// The length of an over-long line, which was skipped (its range is empty); else nil.
        var oversizedBytes: Int?
    }

    /// Every line's bytes, one after the other.
    private(set) var bytes: [UInt8] = []
    private(set) var lines: [Line] = []

    var isEmpty: Bool { lines.isEmpty }
    var isFull: Bool { lines.count >= Self.maxLines || bytes.count >= Self.maxBytes }

    mutating func append(_ framed: FramedLine, number: Int) {
        switch framed {
        case .line(let line):
            if bytes.isEmpty { bytes.reserveCapacity(Self.maxBytes + line.count) }
            let start = bytes.count
            bytes.append(contentsOf: line)
            lines.append(Line(number: number, range: start..<bytes.count, oversizedBytes: nil))
        case .oversized(let count):
            lines.append(Line(number: number, range: bytes.count..<bytes.count, oversizedBytes: count))
        }
    }

    /// Hands out the lines and starts an empty batch.
    mutating func take() -> LineBatch {
        defer { self = LineBatch() }
        return self
    }
}
