/// Word-at-a-time searches over raw bytes (eight bytes per step, "SWAR"), for the loops that
/// walk every byte of every line: UTF-8 validation skipping ASCII, and JSON string scanning
/// skipping plain characters.
package enum ByteRuns {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `index` that is not ASCII, or `end`.
    @inline(__always)
    package static func endOfASCII(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, end: Int) -> Int {
        guard let base = bytes.baseAddress else { return end }
        var index = index
        while end - index >= 8 {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & highBits != 0 { break }
            index += 8
        }
        while index < end, bytes[index] < 0x80 { index += 1 }
        return index
    }

    /// The index of the first byte at or after `index` that ends a run of plain JSON string
    /// characters (a `"`, a `\`, or a control character below 0x20), or `end`.
    @inline(__always)
    package static func endOfPlainString(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, end: Int) -> Int {
        guard let base = bytes.baseAddress else { return end }
        var index = index
        while end - index >= 8 {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A zero byte in `word ^ c` is a byte equal to `c`; `word - 0x20…` borrows in a
            // byte below 0x20. Each test may flag a byte only when some byte really matches.
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let found = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word)
                & highBits
            if found != 0 { break }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        return index
    }
}
