extension QueryNode: CustomStringConvertible {
    /// The query printed back in canonical, fully parenthesized form.
    ///
    /// ```swift
    /// QueryParser.parse("a OR b c").node?.description   // (a OR (b AND c))
    /// ```
    public var description: String {
        switch self {
        case .text(let text):
            let body = text.patterns.map(\.description).joined(separator: " ")
            let quoted = text.patterns.count > 1 || text.quoted ? "\"\(body)\"" : body
            return text.exact ? "{\(quoted)}" : quoted
        case .regex(let regex):
            return "/\(regex.pattern)/" + String(regex.flags.sorted())
        case .field(let field):
            let value = field.name == .field ? field.path.joined(separator: ".") + "=" + field.value : field.value
            return "\(field.name.rawValue):\(field.exact ? "{\(value)}" : value)"
        case .ruleReference(let reference):
            return "rule:\(reference.id)"
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
}

extension TokenPattern: CustomStringConvertible {
    /// The pattern with its sigil: `crash*`, `#spotify`, `@spotifycares`, `$spot`, `😡`.
    public var description: String {
        switch kind {
        case .word, .emoji: text
        case .mention: "@" + text
        case .hashtag: "#" + text
        case .cashtag: "$" + text
        }
    }
}
