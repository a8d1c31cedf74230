import Dispatch
import Synchronization

/// A batch being matched on the worker threads while the reading thread goes on: started by
/// ``start(_:with:)``, collected (waiting if need be) by ``results()``.
///
/// The pipeline keeps at most one batch in flight and one being filled, so memory stays bounded,
/// and the reading, accounting and writing of one batch overlap the matching of the next.
final class BatchInFlight: Sendable {
    let lines: [LineBatch.Line]
    private let group = DispatchGroup()
    private let produced = Mutex<[(LineOutcome, [UInt8])?]>([])

    private init(lines: [LineBatch.Line]) {
        self.lines = lines
    }

    /// Starts matching `lines` on the workers and returns at once.
    static func start(_ lines: [LineBatch.Line], with processors: [LineProcessor]) -> BatchInFlight {
        let batch = BatchInFlight(lines: lines)
        DispatchQueue.global().async(group: batch.group) {
            let results = ParallelLines.process(lines, with: processors)
            batch.produced.withLock { $0 = results }
        }
        return batch
    }

    /// Each line's outcome and output, in input order, once matching is done.
    func results() -> [(LineOutcome, [UInt8])?] {
        group.wait()
        return produced.withLock { $0 }
    }
}
