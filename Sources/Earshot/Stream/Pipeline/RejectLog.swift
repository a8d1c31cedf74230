import Foundation

/// Records rejected lines: the `--rejects FILE` records and the first few reasons on stderr.
///
/// A record is one JSON line:
/// `{"line":12,"reason":"invalid-json","detail":"expected ',' or '}' at byte 40","raw":"{\"a\":"}`,
/// with `"raw_base64"` instead of `"raw"` when the bytes are not UTF-8.
package final class RejectLog {
    private let sink: OutputSink?
    private let printLimit: Int
    private var printed = 0
    private let diagnostics: (String) -> Void

    /// - Parameters:
    ///   - sink: where records go (nil: no rejects file).
    ///   - printLimit: how many reasons to print through `diagnostics`.
    package init(sink: OutputSink?, printLimit: Int, diagnostics: @escaping (String) -> Void) {
        self.sink = sink
        self.printLimit = printLimit
        self.diagnostics = diagnostics
    }

    /// Records one rejected line.
    package func record(lineNumber: Int, rejection: LineRejection, raw: UnsafeBufferPointer<UInt8>) throws {
        if printed < printLimit {
            printed += 1
            diagnostics("earshot: line \(lineNumber): \(rejection.reason.rawValue): \(rejection.detail)")
            if printed == printLimit { diagnostics("earshot: (further rejections are counted, not printed)") }
        }
        guard let sink else { return }
        var out: [UInt8] = []
        out.append(contentsOf: Array(#"{"line":"#.utf8))
        JSONText.appendInt(lineNumber, to: &out)
        out.append(contentsOf: Array(#","reason":"#.utf8))
        JSONText.appendString(rejection.reason.rawValue, to: &out)
        out.append(contentsOf: Array(#","detail":"#.utf8))
        JSONText.appendString(rejection.detail, to: &out)
        if UTF8Validation.isValid(raw) {
            out.append(contentsOf: Array(#","raw":"#.utf8))
            JSONText.appendString(String(decoding: raw, as: UTF8.self), to: &out)
        } else {
            out.append(contentsOf: Array(#","raw_base64":"#.utf8))
            JSONText.appendString(Data(raw).base64EncodedString(), to: &out)
        }
        out.append(contentsOf: Array("}\n".utf8))
        sink.buffer.append(contentsOf: out)
        try sink.flushIfFull()
    }

    /// Writes every pending record.
    package func flush() throws {
        try sink?.flush()
    }
}
