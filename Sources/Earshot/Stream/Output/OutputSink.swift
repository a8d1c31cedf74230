#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why writing stopped.
package enum WriteFailure: Error, Sendable {
    /// The reader went away (`EPIPE`): end quietly with status 0.
    case brokenPipe
    /// Any other write error.
    case io(errno: Int32)
}

/// A buffered writer to a file descriptor; callers decide when to flush.
package final class OutputSink {
    private let fileDescriptor: Int32
    /// Bytes not yet written.
    package var buffer: [UInt8] = []
    /// Flush automatically once this many bytes are pending.
    private let highWater: Int

    package init(fileDescriptor: Int32, highWater: Int = 1 << 16) {
        self.fileDescriptor = fileDescriptor
        self.highWater = highWater
        buffer.reserveCapacity(highWater * 2)
    }

    /// Writes the buffer if it is over the high-water mark.
    package func flushIfFull() throws(WriteFailure) {
        if buffer.count >= highWater { try flush() }
    }

    /// Writes every pending byte.
    package func flush() throws(WriteFailure) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fileDescriptor, base + written, raw.count - written)
            }
            if result < 0 {
                let code = errno
                if code == EINTR { continue }
                buffer.removeAll(keepingCapacity: true)
                throw code == EPIPE ? .brokenPipe : .io(errno: code)
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
