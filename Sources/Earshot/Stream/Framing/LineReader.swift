#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One framed input line, or a line that was too long to keep.
package enum FramedLine {
    /// A line's bytes without its `\n` (a `\r` before it is included: the caller decides).
    case line(UnsafeBufferPointer<UInt8>)
    /// A line longer than the limit; its bytes were skipped up to and including its `\n`.
    case oversized(byteCount: Int)

    /// The line's length in bytes, without its `\n`.
    package var byteCount: Int {
        switch self {
        case .line(let bytes): bytes.count
        case .oversized(let count): count
        }
    }
}

/// Splits a file descriptor's bytes into lines with large buffered reads and no per-line
/// allocation. Lines longer than `maxLineBytes` are skipped to their end, never truncated. A
/// UTF-8 byte order mark at the very start of the input (files saved by Windows tools) is
/// dropped: it marks the file's encoding and is not part of the first line.
///
/// ```swift
/// var reader = LineReader(fileDescriptor: STDIN_FILENO, maxLineBytes: 16 << 20)
/// try reader.forEachLine(onLine: { line in ... }, onDrained: { flushOutput() })
/// ```
package struct LineReader {
    /// Read size for one `read(2)` call.
    package static let chunkSize = 1 << 20

    private let fileDescriptor: Int32
    private let maxLineBytes: Int
    private var storage: [UInt8]
    private var start = 0
    private var end = 0
    private var skipping = false
    private var skippedBytes = 0
    /// Whether the input's first bytes were checked for a byte order mark.
    private var checkedByteOrderMark = false
    /// Total bytes read so far.
    package private(set) var bytesRead = 0

    /// Creates a reader over `fileDescriptor` (not closed by the reader).
    package init(fileDescriptor: Int32, maxLineBytes: Int) {
        self.fileDescriptor = fileDescriptor
        self.maxLineBytes = max(1, maxLineBytes)
        self.storage = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    /// Calls `onLine` for every line in order, and `onDrained` whenever every byte read so far
    /// has been handed out and the next read may block (the moment to flush output).
    /// `onLine` returns false to stop reading early.
    /// - Throws: ``ReadError`` when `read(2)` fails.
    package mutating func forEachLine(
        shouldStop: () -> Bool = { false }, onLine: (FramedLine) throws -> Bool,
        onDrained: () throws -> Void
    ) throws {
        while true {
            if end == storage.count { makeRoom() }
            let count = storage.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fileDescriptor, base + end, raw.count - end)
            }
            if count < 0 {
                if errno == EINTR {
                    if shouldStop() { return }
                    continue
                }
                throw ReadError(errno: errno)
            }
            if count == 0 { break }
            bytesRead += count
            let scanFrom = end
            end += count
            if !checkedByteOrderMark {
                guard checkByteOrderMark(final: false) else { continue }
            }
            guard try emitCompleteLines(scanFrom: scanFrom, onLine: onLine) else { return }
            try onDrained()
        }
        // End of input: a final line without `\n` is still a line.
        if !checkedByteOrderMark { _ = checkByteOrderMark(final: true) }
        if skipping {
            _ = try onLine(.oversized(byteCount: skippedBytes + (end - start)))
        } else if end > start {
            // The last line: whether the caller wants more no longer matters.
            _ = try storage.withUnsafeBufferPointer { buffer in
                try onLine(.line(UnsafeBufferPointer(rebasing: buffer[start..<end])))
            }
        }
        start = 0
        end = 0
        try onDrained()
    }

    /// Drops a UTF-8 byte order mark (EF BB BF) at the start of the input. Returns false while
    /// too few bytes have arrived to tell (fewer than three and no line end yet), unless `final`.
    private mutating func checkByteOrderMark(final: Bool) -> Bool {
        let available = end - start
        let hasLineEnd = storage[start..<end].contains(0x0A)
        guard available >= 3 || hasLineEnd || final else { return false }
        checkedByteOrderMark = true
        if available >= 3, storage[start] == 0xEF, storage[start + 1] == 0xBB, storage[start + 2] == 0xBF {
            start += 3
        }
        return true
    }

    /// Emits every complete line in `start..<end`; returns false when `onLine` asked to stop.
    private mutating func emitCompleteLines(scanFrom: Int, onLine: (FramedLine) throws -> Bool) throws -> Bool {
        var searchFrom = skipping ? start : max(start, scanFrom)
        while let newline = findNewline(from: searchFrom) {
            let lineLength = newline - start
            if skipping {
                skipping = false
                let total = skippedBytes + lineLength
                skippedBytes = 0
                start = newline + 1
                guard try onLine(.oversized(byteCount: total)) else { return false }
            } else if lineLength > maxLineBytes {
                start = newline + 1
                guard try onLine(.oversized(byteCount: lineLength)) else { return false }
            } else {
                let lineStart = start
                start = newline + 1
                let keepGoing = try storage.withUnsafeBufferPointer { buffer in
                    try onLine(.line(UnsafeBufferPointer(rebasing: buffer[lineStart..<newline])))
                }
                guard keepGoing else { return false }
            }
            searchFrom = start
        }
        // No newline in what is left: drop it if it is already too long to keep.
        if !skipping, end - start > maxLineBytes {
            skipping = true
            skippedBytes = end - start
            start = end
        } else if skipping {
            skippedBytes += end - start
            start = end
        }
        return true
    }

    private func findNewline(from index: Int) -> Int? {
        guard index < end else { return nil }
        return storage.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress,
                let hit = memchr(base + index, Int32(UInt8(ascii: "\n")), end - index)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// Moves the pending partial line to the front, growing the buffer when it is full.
    private mutating func makeRoom() {
        let pending = end - start
        if start > 0 {
            storage.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + start, pending)
            }
            start = 0
            end = pending
        }
        if end == storage.count {
            storage.append(contentsOf: repeatElement(0, count: storage.count))
        }
    }
}

/// `read(2)` failed.
package struct ReadError: Error, Sendable, CustomStringConvertible {
    /// The errno value.
    package var errno: Int32
    package var description: String { "read failed: " + String(cString: strerror(errno)) }
}
