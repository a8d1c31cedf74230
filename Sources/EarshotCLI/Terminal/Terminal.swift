#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Terminal facts and unbuffered stderr writes.
enum Terminal {
    /// Writes to a file descriptor without buffering (stderr must never be lost on exit).
    struct Writer {
        let fileDescriptor: Int32

        func write(_ text: String) {
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return systemWrite(fileDescriptor, base + offset, raw.count - offset)
                }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }

        /// True when the descriptor is a terminal.
        var isTerminal: Bool { isatty(fileDescriptor) == 1 }
    }

    static let standardError = Writer(fileDescriptor: STDERR_FILENO)
    static let standardOutput = Writer(fileDescriptor: STDOUT_FILENO)
    static let standardInput = Writer(fileDescriptor: STDIN_FILENO)

    /// Reads stdin to its end (a single mention document; capped at 64 MiB).
    static func readAllStandardInput(limit: Int = 64 << 20) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < limit {
            let n = chunk.withUnsafeMutableBytes { raw in read(STDIN_FILENO, raw.baseAddress, raw.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Whether to color diagnostics: stderr is a terminal and NO_COLOR is not set.
    static var colorDiagnostics: Bool {
        standardError.isTerminal && getenv("NO_COLOR") == nil
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
