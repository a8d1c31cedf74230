import Foundation
import Testing

@testable import EarshotStream

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Line framing and UTF-8 validation")
struct FramingTests {
    /// Frames `bytes` through a pipe and returns each event as text ("L:<line>" or "O:<count>").
    func frame(_ bytes: [UInt8], maxLineBytes: Int = 1 << 20) throws -> [String] {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let writeEnd = fds[1]
        let writer = Thread {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(writeEnd, raw.baseAddress! + offset, min(4096, raw.count - offset))
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(writeEnd)
        }
        writer.start()
        var reader = LineReader(fileDescriptor: fds[0], maxLineBytes: maxLineBytes)
        var events: [String] = []
        try reader.forEachLine(
            onLine: { framed in
                switch framed {
                case .line(let line): events.append("L:" + String(decoding: line, as: UTF8.self))
                case .oversized(let count): events.append("O:\(count)")
                }
                return true
            }, onDrained: {})
        close(fds[0])
        return events
    }

    @Test func splitsLinesAndKeepsAFinalLineWithoutNewline() throws {
        #expect(try frame(Array("a\nbb\n\nccc".utf8)) == ["L:a", "L:bb", "L:", "L:ccc"])
    }

    @Test func carriageReturnsStayInTheLine() throws {
        #expect(try frame(Array("a\r\nb\r\n".utf8)) == ["L:a\r", "L:b\r"])
    }

    @Test func aByteOrderMarkAtTheStartOfTheInputIsDropped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try frame(bom + Array("{}\n{}\n".utf8)) == ["L:{}", "L:{}"])
        #expect(try frame(bom) == [])
        #expect(try frame(bom + Array("x".utf8)) == ["L:x"])
        // Only at the start of the input: a mark later on stays in its line (and is then rejected).
        #expect(try frame(Array("a\n".utf8) + bom + Array("b\n".utf8)) == ["L:a", "L:\u{FEFF}b"])
        // Too short to be a mark.
        #expect(try frame([0xEF, 0x0A]) == ["L:\u{FFFD}"])
    }

    @Test func oversizedLinesAreSkippedWholeNotTruncated() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000)
        let input = Array("ok\n".utf8) + big + Array("\nafter\n".utf8)
        #expect(try frame(input, maxLineBytes: 1_000_000) == ["L:ok", "O:3000000", "L:after"])
    }

    @Test func oversizedFinalLineWithoutNewline() throws {
        let input = Array("ok\n".utf8) + [UInt8](repeating: 0x61, count: 50)
        #expect(try frame(input, maxLineBytes: 10) == ["L:ok", "O:50"])
    }

    @Test func lineExactlyAtTheLimitIsKept() throws {
        let line = String(repeating: "y", count: 10)
        #expect(try frame(Array((line + "\n").utf8), maxLineBytes: 10) == ["L:" + line])
    }

    @Test func linesLongerThanTheReadChunkAreReassembled() throws {
        let long = String(repeating: "z", count: LineReader.chunkSize * 2 + 17)
        #expect(try frame(Array((long + "\nend").utf8), maxLineBytes: 8 << 20) == ["L:" + long, "L:end"])
    }

    @Test(arguments: [
        ([0x61, 0x62], true),
        ([0xC3, 0xA9], true),  // é
        ([0xF0, 0x9F, 0x98, 0x80], true),  // 😀
        ([0xC3], false),  // truncated
        ([0xC0, 0xAF], false),  // overlong
        ([0xE0, 0x80, 0xAF], false),  // overlong 3-byte
        ([0xED, 0xA0, 0x80], false),  // UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
        ([0xFF], false),
        ([0x80], false),  // lone continuation
    ] as [([UInt8], Bool)])
    func utf8Validation(bytes: [UInt8], valid: Bool) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == valid)
        // Cross-check with the standard library's decoder.
        #expect((String(validating: bytes, as: UTF8.self) != nil) == valid)
    }
}
