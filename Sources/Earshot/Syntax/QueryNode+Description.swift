extension QueryNode: CustomStringConvertible {
    /// The query printed back in canonical, fully parenthesized form: every AND, OR and NEAR in
    /// parentheses, terms as folded tokens, phrases quoted. Parsing the printed form gives the
    /// same tree again (spans aside), so it is safe to show in `explain` and to use in tests.
    ///
    /// ```swift
    /// QueryParser.parse("a1 OR b1 c1").node?.description        // (a1 OR (b1 AND c1))
    /// QueryParser.parse("Spotify's -job").node?.description     // ("spotify s" AND NOT job)
    /// ```
    public var description: String {
        switch self {
        case .text(let text):
            let body = text.patterns.map(\.description).joined(separator: " ")
            let quoted = text.patterns.count > 1 || text.quoted ? "\"\(body)\"" : body
            return text.exact ? "{\(quoted)}" : quoted
        case .regex(let regex):
            let pattern = regex.pattern.replacingOccurrences(of: "/", with: "\\/")
            return "/\(pattern)/" + String(regex.flags.sorted())
        case .field(let field):
            let value = Self.fieldValue(field.value, exact: field.exact)
            let path = field.name == .field ? field.path.joined(separator: ".") + "=" : ""
            return "\(field.name.rawValue):\(path)\(value)"
        case .ruleReference(let reference):
            return "rule:" + Self.fieldValue(reference.id, exact: false)
        case .not(let negation):
            return "NOT \(negation.operand)"
        case .and(let group):
            return "(" + group.operands.map(\.description).joined(separator: " AND ") + ")"
        case .or(let group):
            return "(" + group.operands.map(\.description).joined(separator: " OR ") + ")"
        case .near(let near):
            return "(\(near.left) NEAR/\(near.distance)\(near.ordered ? "f" : "") \(near.right))"
        }
    }

    /// A field value as it must be written to read back the same: braces for exact values,
    /// quotes (with `\"` and `\\`) when it is empty or holds whitespace, quotes, parentheses or
    /// braces.
    static func fieldValue(_ value: String, exact: Bool) -> String {
        if exact { return "{\(value)}" }
        let needsQuotes =
            value.isEmpty || value.contains(where: { $0.isWhitespace || "\"(){}\\".contains($0) })
        guard needsQuotes else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}

extension TokenPattern: CustomStringConvertible {
    /// The pattern with its sigil: `crash*`, `#spotify`, `@spotifycares`, `$spot`, `😡`; an emoji
    /// whose first character is text-style by default gets U+FE0F back (`❤️`), so it reads back
    /// as an emoji.
    public var description: String {
        switch kind {
        case .word: text
        case .emoji: Self.emojiPresentation(text)
        case .mention: "@" + text
        case .hashtag: "#" + text
        case .cashtag: "$" + text
        }
    }
}

extension TokenPattern {
    static func emojiPresentation(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, !first.properties.isEmojiPresentation,
            !text.unicodeScalars.contains("\u{FE0F}")
        else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(first)
        scalars.append("\u{FE0F}")
        scalars.append(contentsOf: text.unicodeScalars.dropFirst())
        return String(scalars)
    }
}
