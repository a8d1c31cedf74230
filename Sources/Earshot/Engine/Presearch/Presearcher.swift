import EarshotPlan
import EarshotText

/// One pass over a mention's tokens and fields yields the candidate rules: every rule whose
/// "must contain one of" keys (``RequiredLiterals``) the mention has, plus the few rules that
/// cannot be indexed. Exact keys and wildcard prefixes are hash lookups; infix wildcards and
/// regex literals are scans over the (few) such keys.
///
/// ```swift
/// let presearcher = Presearcher(requirements: [.anyOf([.word("spotify")]), .unindexable("NOT")])
/// ```
package struct Presearcher: Sendable {
    private let table: ByteKeyTable
    /// Distinct (tag, byte length) pairs of prefix keys, so each token probes only lengths in use.
    private let prefixProbes: [PrefixProbe]
    /// Infix keys: token kind, literal bytes, rules.
    private let infixKeys: [(kind: TokenKind, literal: [UInt8], rules: [Int32])]
    /// Regex literals: text, case-insensitive, rules.
    private let substringKeys: [(literal: [UInt8], caseInsensitive: Bool, rules: [Int32])]
    /// Rules verified on every mention.
    package let alwaysVerified: [Int32]
    /// The field kinds some rule needs (a mention's other fields are not probed at all).
    private let fieldKinds: Set<LiteralKey.FieldKey>
    /// Number of rules indexed.
    package let ruleCount: Int

    /// Indexes the requirement of each rule (index = rule index); `nil` entries are not indexed
    /// at all (disabled rules that nothing can reach).
    package init(requirements: [Requirement?]) {
        var entries: [([UInt8], [Int32])] = []
        var prefixes = Set<PrefixProbe>()
        var infix: [LiteralKey: [Int32]] = [:]
        var substrings: [LiteralKey: [Int32]] = [:]
        var always: [Int32] = []
        var kinds = Set<LiteralKey.FieldKey>()
        for (index, requirement) in requirements.enumerated() {
            guard let requirement else { continue }
            let rule = Int32(index)
            switch requirement {
            case .unindexable:
                always.append(rule)
            case .anyOf(let keys):
                for key in keys {
                    switch key {
                    case .infix: infix[key, default: []].append(rule)
                    case .substring: substrings[key, default: []].append(rule)
                    case .prefix:
                        let bytes = key.bytes
                        prefixes.insert(PrefixProbe(tag: bytes[0], length: bytes.count - 1))
                        entries.append((bytes, [rule]))
                    case .field(let kind, _):
                        kinds.insert(kind)
                        entries.append((key.bytes, [rule]))
                    default: entries.append((key.bytes, [rule]))
                    }
                }
            }
        }
        table = ByteKeyTable(entries: entries)
        prefixProbes = prefixes.sorted { ($0.tag, $0.length) < ($1.tag, $1.length) }
        infixKeys = infix.compactMap { key, rules in
            guard case .infix(let kind, let text) = key else { return nil }
            return (kind, Array(text.utf8), rules)
        }
        substringKeys = substrings.compactMap { key, rules in
            guard case .substring(let text, let insensitive) = key else { return nil }
            return (Array(text.utf8), insensitive, rules)
        }
        alwaysVerified = always
        fieldKinds = kinds
        ruleCount = requirements.count
    }

    /// Approximate heap bytes of the index.
    package var memoryUsage: Int { table.memoryUsage + alwaysVerified.count * 4 }

    /// Calls `candidate` for every rule the mention may match (possibly more than once).
    package func forEachCandidate(
        of mention: AnalyzedMention, keyBuffer: inout [UInt8], _ candidate: (Int32) -> Void
    ) {
        for rule in alwaysVerified { candidate(rule) }
        let tokens = mention.text.tokens
        for index in tokens.indices {  // by index: copying each Token would retain its strings
            probeToken(tokens, index, keyBuffer: &keyBuffer, candidate)
        }
        probeFields(of: mention, keyBuffer: &keyBuffer, candidate)
        if !substringKeys.isEmpty {
            // Regex literals are searched as UTF-8 bytes, as PCRE2 matches them (a Character
            // search would miss "crash" in "crash\u{20DD}").
            let text = Array(mention.text.nfc.utf8)
            var folded: [UInt8]?
            for key in substringKeys {
                if key.caseInsensitive {
                    if folded == nil { folded = Self.caselessHaystack(mention.text.nfc) }
                    if contains(folded ?? text, key.literal) { key.rules.forEach(candidate) }
                } else if contains(text, key.literal) {
                    key.rules.forEach(candidate)
                }
            }
        }
    }

    /// The text lower-cased for caseless ASCII literals, with `ſ` (U+017F), which PCRE2's
    /// caseless matching equates with `s`, written as `s`.
    static func caselessHaystack(_ text: String) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars { scalars.append(scalar == "\u{17F}" ? "s" : scalar) }
        return Array(String(scalars).utf8)
    }

    @inline(__always)
    private func probeToken(_ tokens: [Token], _ index: Int, keyBuffer: inout [UInt8], _ candidate: (Int32) -> Void) {
        let kind = tokens[index].kind
        let kindTag = kind.rawValue
        let exactTag: UInt8 = kind == .word ? 0x01 : 0x10 + kindTag
        guard kind != .url else { return }
        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(exactTag)
        keyBuffer.append(contentsOf: tokens[index].folded.utf8)
        keyBuffer.withUnsafeBufferPointer { key in
            table.forEachPosting(of: key, candidate)
            let prefixTag = 0x20 + kindTag
            let available = key.count - 1
            for probe in prefixProbes where probe.tag == prefixTag && probe.length <= available {
                withPrefixKey(tag: prefixTag, body: UnsafeBufferPointer(rebasing: key[1...probe.length])) { prefixKey in
                    table.forEachPosting(of: prefixKey, candidate)
                }
            }
        }
        for infix in infixKeys where infix.kind == kind {
            if contains(Array(tokens[index].folded.utf8), infix.literal) { infix.rules.forEach(candidate) }
        }
    }

    private func probeFields(of analyzed: AnalyzedMention, keyBuffer: inout [UInt8], _ candidate: (Int32) -> Void) {
        let mention = analyzed.mention
        func probe(_ key: LiteralKey) {
            keyBuffer = key.bytes
            keyBuffer.withUnsafeBufferPointer { table.forEachPosting(of: $0, candidate) }
        }
        guard !fieldKinds.isEmpty else { return }
        if fieldKinds.contains(.author), let author = mention.author {
            probe(.field(.author, TextFolding.fold(author.hasPrefix("@") ? String(author.dropFirst()) : author)))
        }
        if fieldKinds.contains(.lang), let lang = mention.lang?.lowercased() {
            probe(.field(.lang, lang))
            if let dash = lang.firstIndex(of: "-") { probe(.field(.lang, String(lang[..<dash]))) }
        }
        if fieldKinds.contains(.source), let source = mention.source { probe(.field(.source, TextFolding.fold(source))) }
        if fieldKinds.contains(.country), let country = mention.country { probe(.field(.country, TextFolding.fold(country))) }
        if fieldKinds.contains(.flag) {
            if mention.isReply { probe(.field(.flag, "reply")) }
            if mention.isRetweet { probe(.field(.flag, "retweet")) }
            if mention.isQuote { probe(.field(.flag, "quote")) }
        }
        if fieldKinds.contains(.has) {
            if !analyzed.urls.isEmpty { probe(.field(.has, "link")) }
            if analyzed.hasMention { probe(.field(.has, "mention")) }
            if analyzed.hasHashtag { probe(.field(.has, "hashtag")) }
            if analyzed.hasEmoji { probe(.field(.has, "emoji")) }
        }
        guard fieldKinds.contains(.urlHost) else { return }
        for url in analyzed.urls {
            guard let parts = URLParts(url) else { continue }
            for suffix in parts.hostSuffixes { probe(.field(.urlHost, String(suffix))) }
        }
    }
}

/// A prefix length in use for one key tag.
private struct PrefixProbe: Hashable, Sendable {
    var tag: UInt8
    var length: Int
}

@inline(__always)
private func withPrefixKey(tag: UInt8, body: UnsafeBufferPointer<UInt8>, _ use: (UnsafeBufferPointer<UInt8>) -> Void) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count + 1) { buffer in
        buffer[0] = tag
        for i in 0..<body.count { buffer[i + 1] = body[i] }
        use(UnsafeBufferPointer(buffer))
    }
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    if needle.isEmpty { return true }
    outer: for start in 0...(haystack.count - needle.count) {
        for i in 0..<needle.count where haystack[start + i] != needle[i] { continue outer }
        return true
    }
    return false
}
