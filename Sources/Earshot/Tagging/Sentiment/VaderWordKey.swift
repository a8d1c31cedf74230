/// How the word index keys a word: its lowercase bytes as little-endian 8-byte chunks (the last
/// one padded with zero bytes), hashed by multiplying chunk after chunk. A word of up to eight
/// bytes is one `UInt64`, compared with its key in one instruction.
///
/// The helpers that work on eight ASCII bytes at once (SWAR) assume every byte is below 0x80:
/// then adding a constant to a chunk never carries from one byte into the next.
enum VaderWordKey {
    /// Every byte 0x80: the high bit of each byte.
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Every byte 0x01.
    static let lowBits: UInt64 = 0x0101_0101_0101_0101

    /// The hash of a key given as `chunkCount` chunks (at least one).
    @inline(__always)
    static func hash(_ chunks: UnsafePointer<UInt64>, chunkCount: Int) -> UInt64 {
        var state = startHash(chunks[0])
        var k = 1
        while k < chunkCount {
            state = continueHash(state, chunks[k])
            k += 1
        }
        return finishHash(state)
    }

    /// The hash state after a key's first chunk; ``continueHash(_:_:)`` takes each further chunk
    /// and ``finishHash(_:)`` gives the hash, so a caller making the chunks can hash them as it goes.
    @inline(__always)
    static func startHash(_ first: UInt64) -> UInt64 { first &* 0x9E37_79B9_7F4A_7C15 }

    /// The hash state after one more chunk.
    @inline(__always)
    static func continueHash(_ state: UInt64, _ chunk: UInt64) -> UInt64 {
        ((state &<< 29 | state &>> 35) ^ chunk) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The hash of a key from its final state.
    @inline(__always)
    static func finishHash(_ state: UInt64) -> UInt64 { state ^ state &>> 32 }

    /// The number of chunks of a key of `length` bytes.
    @inline(__always)
    static func chunkCount(_ length: Int) -> Int { (length + 7) >> 3 }

    /// Writes `bytes` as chunks into `chunks` (room for ``chunkCount(_:)`` of them), lowering
    /// ASCII capitals when `lowering` is set; other bytes are kept as they are.
    static func fill(
        _ bytes: UnsafeBufferPointer<UInt8>, lowering: Bool, into chunks: UnsafeMutablePointer<UInt64>
    ) {
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        var k = 0
        for byte in bytes {
            let value = lowering ? SentimentTable.lowered(byte) : byte
            chunk |= UInt64(value) &<< shift
            shift += 8
            if shift == 64 {
                chunks[k] = chunk
                k += 1
                chunk = 0
                shift = 0
            }
        }
        if shift != 0 { chunks[k] = chunk }
    }

    /// The high bit of each byte of `chunk` (ASCII) that is an ASCII capital.
    @inline(__always)
    static func capitals(_ chunk: UInt64) -> UInt64 {
        // b + 0x3F has its high bit from 0x41 ('A') on; b + 0x25 from 0x5B (past 'Z') on.
        (chunk &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(chunk &+ 0x2525_2525_2525_2525) & highBits
    }

    /// The high bit of each byte of `chunk` (ASCII) that is a lowercase ASCII letter.
    @inline(__always)
    static func smallLetters(_ chunk: UInt64) -> UInt64 {
        // From 0x61 ('a') on, and not from 0x7B (past 'z') on.
        (chunk &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(chunk &+ 0x0505_0505_0505_0505) & highBits
    }

    /// The high bit of each byte of `chunk` (ASCII) that is at most 0x20: every ASCII space,
    /// and the control characters (which the caller checks).
    @inline(__always)
    static func spaceCandidates(_ chunk: UInt64) -> UInt64 {
        ~(chunk &+ 0x5F5F_5F5F_5F5F_5F5F) & highBits
    }

    /// The high bit of each byte of `chunk` equal to `byte` (every byte of `chunk` below 0x80).
    @inline(__always)
    static func equalBytes(_ chunk: UInt64, _ byte: UInt8) -> UInt64 {
        let x = chunk ^ (lowBits &* UInt64(byte))
        // A zero byte stays below 0x80 after adding 0x7F; any other (ASCII) byte reaches it.
        return ~((x &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & highBits
    }

    /// The first `length` bytes of `chunk` (`length` < 8), the rest zeroed.
    @inline(__always)
    static func prefix(_ chunk: UInt64, _ length: Int) -> UInt64 {
        chunk & ((1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1)
    }
}
