import Synchronization

/// One ``LineProcessor`` per worker thread: the first is the pipeline's own, the others are
/// replicas (``LineProcessor/replica()``) built by their worker the first time it asks, so that
/// compiling a replica (tens of milliseconds at 10k rules) overlaps with the first worker
/// already matching instead of delaying the start of the run.
///
/// ```swift
/// let workers = WorkerProcessors(processor, count: 2)
/// let mine = workers.processor(1)   // built now, on this thread; the same one afterwards
/// ```
final class WorkerProcessors: Sendable {
    let count: Int
    private let first: LineProcessor
    private let replicas: Mutex<[LineProcessor?]>

    init(_ processor: LineProcessor, count: Int) {
        self.count = max(1, count)
        first = processor
        replicas = Mutex(Array(repeating: nil, count: self.count))
    }

    /// Worker `index`'s processor (0 ..< ``count``). A replica is built outside the lock, so
    /// workers build theirs at the same time; should two calls race for one index, the first
    /// stored wins and both get it.
    func processor(_ index: Int) -> LineProcessor {
        guard index > 0 else { return first }
        if let known = replicas.withLock({ $0[index] }) { return known }
        let built = first.replica()
        return replicas.withLock { all in
            if let known = all[index] { return known }
            all[index] = built
            return built
        }
    }
}
