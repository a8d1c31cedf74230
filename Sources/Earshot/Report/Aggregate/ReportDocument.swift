/// The `earshot report` document (`--format json` writes it as is; docs/report.md describes it).
public struct ReportDocument: Sendable, Codable {
    /// What was read.
    public struct Input: Sendable, Codable {
        public var lines = 0
        public var mentions = 0
        public var skipped: [String: Int] = [:]
        /// Timestamps with a UTC offset, converted to UTC.
        public var offsetTimestamps = 0
        /// Mentions the spike detector saw after their bucket had closed (out of order).
        public var lateForDetector = 0
    }

    /// Counts over one bucket or the whole report.
    public struct Counts: Sendable, Codable {
        public var mentions = 0
        public var matched = 0
        public var needsResponse = 0
        public var issueTypes: [String: Int] = [:]
        public var sentiment: [String: Int] = [:]
        public var kinds: [String: Int] = [:]
        public var rules: [String: Int] = [:]
    }

    /// One time bucket.
    public struct Bucket: Sendable, Codable {
        public var start: String
        public var counts: Counts
    }

    /// A mention shown for a spike.
    public struct Example: Sendable, Codable {
        public var id: String?
        public var url: String?
        public var text: String
    }

    /// A detected spike.
    public struct Spike: Sendable, Codable {
        public var by: String
        public var key: String
        public var bucketStart: String
        public var count: Int
        public var baseline: Double
        public var zScore: Double
        public var exampleIDs: [String]
        public var topTerms: [String]
        public var mentions: [Example]
    }

    /// Time to first response per conversation.
    public struct ResponseTimes: Sendable, Codable {
        public var conversations = 0
        public var answered = 0
        public var medianSeconds: Double?
        public var p90Seconds: Double?
        /// Share answered within 1.5 h (the social goal) and within 5 h.
        public var withinSocialGoal: Double?
        public var withinFiveHours: Double?
        /// Upper bounds in minutes, with counts.
        public var histogram: [HistogramBin] = []
        /// Conversations not tracked because the tracking table was full.
        public var untracked = 0
    }

    /// One histogram bin.
    public struct HistogramBin: Sendable, Codable {
        public var upToMinutes: Int?
        public var count: Int
    }

    public var input = Input()
    public var bucketSeconds: Int64
    public var handle: String
    public var start: String?
    public var end: String?
    public var totals = Counts()
    public var series: [Bucket] = []
    public var spikes: [Spike] = []
    public var responseTimes = ResponseTimes()
}
