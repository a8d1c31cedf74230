import Dispatch
import Synchronization

/// A batch being matched on the worker threads while the reading thread goes on: started by
/// ``start(_:with:keepMentions:)``, collected (waiting if need be) by ``results()``.
///
/// The pipeline keeps at most one batch in flight and one being filled, so memory stays bounded,
/// and the reading, accounting and writing of one batch overlap the matching of the next.
/// Batches are matched one after the other on a serial queue: two batches matched at once
/// would put two threads on each worker's processor, and they would fight over its memory.
final class BatchInFlight: Sendable {
    let batch: LineBatch
    private let group = DispatchGroup()
    private let produced = Mutex<[ProcessedLines]>([])

    private init(batch: LineBatch) {
        self.batch = batch
    }

    /// Starts matching `batch` on the workers once the batches queued before it are matched,
    /// and returns at once.
    /// - Parameter queue: a serial queue, the same for every batch of a run.
    static func start(_ batch: LineBatch, with processors: WorkerProcessors, keepMentions: Bool, on queue: DispatchQueue)
        -> BatchInFlight
    {
        let inFlight = BatchInFlight(batch: batch)
        queue.async(group: inFlight.group) {
            let results = ParallelLines.process(batch, with: processors, keepMentions: keepMentions)
            inFlight.produced.withLock { $0 = results }
        }
        return inFlight
    }

    /// The processed chunks, in input order, once matching is done.
    func results() -> [ProcessedLines] {
        group.wait()
        return produced.withLock { $0 }
    }
}
