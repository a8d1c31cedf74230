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
    /// The byte lengths of prefix keys in use, ascending, per token kind (index: raw value), so
    /// each token probes only lengths in use.
    private let prefixLengths: [[Int]]
    /// Infix keys: token kind, literal bytes, rules.
    private let infixKeys: [(kind: TokenKind, literal: [UInt8], rules: [Int32])]
    /// Regex literals: text, case-insensitive, rules.
    private let substringKeys: [(literal: [UInt8], caseInsensitive: Bool, rules: [Int32])]
    /// Rules verified on every mention.
    package let alwaysVerified: [Int32]
    /// The field kinds some rule needs, one bit per ``LiteralKey/FieldKey`` raw value (a
    /// mention's other fields are not probed at all).
    private let fieldKinds: UInt8
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
        var kinds: UInt8 = 0
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
                        kinds |= 1 << kind.rawValue
                        entries.append((key.bytes, [rule]))
                    default: entries.append((key.bytes, [rule]))
                    }
                }
            }
        }
        table = ByteKeyTable(entries: entries)
        var lengths = [[Int]](repeating: [], count: Int(TokenKind.emoji.rawValue) + 1)
        for probe in prefixes where Int(probe.tag) - 0x20 < lengths.count { lengths[Int(probe.tag) - 0x20].append(probe.length) }
        prefixLengths = lengths.map { $0.sorted() }
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
        guard kind != .url else { return }
        // Native strings hand out their bytes in place; a bridged one is copied into the key buffer.
        let probedInPlace: Bool? = tokens[index].folded.utf8.withContiguousStorageIfAvailable { folded in
            probe(kind: kind, folded: folded, candidate)
            return true
        }
        if probedInPlace == nil {
            keyBuffer.removeAll(keepingCapacity: true)
            keyBuffer.append(contentsOf: tokens[index].folded.utf8)
            keyBuffer.withUnsafeBufferPointer { probe(kind: kind, folded: $0, candidate) }
        }
    }

    /// Probes the exact key of one token, every prefix key of a length in use (hashed in one
    /// pass over the bytes) and the infix keys of its kind.
    @inline(__always)
    private func probe(kind: TokenKind, folded: UnsafeBufferPointer<UInt8>, _ candidate: (Int32) -> Void) {
        let exactTag: UInt8 = kind == .word ? 0x01 : 0x10 + kind.rawValue
        var state = ByteKeyTable.hashStep(ByteKeyTable.hashSeed, exactTag)
        for byte in folded { state = ByteKeyTable.hashStep(state, byte) }
        table.forEachPosting(tag: exactTag, folded, hash: ByteKeyTable.hashFinish(state), candidate)
        let lengths = prefixLengths[Int(kind.rawValue)]
        if !lengths.isEmpty {
            let prefixTag = 0x20 + kind.rawValue
            var state = ByteKeyTable.hashStep(ByteKeyTable.hashSeed, prefixTag)
            var next = 0
            var length = 0
            while next < lengths.count, lengths[next] <= folded.count {
                while length < lengths[next] {
                    state = ByteKeyTable.hashStep(state, folded[length])
                    length += 1
                }
                table.forEachPosting(
                    tag: prefixTag, UnsafeBufferPointer(rebasing: folded[0..<length]), hash: ByteKeyTable.hashFinish(state),
                    candidate)
                next += 1
            }
        }
        for infix in infixKeys where infix.kind == kind {
            if contains(folded, infix.literal) { infix.rules.forEach(candidate) }
        }
    }

    @inline(__always)
    private func wants(_ kind: LiteralKey.FieldKey) -> Bool { fieldKinds & (1 << kind.rawValue) != 0 }

    /// Probes the field keys of the mention. Keys are written straight into `keyBuffer`; ASCII
    /// values (nearly all) are lower-cased byte by byte, which is what folding does to them.
    private func probeFields(of analyzed: AnalyzedMention, keyBuffer: inout [UInt8], _ candidate: (Int32) -> Void) {
        guard fieldKinds != 0 else { return }
        func lookup(_ keyBuffer: [UInt8]) {
            keyBuffer.withUnsafeBufferPointer { table.forEachPosting(of: $0, candidate) }
        }
        func probe(_ kind: LiteralKey.FieldKey, _ value: String) {
            keyBuffer.removeAll(keepingCapacity: true)
            keyBuffer.append(0x50 + kind.rawValue)
            keyBuffer.append(contentsOf: value.utf8)
            lookup(keyBuffer)
        }
        /// Tag + the lower-cased value, without a leading `@` when asked; false when not ASCII.
        func writeASCIIFolded(_ kind: LiteralKey.FieldKey, _ value: String, droppingAt: Bool) -> Bool {
            guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            keyBuffer.removeAll(keepingCapacity: true)
            keyBuffer.append(0x50 + kind.rawValue)
            var first = droppingAt
            for byte in value.utf8 {
                if first {
                    first = false
                    if byte == 0x40 { continue }
                }
                keyBuffer.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            return true
        }
        if wants(.author), let author = analyzed.mention.author {
            if writeASCIIFolded(.author, author, droppingAt: true) {
                lookup(keyBuffer)
            } else {
                probe(.author, TextFolding.fold(author.hasPrefix("@") ? String(author.dropFirst()) : author))
            }
        }
        if wants(.lang), let lang = analyzed.mention.lang {
            if writeASCIIFolded(.lang, lang, droppingAt: false) {
                lookup(keyBuffer)
                if let dash = keyBuffer.firstIndex(of: 0x2D) {
                    keyBuffer.removeSubrange(dash...)
                    lookup(keyBuffer)
                }
            } else {
                let lower = lang.lowercased()
                probe(.lang, lower)
                if let dash = lower.firstIndex(of: "-") { probe(.lang, String(lower[..<dash])) }
            }
        }
        if wants(.source), let source = analyzed.mention.source {
            if writeASCIIFolded(.source, source, droppingAt: false) { lookup(keyBuffer) } else { probe(.source, TextFolding.fold(source)) }
        }
        if wants(.country), let country = analyzed.mention.country {
            if writeASCIIFolded(.country, country, droppingAt: false) { lookup(keyBuffer) } else { probe(.country, TextFolding.fold(country)) }
        }
        if wants(.flag) {
            if analyzed.mention.isReply { probe(.flag, "reply") }
            if analyzed.mention.isRetweet { probe(.flag, "retweet") }
            if analyzed.mention.isQuote { probe(.flag, "quote") }
        }
        if wants(.has) {
            if !analyzed.urls.isEmpty { probe(.has, "link") }
            if analyzed.hasMention { probe(.has, "mention") }
            if analyzed.hasHashtag { probe(.has, "hashtag") }
            if analyzed.hasEmoji { probe(.has, "emoji") }
        }
        guard wants(.urlHost) else { return }
        for url in analyzed.urls where !probeASCIIHostSuffixes(of: url, keyBuffer: &keyBuffer, candidate) {
            guard let parts = URLParts(url) else { continue }
            for suffix in parts.hostSuffixes { probe(.urlHost, String(suffix)) }
        }
    }

    /// Probes every dot-suffix of an all-ASCII URL's host (``URLParts/hostSuffixes``) with no
    /// allocation: the host is lower-cased into `keyBuffer` once, and each suffix's key is the
    /// tail starting at a dot overwritten with the tag. False when the URL is not ASCII.
    private func probeASCIIHostSuffixes(of url: String, keyBuffer: inout [UInt8], _ candidate: (Int32) -> Void) -> Bool {
        guard url.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let tag = 0x50 + LiteralKey.FieldKey.urlHost.rawValue
        let written: Bool? = url.utf8.withContiguousStorageIfAvailable { bytes in
            keyBuffer.removeAll(keepingCapacity: true)
            guard let host = URLParts.asciiHostRange(bytes) else { return true }
            keyBuffer.append(tag)
            for byte in bytes[host] { keyBuffer.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            return true
        }
        guard written != nil else { return false }
        keyBuffer.withUnsafeMutableBufferPointer { key in
            guard !key.isEmpty else { return }
            table.forEachPosting(of: UnsafeBufferPointer(key), candidate)
            for i in 1..<key.count where key[i] == 0x2E {
                key[i] = tag
                table.forEachPosting(of: UnsafeBufferPointer(rebasing: key[i...]), candidate)
            }
        }
        return true
    }
}

/// A prefix length in use for one key tag.
private struct PrefixProbe: Hashable, Sendable {
    var tag: UInt8
    var length: Int
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { contains($0, needle) }
}

private func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    if needle.isEmpty { return true }
    outer: for start in 0...(haystack.count - needle.count) {
        for i in 0..<needle.count where haystack[start + i] != needle[i] { continue outer }
        return true
    }
    return false
}
