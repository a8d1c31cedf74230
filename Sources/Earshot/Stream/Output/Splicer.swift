/// Adds `"key":{annotation}` as the last member of a JSON object line without re-encoding
/// anything else: the output is the input's own bytes with the member spliced in before the
/// closing `}` (trailing whitespace after it is kept).
package enum Splicer {
    /// Appends the spliced line (without line terminator) to `out`; `writeAnnotation` writes the
    /// annotation value straight into `out` (no buffer of its own).
    /// - Parameters:
    ///   - line: the object's bytes; the last non-whitespace byte must be `}`.
    ///   - isEmptyObject: true for `{}`, which needs no comma.
    package static func splice(
        line: UnsafeBufferPointer<UInt8>, isEmptyObject: Bool, key: [UInt8], into out: inout [UInt8],
        writeAnnotation: (inout [UInt8]) -> Void
    ) {
        var close = line.count - 1
        while close > 0, isJSONWhitespace(line[close]) { close -= 1 }
        assert(line[close] == UInt8(ascii: "}"), "a validated object line ends with }")
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[0..<close]))
        if !isEmptyObject { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: key)
        out.append(UInt8(ascii: ":"))
        writeAnnotation(&out)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[close...]))
    }

    static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
