import Foundation

/// How spikes are found (docs/report.md "Spike detection").
public struct SpikeConfiguration: Sendable, Hashable {
    /// Bucket length in seconds (`--bucket`).
    public var bucketSeconds: Int64 = 3_600
    /// A bucket with fewer mentions is never a spike (so 1 → 3 is not an alert).
    public var minimumCount = 10
    /// How many baseline standard deviations above the baseline mean a bucket must be.
    public var zThreshold = 5.0
    /// And how unlikely the count must be under the baseline: P(X ≥ count) for a Poisson X
    /// whose mean is the baseline mean (or its variance, when that is larger).
    public var maximumPValue = 1e-6
    /// And at least this many times the baseline mean.
    public var minimumRatio = 2.5
    /// Buckets of history a key needs before it can alert.
    public var warmupBuckets = 3
    /// Weight of the newest bucket in the moving mean and variance.
    public var smoothing = 0.3
    /// Mention ids kept per alert.
    public var exampleCount = 3

    /// The defaults.
    public init() {}
}

/// One spike: a bucket whose count for a key (an issue type, or a rule with `--by rule`) is far
/// above that key's baseline.
public struct SpikeAlert: Sendable, Hashable, Codable {
    /// The issue type or rule id.
    public var key: String
    /// Start of the bucket (Unix seconds).
    public var bucketStart: Int64
    /// Mentions of the key in the bucket when the alert fired (live) or in the whole bucket (report).
    public var count: Int
    /// The baseline mean before this bucket.
    public var baseline: Double
    /// The baseline standard deviation used for the z-score (at least √mean and 1).
    public var baselineDeviation: Double
    /// (count − baseline) / baseline standard deviation.
    public var zScore: Double
    /// The first mention ids of the bucket.
    public var exampleIDs: [String]
}

/// Finds spikes incrementally, one mention at a time in stream order, so `earshot match --alerts`
/// can raise an alert the moment a bucket crosses the threshold; `earshot report` runs the same
/// detector over the file, so both find the same spikes.
///
/// Per key, an exponentially weighted moving mean m and variance v of past bucket counts form the
/// baseline (buckets with no mention count as 0). The current bucket is a spike when its count c
/// satisfies c ≥ minimumCount, c ≥ minimumRatio·m, (c − m)/√max(v, m, 1) ≥ zThreshold, and a
/// Poisson tail test: P(X ≥ c) ≤ maximumPValue for X ~ Poisson(max(m, v, 1)) (small counts are
/// skewed, so the z-score alone would flag ordinary busy hours of a quiet key). A
/// bucket alerts at most once. When a spike bucket closes it enters the baseline capped at
/// m + zThreshold·σ, so one spike does not hide the next. A mention older than its key's current
/// bucket (out of order) is counted by the report but ignored by the detector.
///
/// ```swift
/// var detector = SpikeDetector()
/// if let alert = detector.observe(key: "playback", time: 1_795_269_780, id: "42") { print(alert) }
/// ```
public struct SpikeDetector: Sendable {
    struct KeyState: Sendable {
        var mean = 0.0
        var variance = 0.0
        var closedBuckets = 0
        var bucket: Int64
        var count = 0
        var alerted = false
        var examples: [String] = []
    }

    /// The settings.
    public let configuration: SpikeConfiguration
    var states: [String: KeyState] = [:]
    /// The first bucket of the stream: keys first seen later start with that many empty buckets.
    var firstBucket: Int64?
    /// Mentions that arrived after their key's bucket had closed.
    public private(set) var lateMentions = 0

    /// A detector with these settings.
    public init(configuration: SpikeConfiguration = SpikeConfiguration()) {
        self.configuration = configuration
    }

    /// Counts one mention of `key` at `time` (Unix seconds); returns an alert when this mention
    /// makes its bucket a spike.
    public mutating func observe(key: String, time: Int64, id: String?) -> SpikeAlert? {
        observe(key: key, time: time, lazyID: { id })
    }

    /// ``observe(key:time:id:)`` that makes the id only when it is kept as an example.
    package mutating func observe(key: String, time: Int64, lazyID: () -> String?) -> SpikeAlert? {
        let size = max(1, configuration.bucketSeconds)
        let bucket = time >= 0 ? time / size * size : (time - size + 1) / size * size
        if firstBucket == nil { firstBucket = bucket }
        // Taken out of the table while it changes, so its arrays are not copied on write.
        var state = states.removeValue(forKey: key) ?? newState(at: bucket, size: size)
        if bucket > state.bucket {
            close(&state, until: bucket, size: size)
        } else if bucket < state.bucket {
            lateMentions += 1
            states[key] = state
            return nil
        }
        state.count += 1
        if state.examples.count < configuration.exampleCount, let id = lazyID() { state.examples.append(id) }
        var alert: SpikeAlert?
        if !state.alerted, let z = spikeScore(state) {
            state.alerted = true
            alert = SpikeAlert(
                key: key, bucketStart: state.bucket, count: state.count, baseline: state.mean,
                baselineDeviation: max(state.variance, state.mean, 1).squareRoot(), zScore: z, exampleIDs: state.examples)
        }
        states[key] = state
        return alert
    }

    /// The z-score when the current bucket of `state` is a spike, else `nil`.
    func spikeScore(_ state: KeyState) -> Double? {
        guard state.closedBuckets >= configuration.warmupBuckets else { return nil }
        let count = Double(state.count)
        guard state.count >= configuration.minimumCount, count >= configuration.minimumRatio * state.mean else { return nil }
        let z = (count - state.mean) / max(state.variance, state.mean, 1).squareRoot()
        guard z >= configuration.zThreshold else { return nil }
        let rate = max(state.mean, state.variance, 1)
        return PoissonTail.probability(atLeast: state.count, mean: rate) <= configuration.maximumPValue ? z : nil
    }

    private func newState(at bucket: Int64, size: Int64) -> KeyState {
        var state = KeyState(bucket: bucket)
        if let first = firstBucket, bucket > first {
            state.closedBuckets = Int(min(Int64(Int32.max), (bucket - first) / size))
        }
        return state
    }

    /// Folds the current bucket (and the empty ones up to `next`) into the baseline.
    private func close(_ state: inout KeyState, until next: Int64, size: Int64) {
        var value = Double(state.count)
        if state.alerted {
            value = min(value, state.mean + configuration.zThreshold * max(state.variance, state.mean, 1).squareRoot())
        }
        update(&state, with: value)
        let empty = min((next - state.bucket) / size - 1, 1_000)
        if empty > 0 { for _ in 0..<empty { update(&state, with: 0) } }
        state.bucket = next
        state.count = 0
        state.alerted = false
        state.examples.removeAll(keepingCapacity: true)
    }

    private func update(_ state: inout KeyState, with value: Double) {
        let alpha = configuration.smoothing
        if state.closedBuckets == 0 && state.mean == 0 && state.variance == 0 {
            state.mean = value
        } else {
            let difference = value - state.mean
            state.mean += alpha * difference
            state.variance = (1 - alpha) * (state.variance + alpha * difference * difference)
        }
        state.closedBuckets += 1
    }
}

/// The upper tail of a Poisson distribution.
enum PoissonTail {
    /// P(X ≥ k) for X ~ Poisson(mean), summed in log space (accurate far into the tail).
    static func probability(atLeast k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        var total = 0.0
        var term = Double(k) * log(mean) - mean - lgamma(Double(k) + 1)
        var i = k
        while i < k + 1_000 {
            let value = exp(term)
            total += value
            if value < total * 1e-12 { break }
            i += 1
            term += log(mean) - log(Double(i))
        }
        return min(1, total)
    }
}
