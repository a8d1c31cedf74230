import EarshotPlan
import EarshotSyntax
import EarshotText

/// Field operators of rules.md §5 evaluated directly from the mention, one case at a time.
struct ReferenceFields {
    let mention: AnalyzedMention

    func holds(_ field: FieldQuery) -> Bool {
        let fields = mention.mention
        let value = field.value
        switch field.name {
        case .author:
            guard let author = fields.author else { return false }
            return globEquals(pattern: TextFolding.fold(dropAt(value)), text: TextFolding.fold(dropAt(author)))
        case .lang:
            guard let lang = fields.lang else { return false }
            if value.contains("-") { return lang.lowercased() == value.lowercased() }
            let primary = lang.split(separator: "-", maxSplits: 1).first.map(String.init) ?? lang
            return primary.lowercased() == value.lowercased()
        case .source:
            return fields.source.map { TextFolding.fold($0) == TextFolding.fold(value) } ?? false
        case .country:
            return fields.country.map { TextFolding.fold($0) == TextFolding.fold(value) } ?? false
        case .url:
            guard let wanted = URLParts(value) else { return false }
            return mention.urls.contains { url in
                guard let parts = URLParts(url) else { return false }
                let hostOK = parts.host == wanted.host || parts.host.hasSuffix("." + wanted.host)
                let pathOK = wanted.path.isEmpty || wanted.path == "/" || parts.path.hasPrefix(wanted.path)
                return hostOK && pathOK
            }
        case .is:
            switch value.lowercased() {
            case "reply": return fields.isReply
            case "retweet": return fields.isRetweet
            case "quote": return fields.isQuote
            default: return false
            }
        case .has:
            switch value.lowercased() {
            case "link": return !mention.urls.isEmpty
            case "mention": return mention.text.tokens.contains { $0.kind == .mention }
            case "hashtag": return mention.text.tokens.contains { $0.kind == .hashtag }
            case "emoji": return mention.text.tokens.contains { $0.kind == .emoji }
            default: return false
            }
        case .field:
            guard let root = fields.root else { return false }
            return root.values(atPath: field.path[...]).contains { jsonEquals($0, value) }
        }
    }

    func dropAt(_ handle: String) -> String { handle.hasPrefix("@") ? String(handle.dropFirst()) : handle }

    /// `field:` comparison: strings folded with wildcards, numbers numerically, booleans by name.
    func jsonEquals(_ json: JSONValue, _ value: String) -> Bool {
        switch json {
        case .string(let text): return globEquals(pattern: TextFolding.fold(value), text: TextFolding.fold(text))
        case .number(let number): return Double(value).map { $0 == number } ?? false
        case .bool(let flag): return value.lowercased() == (flag ? "true" : "false")
        case .null, .array, .object: return false
        }
    }

    func globEquals(pattern: String, text: String) -> Bool {
        guard pattern.contains("*") || pattern.contains("?") else { return pattern == text }
        return ReferenceRun.wildcard(Array(pattern.unicodeScalars), Array(text.unicodeScalars))
    }
}

extension ReferenceRun {
    /// Recursive glob with memo: `*` any run, `?` exactly one scalar (terms and field values).
    static let wildcard: @Sendable ([Unicode.Scalar], [Unicode.Scalar]) -> Bool = { pattern, text in
        var memo: [Int: Bool] = [:]
        func match(_ p: Int, _ t: Int) -> Bool {
            let key = p * (text.count + 1) + t
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "*" {
                result = match(p + 1, t) || (t < text.count && match(p, t + 1))
            } else if t < text.count, pattern[p] == "?" || pattern[p] == text[t] {
                result = match(p + 1, t + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
