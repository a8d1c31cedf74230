import ArgumentParser
import Earshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `earshot match --alerts FILE`: the live spike detector (docs/report.md).
struct AlertOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write a JSON line here the moment a spike starts (stdout stays data only).", valueName: "FILE"))
    var alerts: String?

    @Option(name: .customLong("alert-bucket"), help: "Bucket length for live alerts: 5m, 15m, 1h, …")
    var alertBucket = "1h"

    @Option(name: .customLong("alert-by"), help: "Alert per issue_type or per rule.")
    var alertBy = "issue_type"

    func validate() throws {
        if BucketSize.parse(alertBucket) == nil { throw ValidationError("--alert-bucket must look like 5m, 1h or 1d.") }
        if alertBy != "issue_type" && alertBy != "rule" { throw ValidationError("--alert-by must be issue_type or rule.") }
    }

    /// The per-mention callback that feeds the detector, or `nil` without `--alerts`.
    func makeMonitor() throws -> ((ObservedMention) -> Void)? {
        guard let path = alerts else { return nil }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            Terminal.standardError.write("earshot: cannot open --alerts \(path): \(String(cString: strerror(errno)))\n")
            throw ExitCode(2)
        }
        var configuration = SpikeConfiguration()
        configuration.bucketSeconds = BucketSize.parse(alertBucket) ?? 3_600
        let monitor = AlertMonitor(
            detector: SpikeDetector(configuration: configuration), byRule: alertBy == "rule",
            writer: Terminal.Writer(fileDescriptor: descriptor))
        return monitor.observe
    }
}

/// Feeds each matched mention to the spike detector in stream order and writes alerts at once.
/// Time is the mention's `created_at`, or the arrival time when it has none.
final class AlertMonitor {
    private var detector: SpikeDetector
    private let byRule: Bool
    private let writer: Terminal.Writer

    init(detector: SpikeDetector, byRule: Bool, writer: Terminal.Writer) {
        self.detector = detector
        self.byRule = byRule
        self.writer = writer
    }

    func observe(_ observed: ObservedMention) {
        guard observed.matched else { return }
        let seconds = observed.mention.createdAt.flatMap(AlertMonitor.seconds) ?? Int64(time(nil))
        let keys: [String]
        if byRule {
            keys = observed.ruleIDs
        } else {
            guard let issue = observed.tags?.issue.issueType.rawValue, issue != "none" else { return }
            keys = [issue]
        }
        for key in keys {
            if let alert = detector.observe(key: key, time: seconds, id: observed.mention.id) {
                writer.write(
                    AlertLine.json(alert, by: byRule ? "rule" : "issue_type", bucketSeconds: detector.configuration.bucketSeconds)
                        + "\n")
            }
        }
    }

    static func seconds(_ text: String) -> Int64? { ReportTime.seconds(text) }
}
