import EarshotRegex

/// Per-thread mutable state for matching: candidate de-duplication stamps, the reference memo,
/// a key buffer and the regex match data. Owned by one worker at a time; never shared.
///
/// `@unchecked Sendable` because ownership moves between threads (through ``ScratchPool``'s
/// lock, or a worker's `makeScratch()`), but it is only ever used by one thread at a time.
package final class MatcherScratch: @unchecked Sendable {
    /// Memo state of a rule on the current mention.
    package enum Memo: UInt8 { case unknown, yes, no }

    /// Stamp per rule: equal to `generation` when the rule is already a candidate.
    var stamps: [UInt32]
    var generation: UInt32 = 0
    /// Candidate rules of the current mention.
    var candidates: [Int32] = []
    /// Memoized rule results of the current mention; reset through `touched`.
    var memo: [Memo]
    var touched: [Int] = []
    /// Rules whose regex hit a limit on the current mention.
    var regexLimitHits: Set<Int> = []
    /// Reused buffer for presearch keys.
    var keyBuffer: [UInt8] = []
    /// PCRE2 match data and JIT stack.
    let regexScratch: RegexScratch

    package init(ruleCount: Int) {
        stamps = Array(repeating: 0, count: ruleCount)
        memo = Array(repeating: .unknown, count: ruleCount)
        regexScratch = RegexScratch()
        keyBuffer.reserveCapacity(256)
    }

    /// Starts a new mention: O(rules touched by the previous one), not O(all rules).
    func reset() {
        generation &+= 1
        if generation == 0 {
            for i in stamps.indices { stamps[i] = 0 }
            generation = 1
        }
        candidates.removeAll(keepingCapacity: true)
        for index in touched { memo[index] = .unknown }
        touched.removeAll(keepingCapacity: true)
        regexLimitHits.removeAll(keepingCapacity: true)
    }

    /// Adds a candidate once per mention.
    @inline(__always)
    func addCandidate(_ rule: Int32) {
        let index = Int(rule)
        if stamps[index] != generation {
            stamps[index] = generation
            candidates.append(rule)
        }
    }
}
