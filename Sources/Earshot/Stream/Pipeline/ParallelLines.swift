import Dispatch
import Synchronization

/// Lines read but not yet processed, copied out of the reader's buffer so workers can use them.
/// Bounded: at most ``maxLines`` lines or ``maxBytes`` bytes (plus one line) are held.
struct LineBatch {
    static let maxLines = 1_024
    static let maxBytes = 4 << 20

    struct Line: Sendable {
        var number: Int
        /// The line's bytes; nil for a line that was too long and skipped.
        var bytes: [UInt8]?
        /// The skipped length of an over-long line.
        var oversizedBytes: Int
    }

    private(set) var lines: [Line] = []
    private var byteCount = 0

    var isEmpty: Bool { lines.isEmpty }
    var isFull: Bool { lines.count >= Self.maxLines || byteCount >= Self.maxBytes }

    mutating func append(_ framed: FramedLine, number: Int) {
        switch framed {
        case .line(let bytes):
            lines.append(Line(number: number, bytes: Array(bytes), oversizedBytes: 0))
            byteCount += bytes.count
        case .oversized(let count):
            lines.append(Line(number: number, bytes: nil, oversizedBytes: count))
        }
    }

    /// Hands out the lines and empties the batch.
    mutating func take() -> [Line] {
        defer {
            lines.removeAll(keepingCapacity: true)
            byteCount = 0
        }
        return lines
    }
}

/// Runs ``LineProcessor``s over a batch on several threads; results come back in input order.
///
/// One worker per processor; each takes the next unclaimed chunk until none is left, so a worker
/// that drew short lines takes more chunks, and each always uses its own processor (a replica,
/// so the threads do not share a matcher's memory).
enum ParallelLines {
    /// For each line: its outcome and output bytes (nil for over-long lines).
    static func process(_ lines: [LineBatch.Line], with processors: [LineProcessor]) -> [(LineOutcome, [UInt8])?] {
        let workers = min(processors.count, lines.count)
        guard workers > 1 else { return lines.map { run($0, processors[0]) } }
        let chunkCount = min(lines.count, workers * 4)
        let chunkSize = (lines.count + chunkCount - 1) / chunkCount
        let nextChunk = Atomic<Int>(0)
        let done = Mutex<[Int: [(LineOutcome, [UInt8])?]]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let processor = processors[worker]
            while true {
                let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunkCount else { return }
                // The last chunks can be empty (10 lines in 8 chunks of 2): clamp both ends.
                let range = min(lines.count, chunk * chunkSize)..<min(lines.count, (chunk + 1) * chunkSize)
                let results = range.isEmpty ? [] : lines[range].map { run($0, processor) }
                done.withLock { $0[chunk] = results }
            }
        }
        return done.withLock { all in (0..<chunkCount).flatMap { all[$0] ?? [] } }
    }

    private static func run(_ line: LineBatch.Line, _ processor: LineProcessor) -> (LineOutcome, [UInt8])? {
        guard let bytes = line.bytes else { return nil }
        var output: [UInt8] = []
        let outcome = bytes.withUnsafeBufferPointer { processor.process($0, into: &output) }
        return (outcome, output)
    }
}
