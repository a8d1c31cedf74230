import Dispatch
import EarshotStream
import Synchronization

/// Builds an `earshot report` from annotated JSONL lines, one line at a time, in bounded memory.
///
/// ```swift
/// var builder = ReportBuilder(options: ReportOptions())
/// for line in lines { builder.add(line: Array(line.utf8)) }
/// let report = builder.finish()
/// print(ReportFormat.text.render(report))
/// ```
public struct ReportBuilder {
    let reader: ReportReader
    var aggregator: ReportAggregator

    /// A builder for these options.
    public init(options: ReportOptions) {
        reader = ReportReader(
            mapping: options.mapping, annotationKey: options.annotationKey, timePath: options.timePath,
            handle: options.handle)
        aggregator = ReportAggregator(configuration: options.spikes, byRule: options.byRule, handle: options.handle)
    }

    /// Adds one line (without its `\n`); blank lines are ignored, bad ones counted as skipped.
    public mutating func add(line: [UInt8]) {
        guard !ReportBuilder.isBlank(line) else { return }
        aggregate(reader.read(line))
    }

    /// Adds lines in order, reading (parsing) them on `threads` cores; the aggregation stays in
    /// input order, so the result equals adding them one by one.
    public mutating func add(lines: [[UInt8]], threads: Int) {
        let kept = lines.filter { !ReportBuilder.isBlank($0) }
        guard threads > 1, kept.count > 64 else {
            for line in kept { aggregate(reader.read(line)) }
            return
        }
        let chunks = min(kept.count, threads * 4)
        let size = (kept.count + chunks - 1) / chunks
        let results = Mutex<[Int: [Result<(ReportRecord, hadOffset: Bool), SkipReason>]]>([:])
        let reader = self.reader
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(kept.count, chunk * size)..<min(kept.count, (chunk + 1) * size)
            let local = reader.copyForWorker()
            let read = kept[range].map(local.read)
            results.withLock { $0[chunk] = read }
        }
        let ordered = results.withLock { all in (0..<chunks).flatMap { all[$0] ?? [] } }
        for result in ordered { aggregate(result) }
    }

    private mutating func aggregate(_ result: Result<(ReportRecord, hadOffset: Bool), SkipReason>) {
        switch result {
        case .success(let (record, hadOffset)): aggregator.add(record, hadOffset: hadOffset)
        case .failure(let reason): aggregator.skip(reason)
        }
    }

    static func isBlank(_ line: [UInt8]) -> Bool {
        !line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
    }

    /// Counts a line that was too long to read (it is skipped, not lost silently).
    public mutating func addOversizedLine() { aggregator.skip(.lineTooLong) }

    /// The report.
    public mutating func finish() -> ReportDocument { aggregator.finish() }
}

/// What `earshot report` reads and how it buckets and detects.
public struct ReportOptions: Sendable {
    /// The input preset the annotated lines were read with (`--input`).
    public var mapping = FieldMapping()
    /// The annotation member (`--key`).
    public var annotationKey = "earshot"
    /// `--time-field PATH`, overriding the preset's `created_at`.
    public var timePath: [String]?
    /// The brand's handle, for first-response times (`--handle`).
    public var handle = "SpotifyCares"
    /// Spikes per rule instead of per issue type (`--by rule`).
    public var byRule = false
    /// Buckets and thresholds.
    public var spikes = SpikeConfiguration()

    /// The defaults: generic preset, `earshot` key, 1-hour buckets, per issue type.
    public init() {}
}

/// Output formats of `earshot report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A terminal summary.
    case text
    /// One JSON document.
    case json
    /// One self-contained HTML page.
    case html

    /// Renders a report.
    public func render(_ report: ReportDocument) -> String {
        switch self {
        case .text: TextReport.render(report)
        case .json: JSONReport.render(report)
        case .html: HTMLReport.render(report)
        }
    }
}

extension BucketSize {
    /// Public parsing of `5m`, `1h`, `1d` for the CLI.
    public static func parse(_ text: String) -> Int64? { seconds(text) }
}
