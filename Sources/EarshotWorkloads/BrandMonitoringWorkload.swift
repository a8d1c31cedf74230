/// Deterministic, realistic brand-monitoring workloads for benchmarks: many brands, each with a
/// hub rule (name, hashtags, handles) and spoke rules (issues, praise, competitors) that reuse
/// the hub through `rule:` references, plus a corpus of mentions in the generic JSONL shape.
///
/// ```swift
/// let workload = BrandMonitoringWorkload(seed: 42)
/// let yaml = workload.rulesYAML(count: 10_000)
/// let lines = workload.mentionLines(count: 1_000)
/// ```
public struct BrandMonitoringWorkload: Sendable {
    /// The seed everything derives from.
    public let seed: UInt64

    /// Creates a workload.
    public init(seed: UInt64 = 42) { self.seed = seed }

    static let syllables = [
        "zen", "tor", "qui", "lo", "vex", "ra", "mo", "nix", "bel", "ka", "dri", "fy", "sol", "ta", "mer", "io",
        "pla", "ve", "cor", "da", "lum", "ex", "ori", "an", "fle", "xo", "gri", "po", "sta", "ny",
    ]
    static let issuePhrases = [
        "keeps crashing", "won't load", "charged twice", "can't log in", "logged out", "not working", "greyed out",
        "stopped playing", "refund", "cancel my subscription", "error code", "app freezes", "no sound",
        "out of stock", "late delivery", "wrong order", "battery drain", "slow", "buggy", "down again",
    ]
    static let issueWords = [
        "crash*", "freez*", "refund*", "outage", "broken", "bug*", "glitch*", "lag*", "error", "scam", "hacked",
        "overcharg*", "delay*", "missing", "stuck", "unusable", "fail*", "disconnect*", "timeout", "complain*",
    ]
    static let praiseWords = ["love", "amazing", "best", "great", "awesome", "thanks", "perfect", "favorite"]
    static let devices = ["iphone", "android", "ipad", "\"smart tv\"", "ps5", "xbox", "windows", "mac", "carplay"]
    static let filler = [
        "the", "my", "again", "today", "why", "is", "this", "so", "and", "for", "with", "just", "really", "now", "it",
        "app", "update", "phone", "music", "order", "account", "support", "team", "please", "help", "still", "week",
        "finally", "new", "version", "when", "what", "ever", "song", "playlist", "store", "price", "day", "night",
    ]
    static let languages = ["en", "en", "en", "en", "es", "de", "fr", "pt", "sv", "ja"]

    /// The brand names (deterministic) used by the first `count` rules.
    public func brands(count: Int) -> [String] {
        var rng = SeededGenerator(seed: seed)
        var seen = Set<String>()
        var names: [String] = []
        while names.count < count {
            let parts = (0..<Int.random(in: 2...3, using: &rng)).map { _ in rng.pick(Self.syllables) }
            let name = parts.joined()
            if name.count >= 4, seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// A rules file with `count` rules: per brand one hub and up to nine spokes.
    public func rulesYAML(count: Int) -> String {
        var rng = SeededGenerator(seed: seed ^ 0xA5A5)
        let brandCount = max(1, count / 10)
        let names = brands(count: brandCount)
        var lines = ["version: 1", "rules:"]
        var produced = 0
        var brandIndex = 0
        while produced < count {
            let brand = names[brandIndex % names.count]
            let suffix = brandIndex / names.count
            let hub = "\(brand)\(suffix == 0 ? "" : String(suffix))"
            brandIndex += 1
            lines.append("  - id: \(hub)")
            lines.append("    query: '\(brand) OR #\(brand)* OR @\(brand)support'")
            produced += 1
            for spoke in 0..<9 where produced < count {
                lines.append("  - id: \(hub).s\(spoke)")
                lines.append("    query: '\(spokeQuery(hub: hub, brand: brand, kind: spoke, rng: &rng))'")
                if spoke < 4 { lines.append("    tags: {issue_type: issue\(spoke)}") }
                produced += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func spokeQuery(hub: String, brand: String, kind: Int, rng: inout SeededGenerator) -> String {
        let phrase = rng.pick(Self.issuePhrases).split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
        let word = rng.pick(Self.issueWords)
        switch kind {
        case 0: return "rule:\(hub) AND (\"\(phrase)\" OR \(word)) -job -hiring"
        case 1: return "\(brand) NEAR/5 (\(word) OR \(rng.pick(Self.issueWords)))"
        case 2: return "rule:\(hub) AND \(rng.pick(Self.devices)) AND (\(word) OR \"\(phrase)\")"
        case 3: return "@\(brand)support AND (\(word) OR \"\(phrase)\")"
        case 4: return "rule:\(hub) AND (\(rng.pick(Self.praiseWords)) OR \(rng.pick(Self.praiseWords))) -\(word)"
        case 5: return "rule:\(hub) lang:\(rng.pick(Self.languages))"
        case 6: return "\"\(brand) \(rng.pick(Self.filler))\" OR #\(brand)\(rng.pick(["down", "fail", "help"]))"
        case 7: return "rule:\(hub) AND url:\(brand).com"
        default: return "rule:\(hub) AND is:reply AND (\(word) OR help)"
        }
    }

    /// `count` mention texts: about a third name a brand of the rule set, a fifth of those with an
    /// issue phrase; the rest is chatter.
    public func mentionTexts(count: Int, brandCount: Int = 1_000) -> [String] {
        var rng = SeededGenerator(seed: seed ^ 0x5A5A)
        let names = brands(count: max(1, brandCount))
        return (0..<count).map { _ in
            var words = (0..<Int.random(in: 8...30, using: &rng)).map { _ in rng.pick(Self.filler) }
            if rng.chance(0.35) {
                let brand = rng.pick(names)
                let capitalized = brand.prefix(1).uppercased() + brand.dropFirst()
                let form = rng.pick([capitalized, "#\(capitalized)", "@\(brand)support", brand.uppercased()])
                words.insert(form, at: Int.random(in: 0...words.count, using: &rng))
                if rng.chance(0.25) {
                    words.insert(rng.pick(Self.issuePhrases), at: Int.random(in: 0...words.count, using: &rng))
                }
            }
            if rng.chance(0.1) { words.append("https://\(rng.pick(names)).com/item/\(Int.random(in: 1...999, using: &rng))") }
            if rng.chance(0.15) { words.append(rng.pick(["😡", "😭", "🔥", "❤️", "🙏🏽"])) }
            return words.joined(separator: " ")
        }
    }

    /// `count` JSONL lines in the generic shape (id, text, author, lang, created_at).
    public func mentionLines(count: Int, brandCount: Int = 1_000) -> [String] {
        var rng = SeededGenerator(seed: seed ^ 0x1234)
        return mentionTexts(count: count, brandCount: brandCount).enumerated().map { index, text in
            let lang = rng.pick(Self.languages)
            let reply = rng.chance(0.2)
            return #"{"id":"\#(index)","text":"\#(text)","author":"user\#(index % 997)","lang":"\#(lang)","is_reply":\#(reply),"created_at":"2026-11-20T10:00:00Z"}"#
        }
    }
}
