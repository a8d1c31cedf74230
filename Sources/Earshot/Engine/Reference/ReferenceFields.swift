import EarshotPlan
import EarshotSyntax
import EarshotText

/// The field operators of rules.md §5 and §9, evaluated directly from the mention, one case
/// at a time. Values compare after folding (§1.4), or as written (NFC) inside `{}`.
struct ReferenceFields {
    let mention: AnalyzedMention

    func holds(_ field: FieldQuery) -> Bool {
        let fields = mention.mention
        let value = field.value
        switch field.name {
        case .author:
            // A leading @ is ignored on both sides; wildcards are allowed.
            guard let author = fields.author else { return false }
            return textMatches(pattern: dropAt(value), dropAt(author), exact: field.exact, wildcards: true)
        case .lang:
            guard let lang = fields.lang else { return false }
            // With a subtag, the whole tag; without, the primary subtag; case-insensitive.
            if value.contains("-") { return lang.lowercased() == value.lowercased() }
            let primary = lang.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? lang
            return primary.lowercased() == value.lowercased()
        case .source:
            guard let source = fields.source else { return false }
            return textMatches(pattern: value, source, exact: field.exact, wildcards: false)
        case .country:
            guard let country = fields.country else { return false }
            return textMatches(pattern: value, country, exact: field.exact, wildcards: false)
        case .url:
            return mention.urls.contains { urlMatches($0, value) }
        case .is:
            switch value.lowercased() {
            case "reply": return fields.isReply
            case "retweet": return fields.isRetweet
            case "quote": return fields.isQuote
            default: return false
            }
        case .has:
            let tokens = mention.text.tokens
            switch value.lowercased() {
            case "link": return tokens.contains { $0.kind == .url } || !fields.urls.isEmpty
            case "mention": return tokens.contains { $0.kind == .mention }
            case "hashtag": return tokens.contains { $0.kind == .hashtag }
            case "emoji": return tokens.contains { $0.kind == .emoji }
            default: return false
            }
        case .field:
            guard let root = fields.root else { return false }
            return root.values(atPath: field.path[...]).flatMap(Self.flattened).contains {
                jsonMatches($0, value, exact: field.exact)
            }
        }
    }

    func dropAt(_ handle: String) -> String { handle.hasPrefix("@") ? String(handle.dropFirst()) : handle }

    /// Folded (or exact NFC) equality, with `*` and `?` as wildcards where allowed.
    func textMatches(pattern: String, _ text: String, exact: Bool, wildcards: Bool) -> Bool {
        let p = exact ? TextFolding.nfc(pattern) : TextFolding.fold(pattern)
        let t = exact ? TextFolding.nfc(text) : TextFolding.fold(text)
        if wildcards, p.contains("*") || p.contains("?") { return ReferenceGlob.matches(pattern: p, t) }
        return p == t
    }

    /// rules.md §5/§9 `url:`: the host equal to the wanted host or ending in "." + it (scheme,
    /// a leading `www.`, a port and letter case ignored), and the path starting with the
    /// wanted path when one is given (`url:x.com/` means any path).
    func urlMatches(_ url: String, _ wanted: String) -> Bool {
        let have = Self.hostAndPath(url)
        let want = Self.hostAndPath(wanted)
        guard !want.host.isEmpty, !have.host.isEmpty else { return false }
        guard have.host == want.host || have.host.hasSuffix("." + want.host) else { return false }
        return want.path.isEmpty || want.path == "/" || have.path.hasPrefix(want.path)
    }

    /// Splits `scheme://user@host:port/path?query` into a lower-cased host (no `www.`, no port,
    /// no user) and the rest from the first `/`, `?` or `#`. Only a scheme is dropped: letters,
    /// digits, `+`, `-` and `.` before the first `://` (in `://x.com` or `ht tp://x.com` there
    /// is none, and the host is what comes before the first `/`).
    static func hostAndPath(_ url: String) -> (host: String, path: String) {
        var rest = Substring(url)
        if let separator = rest.range(of: "://") {
            let scheme = rest[..<separator.lowerBound]
            if !scheme.isEmpty, scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }) {
                rest = rest[separator.upperBound...]
            }
        }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = String(rest[..<hostEnd]).lowercased()
        let path = String(rest[hostEnd...])
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isASCII),
            host[host.index(after: colon)...].allSatisfy(\.isNumber)
        {
            host = String(host[..<colon])
        }
        if host.hasPrefix("www.") { host = String(host.dropFirst(4)) }
        return (host, path)
    }

    /// Arrays met at the end of a path are crossed too, to any depth: any element may match.
    static func flattened(_ value: JSONValue) -> [JSONValue] {
        if case .array(let items) = value { return items.flatMap(flattened) }
        return [value]
    }

    /// `field:` comparison: strings folded (or exact) with wildcards, numbers numerically,
    /// booleans as `true`/`false` in any case; null, objects never.
    func jsonMatches(_ json: JSONValue, _ value: String, exact: Bool) -> Bool {
        switch json {
        case .string(let text): return textMatches(pattern: value, text, exact: exact, wildcards: true)
        case .number(let number): return Self.number(value).map { $0 == number } ?? false
        case .bool(let flag): return value.lowercased() == (flag ? "true" : "false")
        case .null, .array, .object: return false
        }
    }

    /// A decimal number as JSON writes one (sign, digits, fraction, exponent: `-12`, `1200.0`,
    /// `1.2e3`); nil for anything else (`0x10`, `inf`, `nan`, `12abc`).
    static func number(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let s = scalars.first, s >= "0", s <= "9" {
                scalars.removeFirst()
                count += 1
            }
            return count
        }
        if let s = scalars.first, s == "-" || s == "+" { scalars.removeFirst() }
        var mantissa = digits()
        if scalars.first == "." {
            scalars.removeFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if let s = scalars.first, s == "e" || s == "E" {
            scalars.removeFirst()
            if let sign = scalars.first, sign == "-" || sign == "+" { scalars.removeFirst() }
            guard digits() > 0 else { return nil }
        }
        guard scalars.isEmpty else { return nil }
        return Double(text)
    }
}
