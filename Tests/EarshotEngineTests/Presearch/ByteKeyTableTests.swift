import EarshotEngine
import Testing

/// Presearch probes prefix keys with hashes computed in steps; they must find exactly what a
/// whole-key probe finds.
@Suite("Byte key table")
struct ByteKeyTableTests {
    @Test func steppedHashProbesAgreeWithWholeKeys() {
        let keys: [[UInt8]] = [[0x21] + Array("cr".utf8), [0x21] + Array("crash".utf8), [0x22] + Array("spot".utf8), [0x21], [0x01] + Array("é".utf8)]
        let table = ByteKeyTable(entries: keys.enumerated().map { ($0.element, [Int32($0.offset), 9]) })
        let probes: [(UInt8, String)] = [(0x21, "cr"), (0x21, "crash"), (0x21, "cra"), (0x22, "spot"), (0x21, "spot"), (0x21, ""), (0x01, "é"), (0x02, "é")]
        for (tag, text) in probes {
            let rest = Array(text.utf8)
            let whole = ([tag] + rest).withUnsafeBufferPointer { table.postings(for: $0) }
            var state = ByteKeyTable.hashStep(ByteKeyTable.hashSeed, tag)
            for byte in rest { state = ByteKeyTable.hashStep(state, byte) }
            var stepped: [Int32] = []
            rest.withUnsafeBufferPointer { buffer in
                table.forEachPosting(tag: tag, buffer, hash: ByteKeyTable.hashFinish(state)) { stepped.append($0) }
            }
            #expect(stepped == whole, "\(tag) \(text)")
            #expect(whole.isEmpty == !keys.contains([tag] + rest))
        }
    }
}
