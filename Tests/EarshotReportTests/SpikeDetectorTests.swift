import Testing

@testable import EarshotReport

/// The spike detector on hand-made streams (docs/report.md "Spike detection").
@Suite("Spike detector")
struct SpikeDetectorTests {
    let hour: Int64 = 3_600

    /// Feeds `counts[i]` mentions of `key` into hour `i`; returns the alerts with their hour index.
    func run(_ counts: [Int], key: String = "playback", configuration: SpikeConfiguration = SpikeConfiguration())
        -> [(hour: Int, alert: SpikeAlert)]
    {
        var detector = SpikeDetector(configuration: configuration)
        var alerts: [(Int, SpikeAlert)] = []
        for (index, count) in counts.enumerated() {
            for n in 0..<count {
                if let alert = detector.observe(key: key, time: Int64(index) * hour + Int64(n), id: "\(index)-\(n)") {
                    alerts.append((index, alert))
                }
            }
        }
        return alerts
    }

    @Test("a steady stream raises nothing")
    func steady() {
        #expect(run([8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 8, 10, 9, 8]).isEmpty)
    }

    @Test("a bucket far above the baseline alerts once, the moment it crosses, with three example ids")
    func spike() {
        let alerts = run([8, 9, 7, 8, 10, 8, 9, 60, 8, 9])
        #expect(alerts.count == 1)
        let first = alerts[0]
        #expect(first.hour == 7)
        #expect(first.alert.bucketStart == 7 * hour)
        #expect(first.alert.count < 60)  // live: raised before the bucket is complete
        #expect(first.alert.exampleIDs == ["7-0", "7-1", "7-2"])
        #expect(first.alert.baseline > 7 && first.alert.baseline < 10)
        #expect(first.alert.zScore >= 5)
    }

    @Test("a jump from 1 to 3 is not an alert (minimum count), nor a quiet key's busy hour")
    func smallCounts() {
        #expect(run([1, 0, 1, 1, 0, 1, 3, 1]).isEmpty)
        #expect(run([2, 3, 2, 4, 3, 2, 9, 3]).isEmpty)  // 9 < minimum count 10
        #expect(run([4, 5, 4, 5, 4, 5, 12, 4]).isEmpty)  // P(X ≥ 12 | 5) ≈ 0.005, not rare enough
    }

    @Test("no alert during warm-up; a key first seen late starts from the stream's first bucket")
    func warmupAndNewKeys() {
        #expect(run([50]).isEmpty)
        var detector = SpikeDetector()
        for n in 0..<5 { _ = detector.observe(key: "other", time: Int64(n) * hour, id: nil) }
        // "outage" first appears in hour 5 with 30 mentions: its baseline is 5 empty hours.
        var alert: SpikeAlert?
        for n in 0..<30 where alert == nil { alert = detector.observe(key: "outage", time: 5 * hour + Int64(n), id: nil) }
        #expect(alert?.key == "outage")
        #expect(alert?.count == 10)  // the minimum count is the first crossing
    }

    @Test("empty buckets lower the baseline; a spike does not hide the next one")
    func emptyBucketsAndRepeatedSpikes() {
        let alerts = run([8, 9, 8, 9, 8, 80, 9, 8, 80, 8])
        #expect(alerts.map(\.hour) == [5, 8])
    }

    @Test("mentions older than their key's current bucket are ignored and counted")
    func lateMentions() {
        var detector = SpikeDetector()
        _ = detector.observe(key: "k", time: 5 * hour, id: nil)
        _ = detector.observe(key: "k", time: 2 * hour, id: nil)
        #expect(detector.lateMentions == 1)
    }

    @Test("the Poisson tail matches values worked out by hand")
    func poissonTail() {
        // P(X ≥ 1 | λ = 1) = 1 − e^−1
        #expect(abs(PoissonTail.probability(atLeast: 1, mean: 1) - (1 - 0.36787944117)) < 1e-9)
        // P(X ≥ 3 | λ = 2) = 1 − e^−2 (1 + 2 + 2) = 1 − 5e^−2
        #expect(abs(PoissonTail.probability(atLeast: 3, mean: 2) - (1 - 5 * 0.13533528323)) < 1e-9)
        #expect(PoissonTail.probability(atLeast: 0, mean: 3) == 1)
    }

    @Test("alert lines are one JSON object with the documented members")
    func alertLine() {
        let alert = SpikeAlert(
            key: "play\"back", bucketStart: 1_795_269_600, count: 31, baseline: 9.84, baselineDeviation: 3.1,
            zScore: 6.249, exampleIDs: ["1", "2", "3"])
        #expect(
            AlertLine.json(alert, by: "issue_type", bucketSeconds: 3_600)
                == #"{"alert":"spike","by":"issue_type","key":"play\"back","bucket_start":"2026-11-21T14:00:00Z","bucket_seconds":3600,"count":31,"baseline":9.84,"z_score":6.25,"examples":["1","2","3"]}"#
        )
    }
}
