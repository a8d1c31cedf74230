/// A batch of input lines stored back to back in one buffer (no allocation per line), for
/// ``ReportBuilder/add(_:threads:)``.
///
/// ```swift
/// var lines = ReportLines()
/// lines.append(Array(#"{"text":"hi","created_at":"2026-11-21T10:00:00Z","earshot":{}}"#.utf8))
/// builder.add(lines, threads: 2)
/// ```
public struct ReportLines: Sendable {
    /// The lines' bytes, without their `\n`.
    @usableFromInline var bytes: [UInt8] = []
    /// Where each line ends in `bytes` (it starts where the previous one ends).
    @usableFromInline var ends: [Int] = []

    /// An empty batch with room for about `byteCapacity` bytes.
    public init(byteCapacity: Int = 0) {
        bytes.reserveCapacity(byteCapacity)
    }

    /// Appends one line (without its `\n`).
    @inlinable
    public mutating func append(_ line: some Collection<UInt8>) {
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
    }

    /// The number of lines.
    public var count: Int { ends.count }

    /// The bytes in the batch.
    public var byteCount: Int { bytes.count }

    /// Calls `body` with each line of `range` (line numbers) in order. The pointer is valid only
    /// during the call.
    func forEachLine(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for index in range {
                let start = index == 0 ? 0 : ends[index - 1]
                body(UnsafeBufferPointer(rebasing: all[start..<ends[index]]))
            }
        }
    }
}
