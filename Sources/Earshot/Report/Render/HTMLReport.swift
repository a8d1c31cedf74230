/// `--format html`: one self-contained page (inline CSS and SVG, no scripts, no fonts or images
/// from the network). Each chart carries its totals in `data-` attributes and `<title>` elements,
/// so a browser test (and a screen reader) can check what it shows.
package enum HTMLReport {
    static let issueColors: [String: String] = [
        "outage": "#d62728", "billing": "#ff7f0e", "account_login": "#9467bd", "offline_download": "#8c564b",
        "device_connect": "#17becf", "app_crash_bug": "#e377c2", "content_availability": "#bcbd22",
        "playback": "#1f77b4", "feature_request": "#2ca02c", "usability_howto": "#7f7f7f",
        "recommendations_discovery": "#aec7e8", "none": "#dddddd",
    ]
    static let sentimentColors = ["negative": "#d62728", "neutral": "#c7c7c7", "positive": "#2ca02c"]

    package static func render(_ report: ReportDocument) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Earshot report \(escape(report.start ?? "")) – \(escape(report.end ?? ""))</title>
            <style>
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1000px}
            h1{font-size:20px}h2{font-size:16px;margin-top:28px}
            .kpis{display:flex;gap:16px;flex-wrap:wrap}.kpi{background:#f4f6f8;border-radius:6px;padding:8px 14px}
            .kpi b{display:block;font-size:20px}svg{background:#fff;border:1px solid #e5e5e5}
            .legend span{display:inline-block;margin-right:12px;font-size:12px}
            .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
            table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
            .muted{color:#777}
            </style></head><body>
            <h1>Earshot report</h1>
            <p class="muted">\(escape(report.start ?? "-")) to \(escape(report.end ?? "-")) · buckets of \(BucketSize.label(report.bucketSeconds)) · support handle @\(escape(report.handle))</p>

            """
        html += kpis(report)
        html += "<h2>Mentions per issue type</h2>\n" + issueChart(report) + legend(issues(report), issueColors)
        html += "<h2>Sentiment share over time</h2>\n" + sentimentChart(report) + legend(["negative", "neutral", "positive"], sentimentColors)
        html += "<h2>Top rules</h2>\n" + barList(id: "rules-chart", report.totals.rules, limit: 12)
        html += "<h2>Time to first response</h2>\n" + responseChart(report)
        html += "<h2>Spikes</h2>\n" + spikeTable(report)
        html += "</body></html>\n"
        return html
    }

    static func kpis(_ report: ReportDocument) -> String {
        let totals = report.totals
        let negative = totals.sentiment["negative"] ?? 0
        let items = [
            ("kpi-mentions", "mentions", "\(totals.mentions)"), ("kpi-matched", "matched", "\(totals.matched)"),
            ("kpi-needs-response", "need a response", "\(totals.needsResponse)"),
            ("kpi-negative", "negative", totals.matched == 0 ? "-" : "\(Int((Double(negative) / Double(totals.matched) * 100).rounded()))%"),
            ("kpi-spikes", "spikes", "\(report.spikes.count)"),
        ]
        return "<div class=\"kpis\">" + items.map { "<div class=\"kpi\" id=\"\($0.0)\"><b>\($0.2)</b>\($0.1)</div>" }.joined() + "</div>\n"
    }

    static func issues(_ report: ReportDocument) -> [String] {
        report.totals.issueTypes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// Stacked bars of issue types per bucket, a red triangle over each spike bucket.
    static func issueChart(_ report: ReportDocument) -> String {
        let width = 960.0, height = 240.0, top = 16.0
        let order = issues(report)
        let series = report.series
        let maxTotal = max(1, series.map { $0.counts.issueTypes.values.reduce(0, +) }.max() ?? 1)
        let barWidth = width / Double(max(series.count, 1))
        let total = report.totals.issueTypes.values.reduce(0, +)
        var svg = "<svg id=\"issue-chart\" role=\"img\" width=\"\(Int(width))\" height=\"\(Int(height + top))\" viewBox=\"0 0 \(Int(width)) \(Int(height + top))\" data-total=\"\(total)\" data-buckets=\"\(series.count)\" data-spikes=\"\(report.spikes.count)\"><title>\(total) tagged mentions by issue type in \(series.count) buckets</title>\n"
        for (index, bucket) in series.enumerated() {
            var y = height + top
            for issue in order {
                guard let count = bucket.counts.issueTypes[issue], count > 0 else { continue }
                let h = Double(count) / Double(maxTotal) * height
                y -= h
                svg += "<rect x=\"\(fmt(Double(index) * barWidth))\" y=\"\(fmt(y))\" width=\"\(fmt(max(barWidth - 0.5, 0.5)))\" height=\"\(fmt(h))\" fill=\"\(issueColors[issue] ?? "#999")\" data-issue=\"\(escape(issue))\" data-count=\"\(count)\"><title>\(escape(bucket.start)) \(escape(issue)): \(count)</title></rect>"
            }
        }
        let starts = Dictionary(series.enumerated().map { ($1.start, $0) }, uniquingKeysWith: { first, _ in first })
        for spike in report.spikes {
            guard let index = starts[spike.bucketStart] else { continue }
            let x = Double(index) * barWidth + barWidth / 2
            svg += "<g class=\"spike\" data-key=\"\(escape(spike.key))\" data-bucket=\"\(escape(spike.bucketStart))\" data-count=\"\(spike.count)\"><polygon points=\"\(fmt(x - 6)),2 \(fmt(x + 6)),2 \(fmt(x)),14\" fill=\"#d62728\"/><title>spike: \(escape(spike.key)) \(spike.count) at \(escape(spike.bucketStart))</title></g>"
        }
        return svg + "</svg>\n"
    }

    /// 100% stacked bars of sentiment labels per bucket.
    static func sentimentChart(_ report: ReportDocument) -> String {
        let width = 960.0, height = 120.0
        let series = report.series
        let barWidth = width / Double(max(series.count, 1))
        let total = report.totals.sentiment.values.reduce(0, +)
        var svg = "<svg id=\"sentiment-chart\" role=\"img\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" data-total=\"\(total)\" data-negative=\"\(report.totals.sentiment["negative"] ?? 0)\"><title>sentiment of \(total) tagged mentions</title>\n"
        for (index, bucket) in series.enumerated() {
            let bucketTotal = bucket.counts.sentiment.values.reduce(0, +)
            guard bucketTotal > 0 else { continue }
            var y = 0.0
            for label in ["negative", "neutral", "positive"] {
                guard let count = bucket.counts.sentiment[label], count > 0 else { continue }
                let h = Double(count) / Double(bucketTotal) * height
                svg += "<rect x=\"\(fmt(Double(index) * barWidth))\" y=\"\(fmt(y))\" width=\"\(fmt(max(barWidth - 0.5, 0.5)))\" height=\"\(fmt(h))\" fill=\"\(sentimentColors[label] ?? "#999")\" data-sentiment=\"\(label)\" data-count=\"\(count)\"><title>\(escape(bucket.start)) \(label): \(count)</title></rect>"
                y += h
            }
        }
        return svg + "</svg>\n"
    }

    /// Horizontal bars, largest first.
    static func barList(id: String, _ counts: [String: Int], limit: Int) -> String {
        let rows = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit)
        let height = 22 * max(rows.count, 1)
        let maxCount = max(1, rows.first?.value ?? 1)
        var svg = "<svg id=\"\(id)\" role=\"img\" width=\"960\" height=\"\(height)\" viewBox=\"0 0 960 \(height)\" data-total=\"\(counts.values.reduce(0, +))\" data-rows=\"\(rows.count)\"><title>top rules</title>\n"
        for (index, row) in rows.enumerated() {
            let w = Double(row.value) / Double(maxCount) * 640
            let y = index * 22
            svg += "<text x=\"4\" y=\"\(y + 15)\" font-size=\"12\">\(escape(row.key))</text><rect x=\"240\" y=\"\(y + 3)\" width=\"\(fmt(max(w, 1)))\" height=\"16\" fill=\"#1f77b4\" data-rule=\"\(escape(row.key))\" data-count=\"\(row.value)\"><title>\(escape(row.key)): \(row.value)</title></rect><text x=\"\(fmt(246 + w))\" y=\"\(y + 15)\" font-size=\"12\">\(row.value)</text>"
        }
        return svg + "</svg>\n"
    }

    static func responseChart(_ report: ReportDocument) -> String {
        let response = report.responseTimes
        guard response.answered > 0, let median = response.medianSeconds, let p90 = response.p90Seconds else {
            return "<p id=\"response-summary\" data-answered=\"0\">No conversation in the input was answered by @\(escape(report.handle)).</p>\n"
        }
        var html = "<p id=\"response-summary\" data-answered=\"\(response.answered)\" data-median-seconds=\"\(Int(median))\">\(response.answered) of \(response.conversations) conversations answered by @\(escape(report.handle)); median \(TextReport.duration(median)), p90 \(TextReport.duration(p90)); within 1.5 h (social goal) \(TextReport.percent(response.withinSocialGoal ?? 0)), within 5 h \(TextReport.percent(response.withinFiveHours ?? 0)).</p>\n"
        let maxCount = max(1, response.histogram.map(\.count).max() ?? 1)
        html += "<svg id=\"response-chart\" role=\"img\" width=\"960\" height=\"160\" viewBox=\"0 0 960 160\" data-total=\"\(response.histogram.map(\.count).reduce(0, +))\"><title>time to first response</title>\n"
        let barWidth = 960.0 / Double(response.histogram.count)
        for (index, bin) in response.histogram.enumerated() {
            let h = Double(bin.count) / Double(maxCount) * 120
            let label = bin.upToMinutes.map { "≤ \($0) min" } ?? "longer"
            svg(&html, index: index, barWidth: barWidth, height: h, label: label, count: bin.count)
        }
        return html + "</svg>\n"
    }

    private static func svg(_ html: inout String, index: Int, barWidth: Double, height: Double, label: String, count: Int) {
        let x = Double(index) * barWidth
        html += "<rect x=\"\(fmt(x + 4))\" y=\"\(fmt(130 - height))\" width=\"\(fmt(barWidth - 8))\" height=\"\(fmt(height))\" fill=\"#9467bd\" data-count=\"\(count)\"><title>\(escape(label)): \(count)</title></rect><text x=\"\(fmt(x + 6))\" y=\"150\" font-size=\"12\">\(escape(label)) (\(count))</text>"
    }

    static func spikeTable(_ report: ReportDocument) -> String {
        guard !report.spikes.isEmpty else { return "<p id=\"spike-table\" data-spikes=\"0\">No spikes.</p>\n" }
        var html = "<table id=\"spike-table\" data-spikes=\"\(report.spikes.count)\"><tr><th>bucket</th><th>\(report.spikes.first?.by == "rule" ? "rule" : "issue type")</th><th>count</th><th>baseline</th><th>z</th><th>top terms</th><th>mentions</th></tr>\n"
        for spike in report.spikes {
            let mentions = spike.mentions.map { mention -> String in
                let text = escape(String(mention.text.prefix(140)))
                guard let url = mention.url, url.hasPrefix("https://") || url.hasPrefix("http://") else { return "<div>\(text)</div>" }
                return "<div><a href=\"\(escape(url))\">\(text)</a></div>"
            }.joined()
            html += "<tr class=\"spike-row\" data-key=\"\(escape(spike.key))\" data-count=\"\(spike.count)\"><td>\(escape(spike.bucketStart))</td><td>\(escape(spike.key))</td><td>\(spike.count)</td><td>\(TextReport.decimal(spike.baseline))</td><td>\(TextReport.decimal(spike.zScore))</td><td>\(escape(spike.topTerms.joined(separator: ", ")))</td><td>\(mentions)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    static func legend(_ keys: [String], _ colors: [String: String]) -> String {
        "<div class=\"legend\">" + keys.map { "<span><i style=\"background:\(colors[$0] ?? "#999")\"></i>\(escape($0))</span>" }.joined() + "</div>\n"
    }

    static func fmt(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
