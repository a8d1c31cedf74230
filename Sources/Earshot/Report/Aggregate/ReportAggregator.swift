/// Builds a ``ReportDocument`` from records in stream order, with memory bounded by the number of
/// buckets (not of mentions): per-bucket counts, the spike detector's per-key state, the current
/// bucket's terms and examples per key, and at most `conversationLimit` conversations for
/// response times.
package struct ReportAggregator {
    /// What is kept of one key's current bucket.
    struct CurrentBucket {
        var bucket: Int64
        var count = 0
        /// Texts of the bucket's first mentions (terms are counted only if it becomes a spike).
        var texts: [String] = []
        var examples: [ReportDocument.Example] = []
        /// The spike this bucket became, as an index into `spikes`.
        var spike: Int?
        var deviation = 1.0
    }

    package let configuration: SpikeConfiguration
    package let byRule: Bool
    package let handle: String
    package let conversationLimit: Int
    var detector: SpikeDetector
    var input = ReportDocument.Input()
    var buckets: [Int64: ReportDocument.Counts] = [:]
    var spikes: [ReportDocument.Spike] = []
    /// Terms and examples of each key's current bucket (frozen into a spike when it alerts).
    var current: [String: CurrentBucket] = [:]
    /// First customer post and first response per conversation.
    var conversations: [MentionID: ConversationTimes] = [:]
    var untrackedConversations = 0
    var first: Int64?
    var last: Int64?

    package init(configuration: SpikeConfiguration, byRule: Bool, handle: String, conversationLimit: Int = 200_000) {
        self.configuration = configuration
        self.byRule = byRule
        self.handle = handle
        self.conversationLimit = conversationLimit
        self.detector = SpikeDetector(configuration: configuration)
    }

    package mutating func skip(_ reason: SkipReason) {
        input.lines += 1
        input.skipped[reason.rawValue, default: 0] += 1
    }

    package mutating func add(_ record: ReportRecord, hadOffset: Bool) {
        input.lines += 1
        input.mentions += 1
        if hadOffset { input.offsetTimestamps += 1 }
        first = min(first ?? record.time, record.time)
        last = max(last ?? record.time, record.time)
        let bucket = bucketStart(record.time)
        // A static call: a method on `self` would copy `self` (and so the whole bucket table,
        // copy-on-write) while one of its members is being modified.
        Self.count(record, into: &buckets[bucket, default: ReportDocument.Counts()])
        trackResponse(record)
        guard record.matched else { return }
        let keys = byRule ? record.rules : [record.issueType ?? "none"].filter { $0 != "none" }
        for key in keys { detect(record, key: key, bucket: bucket) }
    }

    private func bucketStart(_ time: Int64) -> Int64 {
        let size = max(1, configuration.bucketSeconds)
        return time >= 0 ? time / size * size : (time - size + 1) / size * size
    }

    private static func count(_ record: ReportRecord, into counts: inout ReportDocument.Counts) {
        counts.mentions += 1
        guard record.matched else { return }
        counts.matched += 1
        if record.needsResponse == true { counts.needsResponse += 1 }
        if let issue = record.issueType { counts.issueTypes[issue, default: 0] += 1 }
        if let sentiment = record.sentiment { counts.sentiment[sentiment, default: 0] += 1 }
        if let kind = record.kind { counts.kinds[kind, default: 0] += 1 }
        for rule in record.rules { counts.rules[rule, default: 0] += 1 }
    }

    private mutating func detect(_ record: ReportRecord, key: String, bucket: Int64) {
        let alert = detector.observe(key: key, time: record.time, lazyID: { record.id?.text })
        // Taken out of the table while it changes, so its arrays are not copied on write.
        var state = current.removeValue(forKey: key) ?? CurrentBucket(bucket: bucket)
        defer { current[key] = state }
        if bucket < state.bucket { return }  // late: counted in the series, not in spikes
        if bucket > state.bucket {
            finishTerms(of: state)
            state = CurrentBucket(bucket: bucket)
        }
        state.count += 1
        if state.texts.count < ReportAggregator.termSample { state.texts.append(record.text) }
        if state.examples.count < 10 { state.examples.append(.init(id: record.id?.text, url: record.link?.text, text: record.text)) }
        if let alert {
            state.spike = spikes.count
            state.deviation = alert.baselineDeviation
            spikes.append(
                ReportDocument.Spike(
                    by: byRule ? "rule" : "issue_type", key: key, bucketStart: Timestamp.format(alert.bucketStart),
                    count: alert.count, baseline: alert.baseline, zScore: alert.zScore, exampleIDs: alert.exampleIDs,
                    topTerms: [], mentions: []))
        }
        if let index = state.spike {  // the spike reports its whole bucket
            spikes[index].count = state.count
            spikes[index].zScore = (Double(state.count) - spikes[index].baseline) / state.deviation
            spikes[index].mentions = state.examples
        }
    }

    /// Mentions per bucket whose words are counted for a spike's top terms.
    static let termSample = 500

    /// The top terms of a bucket that became a spike.
    private mutating func finishTerms(of state: CurrentBucket) {
        guard let index = state.spike else { return }
        var counts: [String: Int] = [:]
        for text in state.texts {
            for term in SpikeTerms.terms(of: text) { counts[term, default: 0] += 1 }
        }
        spikes[index].topTerms = SpikeTerms.top(counts, limit: 8)
    }

    /// Final top terms of spikes still open at the end.
    private mutating func closeSpikes() {
        for state in current.values { finishTerms(of: state) }
    }

    /// The times that make a conversation's first response.
    struct ConversationTimes {
        var customer: Int64?
        var response: Int64?

        /// Counts one post of the conversation.
        mutating func add(time: Int64, byHandle: Bool) {
            if byHandle {
                if let customer, time >= customer, response == nil { response = time }
            } else if time < (customer ?? Int64.max) {
                customer = time
            }
        }
    }

    private mutating func trackResponse(_ record: ReportRecord) {
        guard let conversation = record.conversationID else { return }
        // One hash lookup for a known conversation: its entry is changed in place.
        if let index = conversations.index(forKey: conversation) {
            conversations.values[index].add(time: record.time, byHandle: record.byHandle)
            return
        }
        guard conversations.count < conversationLimit else {
            untrackedConversations += 1
            return
        }
        var entry = ConversationTimes()
        entry.add(time: record.time, byHandle: record.byHandle)
        conversations[conversation] = entry
    }

    package mutating func finish() -> ReportDocument {
        closeSpikes()
        var document = ReportDocument(bucketSeconds: configuration.bucketSeconds, handle: handle)
        document.input = input
        document.input.lateForDetector = detector.lateMentions
        document.totals = buckets.values.reduce(into: ReportDocument.Counts()) { total, counts in
            total.mentions += counts.mentions
            total.matched += counts.matched
            total.needsResponse += counts.needsResponse
            total.issueTypes.merge(counts.issueTypes, uniquingKeysWith: +)
            total.sentiment.merge(counts.sentiment, uniquingKeysWith: +)
            total.kinds.merge(counts.kinds, uniquingKeysWith: +)
            total.rules.merge(counts.rules, uniquingKeysWith: +)
        }
        document.start = first.map(Timestamp.format)
        document.end = last.map(Timestamp.format)
        document.series = fullSeries()
        document.spikes = spikes
        document.responseTimes = responseTimes()
        return document
    }

    /// Every bucket from the first to the last, empty ones included (at most 100,000).
    private func fullSeries() -> [ReportDocument.Bucket] {
        guard let low = buckets.keys.min(), let high = buckets.keys.max() else { return [] }
        let size = max(1, configuration.bucketSeconds)
        if (high - low) / size > 100_000 {
            return buckets.keys.sorted().map { .init(start: Timestamp.format($0), counts: buckets[$0] ?? .init()) }
        }
        return stride(from: low, through: high, by: Int(size)).map {
            .init(start: Timestamp.format($0), counts: buckets[$0] ?? .init())
        }
    }

    private func responseTimes() -> ReportDocument.ResponseTimes {
        var result = ReportDocument.ResponseTimes()
        let customers = conversations.values.filter { $0.customer != nil }
        result.conversations = customers.count
        result.untracked = untrackedConversations
        let delays = customers.compactMap { entry -> Double? in
            guard let customer = entry.customer, let response = entry.response else { return nil }
            return Double(response - customer)
        }.sorted()
        result.answered = delays.count
        guard !delays.isEmpty else { return result }
        result.medianSeconds = Self.quantile(delays, 0.5)
        result.p90Seconds = Self.quantile(delays, 0.9)
        result.withinSocialGoal = Double(delays.filter { $0 <= 5_400 }.count) / Double(delays.count)
        result.withinFiveHours = Double(delays.filter { $0 <= 18_000 }.count) / Double(delays.count)
        let bounds = [15, 30, 60, 90, 180, 300, 720]
        var lower = 0.0
        for bound in bounds {
            let upper = Double(bound * 60)
            result.histogram.append(.init(upToMinutes: bound, count: delays.filter { $0 > lower && $0 <= upper || (lower == 0 && $0 == 0) }.count))
            lower = upper
        }
        result.histogram.append(.init(upToMinutes: nil, count: delays.filter { $0 > lower }.count))
        return result
    }

    /// Linear-interpolated quantile of sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
