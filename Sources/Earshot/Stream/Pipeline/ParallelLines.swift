import Dispatch
import Synchronization

/// What a worker made of one chunk of a batch: each line's outcome (nil for an over-long line)
/// and its output, all lines' output in one buffer.
struct ProcessedLines: Sendable {
    var outcomes: [LineOutcome?] = []
    /// Where each line's output ends in ``output`` (it starts where the previous one ends).
    var outputEnds: [Int] = []
    var output: [UInt8] = []
}

/// Runs ``LineProcessor``s over a batch on several threads; results come back in input order.
///
/// One worker per processor; each takes the next unclaimed chunk until none is left, so a worker
/// that drew short lines takes more chunks, and each always uses its own processor (a replica,
/// so the threads do not share a matcher's memory; while a worker builds its replica, the others
/// take the chunks). A chunk's output goes into one buffer, and a mention is dropped from its
/// outcome on the worker unless asked for, so the reading thread neither allocates nor frees
/// per line.
enum ParallelLines {
    /// The batch's chunks, processed, in input order.
    /// - Parameter keepMentions: keep each ``LineOutcome/mention(matched:match:mention:tags:)``'s
    ///   mention (an observer wants it); otherwise it is replaced by ``Mention/empty``.
    static func process(_ batch: LineBatch, with processors: WorkerProcessors, keepMentions: Bool) -> [ProcessedLines] {
        let lines = batch.lines
        let workers = min(processors.count, lines.count)
        guard workers > 1 else {
            return [run(batch, 0..<lines.count, processors.processor(0), keepMentions: keepMentions)]
        }
        let chunkCount = min(lines.count, workers * 4)
        let chunkSize = (lines.count + chunkCount - 1) / chunkCount
        let nextChunk = Atomic<Int>(0)
        let done = Mutex<[ProcessedLines?]>(Array(repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // A replica is built here the first time, while the other workers take the chunks.
            let processor = processors.processor(worker)
            while true {
                let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunkCount else { return }
                // The last chunks can be empty (10 lines in 8 chunks of 2): clamp both ends.
                let range = min(lines.count, chunk * chunkSize)..<min(lines.count, (chunk + 1) * chunkSize)
                let processed = run(batch, range, processor, keepMentions: keepMentions)
                done.withLock { $0[chunk] = processed }
            }
        }
        return done.withLock { chunks in chunks.map { $0 ?? ProcessedLines() } }
    }

    private static func run(_ batch: LineBatch, _ range: Range<Int>, _ processor: LineProcessor, keepMentions: Bool)
        -> ProcessedLines
    {
        var processed = ProcessedLines()
        processed.outcomes.reserveCapacity(range.count)
        processed.outputEnds.reserveCapacity(range.count)
        let lines = batch.lines[range]
        if let first = lines.first, let last = lines.last {
            processed.output.reserveCapacity(last.range.upperBound - first.range.lowerBound + range.count * 128)
        }
        batch.bytes.withUnsafeBufferPointer { bytes in
            for line in lines {
                if line.oversizedBytes != nil {
                    processed.outcomes.append(nil)
                } else {
                    processed.outcomes.append(
                        processor.process(
                            UnsafeBufferPointer(rebasing: bytes[line.range]), keepingMention: keepMentions,
                            into: &processed.output))
                }
                processed.outputEnds.append(processed.output.count)
            }
        }
        return processed
    }
}
