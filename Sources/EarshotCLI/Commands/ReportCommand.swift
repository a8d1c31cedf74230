import ArgumentParser
import Earshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `earshot report [FILES]`: aggregate annotated JSONL into a report with spikes.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarize annotated JSON Lines (earshot match output): issue types over time, spikes, response times.",
        discussion: """
            Reads FILES (or stdin) annotated by `earshot match` or `earshot tag`. The format defaults to \
            text on a terminal and json otherwise. Lines that are not annotated, are not JSON or have no \
            usable timestamp are skipped and counted on stderr. docs/report.md describes the JSON \
            document and the spike detector.
            """)

    @Option(help: "Output: text, json or html (default: text on a terminal, else json).")
    var format: String?

    @Option(help: "Bucket length: 5m, 15m, 1h, 1d, …")
    var bucket = "1h"

    @Option(help: "Spikes per issue_type or per rule.")
    var by = "issue_type"

    @Option(name: .customLong("time-field"), help: ArgumentHelp("Timestamp path, e.g. data.created_at.", valueName: "PATH"))
    var timeField: String?

    @Option(help: "The brand's support handle, for first-response times.")
    var handle = DefaultRulePack.defaultHandle

    @Option(help: "Name of the annotation member.")
    var key = "earshot"

    @Option(name: .customLong("min-count"), help: "Smallest bucket count that can be a spike.")
    var minCount = 10

    @Option(name: .customLong("z-threshold"), help: "Standard deviations above the baseline for a spike.")
    var zThreshold = 5.0

    @OptionGroup var input: InputOptions

    @Argument(help: ArgumentHelp("Annotated JSONL files; `-` or nothing means stdin.", valueName: "FILES"))
    var files: [String] = []

    func validate() throws {
        if let format, ReportFormat(rawValue: format) == nil { throw ValidationError("--format must be text, json or html.") }
        if BucketSize.parse(bucket) == nil { throw ValidationError("--bucket must look like 5m, 1h or 1d.") }
        if by != "issue_type" && by != "rule" { throw ValidationError("--by must be issue_type or rule.") }
        if minCount < 1 { throw ValidationError("--min-count must be at least 1.") }
    }

    func run() throws {
        var options = ReportOptions()
        options.mapping = try input.fieldMapping()
        options.annotationKey = key
        options.timePath = timeField.map { $0.split(separator: ".").map(String.init) }
        options.handle = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
        options.byRule = by == "rule"
        options.spikes.bucketSeconds = BucketSize.parse(bucket) ?? 3_600
        options.spikes.minimumCount = minCount
        options.spikes.zThreshold = zThreshold
        var builder = ReportBuilder(options: options)
        let threads = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var batch = ReportLines(byteCapacity: Self.batchBytes + (1 << 16))
        for path in files.isEmpty ? ["-"] : files {
            try readLines(path) { framed in
                switch framed {
                case .line(let bytes):
                    batch.append(bytes)
                    if batch.byteCount >= Self.batchBytes || batch.count == Self.batchLines {
                        builder.add(batch, threads: threads)
                        batch = ReportLines(byteCapacity: Self.batchBytes + (1 << 16))
                    }
                case .oversized:
                    builder.addOversizedLine()
                }
            }
        }
        builder.add(batch, threads: threads)
        let report = builder.finish()
        let chosen = format.flatMap(ReportFormat.init(rawValue:)) ?? (Terminal.standardOutput.isTerminal ? .text : .json)
        Terminal.standardOutput.write(chosen.render(report))
        let skipped = report.input.skipped.sorted { $0.key < $1.key }
        if !skipped.isEmpty || report.input.offsetTimestamps > 0 || report.input.lateForDetector > 0 {
            var notes = skipped.map { "\($0.value) \($0.key)" }
            if report.input.offsetTimestamps > 0 { notes.append("\(report.input.offsetTimestamps) timestamps with a UTC offset converted to UTC") }
            if report.input.lateForDetector > 0 { notes.append("\(report.input.lateForDetector) out-of-order mentions left out of spike detection") }
            Terminal.standardError.write("earshot report: \(report.input.lines) lines, \(report.input.mentions) mentions; skipped: \(notes.joined(separator: ", "))\n")
        }
        if report.input.mentions == 0, report.input.lines > 0 {
            Terminal.standardError.write("earshot report: no line was an annotated mention with a timestamp (is this `earshot match` output? --input, --key, --time-field)\n")
            throw ExitCode(2)
        }
    }

    /// A batch is handed to the builder at this many bytes or lines, whichever comes first.
    static let batchBytes = 4 << 20
    static let batchLines = 16_384

    /// Calls `body` with each framed line (or oversized line) of a file, `-` being stdin.
    private func readLines(_ path: String, _ body: (FramedLine) -> Void) throws {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            Terminal.standardError.write("earshot report: cannot open \(path): \(String(cString: strerror(errno)))\n")
            throw ExitCode(2)
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var reader = LineReader(fileDescriptor: descriptor, maxLineBytes: input.maxLineBytes)
        do {
            try reader.forEachLine(
                shouldStop: { false },
                onLine: { framed in
                    body(framed)
                    return true
                },
                onDrained: {})
        } catch {
            Terminal.standardError.write("earshot report: \(path): \(error)\n")
            throw ExitCode(2)
        }
    }
}
