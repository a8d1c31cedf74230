import Dispatch
import Synchronization

/// One batch of lines being read into records on background threads, so that the builder can
/// aggregate the previous batch meanwhile. Work is split into chunks that threads claim one at
/// a time; the thread that finally needs the records helps with what is left, then takes them
/// in input order.
final class BatchRead: Sendable {
    typealias Outcome = Result<(ReportRecord, hadOffset: Bool), SkipReason>

    private let lines: ReportLines
    private let reader: ReportReader
    private let chunkLength: Int
    private let chunkCount: Int
    private let nextChunk = Atomic<Int>(0)
    /// Each chunk's outcomes, stored once by the thread that read it.
    private let results: Mutex<[[Outcome]]>
    private let group = DispatchGroup()

    /// Reads `lines` with `reader`; call ``start(threads:)`` to begin in the background.
    init(lines: ReportLines, reader: ReportReader, threads: Int) {
        self.lines = lines
        self.reader = reader
        chunkCount = max(1, min(threads * 4, lines.count / 256))
        chunkLength = (lines.count + chunkCount - 1) / chunkCount
        results = Mutex(Array(repeating: [], count: chunkCount))
    }

    /// Starts `threads` background readers (none: everything is read by ``finish(_:)``).
    func start(threads: Int) {
        for _ in 0..<max(0, threads) {
            DispatchQueue.global().async(group: group) { self.work() }
        }
    }

    /// Reads chunks until none is left. Each thread uses its own reader copy, so threads do not
    /// share reference counts.
    private func work() {
        var local: ReportReader?
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            let worker = local ?? reader.copyForWorker()
            local = worker
            let range = min(lines.count, chunk * chunkLength)..<min(lines.count, (chunk + 1) * chunkLength)
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(range.count)
            lines.forEachLine(in: range) { line in
                if !ReportBuilder.isBlank(line) { outcomes.append(worker.read(line)) }
            }
            results.withLock { $0[chunk] = outcomes }
        }
    }

    /// Helps read what is left, waits for the background readers, then calls `body` with every
    /// outcome in input order (blank lines left out).
    func finish(_ body: (Outcome) -> Void) {
        work()
        group.wait()
        var taken: [[Outcome]] = []
        results.withLock { swap(&taken, &$0) }
        // Chunks and outcomes are moved out one by one (reversed, then popped): nothing is copied.
        taken.reverse()
        while var chunk = taken.popLast() {
            chunk.reverse()
            while let outcome = chunk.popLast() { body(outcome) }
        }
    }
}
