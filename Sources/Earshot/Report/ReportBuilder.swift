import EarshotStream

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
    /// The batch being read in the background; the next `add` or `finish` aggregates it.
    var pending: BatchRead?

    /// A builder for these options.
    public init(options: ReportOptions) {
        reader = ReportReader(
            mapping: options.mapping, annotationKey: options.annotationKey, timePath: options.timePath,
            handle: options.handle)
        aggregator = ReportAggregator(configuration: options.spikes, byRule: options.byRule, handle: options.handle)
    }

    /// Adds one line (without its `\n`); blank lines are ignored, bad ones counted as skipped.
    public mutating func add(line: [UInt8]) {
        aggregatePending()
        guard !ReportBuilder.isBlank(line) else { return }
        aggregate(reader.read(line))
    }

    /// Adds lines in order, reading (parsing) them on `threads` cores; the aggregation stays in
    /// input order, so the result equals adding them one by one.
    public mutating func add(lines: [[UInt8]], threads: Int) {
        var batch = ReportLines()
        for line in lines { batch.append(line) }
        add(batch, threads: threads)
        aggregatePending()
    }

    /// Adds a batch of lines in order. With more than one thread the batch is read in the
    /// background while the previous batch is aggregated (so the reading of one batch overlaps
    /// the counting of the other); the result equals adding the lines one by one.
    public mutating func add(_ lines: ReportLines, threads: Int) {
        let batch = BatchRead(lines: lines, reader: reader, threads: threads)
        if threads > 1 { batch.start(threads: threads) }
        aggregatePending()
        pending = batch
    }

    /// Aggregates the batch read in the background, if any.
    private mutating func aggregatePending() {
        guard let batch = pending else { return }
        pending = nil
        batch.finish { aggregate($0) }
    }

    private mutating func aggregate(_ result: Result<(ReportRecord, hadOffset: Bool), SkipReason>) {
        switch result {
        case .success(let (record, hadOffset)): aggregator.add(record, hadOffset: hadOffset)
        case .failure(let reason): aggregator.skip(reason)
        }
    }

    static func isBlank(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { isBlank($0) }
    }

    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        !line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
    }

    /// Counts a line that was too long to read (it is skipped, not lost silently).
    public mutating func addOversizedLine() { aggregator.skip(.lineTooLong) }

    /// The report.
    public mutating func finish() -> ReportDocument {
        aggregatePending()
        return aggregator.finish()
    }
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
