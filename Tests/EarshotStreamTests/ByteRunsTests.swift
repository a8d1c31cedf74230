import Testing

@testable import EarshotStream

/// The word-at-a-time searches against byte-by-byte loops, at every start and end offset of
/// buffers that put the interesting byte at every position of an 8-byte word.
@Suite("Word-at-a-time byte searches")
struct ByteRunsTests {
    static func naiveEndOfASCII(_ bytes: [UInt8], _ from: Int, _ end: Int) -> Int {
        var index = from
        while index < end, bytes[index] < 0x80 { index += 1 }
        return index
    }

    static func naiveEndOfPlain(_ bytes: [UInt8], _ from: Int, _ end: Int) -> Int {
        var index = from
        while index < end, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
        return index
    }

    @Test("same answers as the byte loops", arguments: [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0xC3, 0xFF] as [UInt8])
    func agreesWithByteLoops(special: UInt8) {
        var seed: UInt64 = UInt64(special) &+ 1
        var checked = 0
        var mismatches: [String] = []
        for length in 0..<40 {
            for position in 0..<max(length, 1) {
                // Plain text around one chosen byte, sometimes with a second random one later.
                var bytes = (0..<length).map { UInt8(0x41 + ($0 % 26)) }
                if position < length { bytes[position] = special }
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                if length > 0, seed >> 60 == 0 { bytes[Int(seed >> 33) % length] = UInt8(truncatingIfNeeded: seed >> 20) }
                bytes.withUnsafeBufferPointer { buffer in
                    for from in 0...length {
                        for end in from...length {
                            checked += 1
                            if ByteRuns.endOfASCII(buffer, from: from, end: end) != Self.naiveEndOfASCII(bytes, from, end)
                                || ByteRuns.endOfPlainString(buffer, from: from, end: end) != Self.naiveEndOfPlain(bytes, from, end)
                            {
                                mismatches.append("\(bytes) \(from)..<\(end)")
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 10_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
