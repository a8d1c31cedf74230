/// `--format text`: a terminal summary of a report.
package enum TextReport {
    package static func render(_ report: ReportDocument) -> String {
        var lines: [String] = []
        let totals = report.totals
        lines.append("earshot report: \(report.start ?? "-") … \(report.end ?? "-"), buckets of \(BucketSize.label(report.bucketSeconds))")
        lines.append("mentions \(totals.mentions), matched \(totals.matched), needs response \(totals.needsResponse)"
            + ", negative \(percent(totals.sentiment["negative"] ?? 0, of: totals.matched))")
        if !report.input.skipped.isEmpty {
            let skipped = report.input.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("skipped lines: \(skipped)")
        }
        lines.append("")
        lines.append("issue type                    mentions   share")
        for (issue, count) in totals.issueTypes.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append(pad(issue, 30) + pad("\(count)", 8, right: true) + pad(percent(count, of: totals.matched), 8, right: true))
        }
        lines.append("")
        lines.append("top rules")
        for (rule, count) in totals.rules.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(10) {
            lines.append("  " + pad(rule, 28) + pad("\(count)", 8, right: true))
        }
        lines.append("")
        if report.spikes.isEmpty {
            lines.append("spikes: none")
        } else {
            lines.append("spikes")
            for spike in report.spikes {
                lines.append("  \(spike.bucketStart)  \(pad(spike.key, 26)) \(spike.count) vs baseline \(decimal(spike.baseline))"
                    + " (z \(decimal(spike.zScore)))  \(spike.topTerms.prefix(5).joined(separator: ", "))")
            }
        }
        lines.append("")
        let response = report.responseTimes
        if let median = response.medianSeconds, let p90 = response.p90Seconds {
            lines.append("first response by @\(report.handle): \(response.answered) of \(response.conversations) conversations answered,"
                + " median \(duration(median)), p90 \(duration(p90)),"
                + " within 1.5 h \(percent(response.withinSocialGoal ?? 0)), within 5 h \(percent(response.withinFiveHours ?? 0))")
        } else {
            lines.append("first response by @\(report.handle): no answered conversations in the input")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "-" : percent(Double(part) / Double(whole))
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func decimal(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    static func duration(_ seconds: Double) -> String {
        seconds < 3_600 ? "\(Int((seconds / 60).rounded())) min" : "\(decimal(seconds / 3_600)) h"
    }
}

/// `--bucket 5m|1h|1d` and friends.
public enum BucketSize {
    /// Seconds of `5m`, `15m`, `1h`, `6h`, `1d` (any number with `m`, `h` or `d`), or `nil`.
    package static func seconds(_ text: String) -> Int64? {
        guard let unit = text.last, let number = Int64(text.dropLast()), number > 0 else { return nil }
        switch unit {
        case "m": return number * 60
        case "h": return number * 3_600
        case "d": return number * 86_400
        default: return nil
        }
    }

    package static func label(_ seconds: Int64) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
        return "\(seconds / 60)m"
    }
}
