import Earshot

/// The progress line of stream.md: bytes read, percent, mentions/s and matched, redrawn in place
/// on stderr (the pipeline calls it at most 10 times a second). Only used when stderr is a
/// terminal and every input is a regular file.
enum ProgressLine {
    /// Whether a progress line may be shown for these inputs.
    static func isWanted(files: [String], quiet: Bool) -> Bool {
        !quiet && !files.isEmpty && !files.contains("-") && Terminal.standardError.isTerminal
    }

    /// Draws (or, when final, erases) the line.
    static func draw(_ progress: RunProgress) {
        guard !progress.isFinal else {
            Terminal.standardError.write("\r\u{1B}[K")
            return
        }
        var text = "earshot: " + megabytes(progress.bytesRead)
        if let total = progress.totalBytes, total > 0 {
            let percent = min(100, Int((Double(progress.bytesRead) / Double(total) * 100).rounded(.down)))
            text += " of \(megabytes(total)) (\(percent)%)"
        }
        let rate = progress.elapsedSeconds > 0 ? Double(progress.lines) / progress.elapsedSeconds : 0
        text += ", \(Int(rate.rounded())) mentions/s, \(progress.matched) matched"
        Terminal.standardError.write("\r\u{1B}[K" + text)
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = Int((Double(bytes) / 1_000_000 * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
