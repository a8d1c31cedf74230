import Synchronization

/// Hands out ``MatcherScratch`` values to callers of the `Sendable` matcher API, so that
/// `match(_:)` can be called from any thread without the caller managing scratch space.
/// Workers that want zero locking call `makeScratch()` once and pass it explicitly instead.
package final class ScratchPool: Sendable {
    private let free: Mutex<[MatcherScratch]>
    private let ruleCount: Int

    package init(ruleCount: Int) {
        self.ruleCount = ruleCount
        self.free = Mutex([])
    }

    /// Runs `body` with a scratch taken from the pool (or a new one), then returns it.
    package func withScratch<R>(_ body: (MatcherScratch) -> R) -> R {
        let scratch = free.withLock { $0.popLast() } ?? MatcherScratch(ruleCount: ruleCount)
        defer {
            // Bound the pool: keep at most a few idle scratches per core.
            free.withLock { pool in if pool.count < 64 { pool.append(scratch) } }
        }
        return body(scratch)
    }
}
