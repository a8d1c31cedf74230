import Synchronization

/// A process-wide "stop reading" flag set from a signal handler (SIGINT/SIGTERM) and polled by
/// the pipeline between lines. `Atomic` is lock-free, so setting it is async-signal-safe.
public enum StopSignal {
    private static let received = Atomic<Int32>(0)

    /// Records that `signal` arrived (call from a signal handler).
    public static func raise(_ signal: Int32) {
        received.store(signal, ordering: .relaxed)
    }

    /// The signal that asked to stop, or 0.
    public static var pending: Int32 { received.load(ordering: .relaxed) }
}
