import EarshotSyntax
import EarshotText

/// One thing a mention must contain for a rule to have a chance: a presearch key.
///
/// Keys are compared as bytes: ``bytes`` is a one-byte tag followed by the UTF-8 value, so one
/// hash table can hold every kind of key.
package enum LiteralKey: Sendable, Hashable, CustomStringConvertible {
    /// A folded word token (entity word views included).
    case word(String)
    /// A mention, hashtag, cashtag or emoji token with this folded body.
    case entity(TokenKind, String)
    /// A token of this kind whose folded text starts with the literal (wildcards like `crash*`).
    case prefix(TokenKind, String)
    /// A token of this kind whose folded text contains the literal (leading-`*` wildcards).
    case infix(TokenKind, String)
    /// The NFC text contains this literal (from a regex); ASCII-case-insensitive when flagged.
    case substring(String, caseInsensitive: Bool)
    /// A canonical field has this normalized value.
    case field(FieldKey, String)

    /// The indexed field values (see ``MentionKeys``).
    package enum FieldKey: UInt8, Sendable, Hashable {
        case author = 1, lang, source, country, flag, has, urlHost
    }

    /// Tag byte + UTF-8 value; the form stored in the presearch table.
    package var bytes: [UInt8] {
        switch self {
        case .word(let text): return [0x01] + Array(text.utf8)
        case .entity(let kind, let text): return [0x10 + kind.rawValue] + Array(text.utf8)
        case .prefix(let kind, let text): return [0x20 + kind.rawValue] + Array(text.utf8)
        case .infix(let kind, let text): return [0x30 + kind.rawValue] + Array(text.utf8)
        case .substring(let text, let insensitive): return [insensitive ? 0x41 : 0x40] + Array(text.utf8)
        case .field(let key, let value): return [0x50 + key.rawValue] + Array(value.utf8)
        }
    }

    /// How expensive the key is as a filter (lower is more selective): longer literals are rarer,
    /// field values like `lang:en` are common, scans (infix, substring) cost per mention.
    package var cost: Double {
        switch self {
        case .word(let text), .entity(_, let text): return 8.0 / Double(max(1, text.count))
        case .prefix(_, let text): return 16.0 / Double(max(1, text.count))
        case .infix(_, let text): return 40.0 / Double(max(1, text.count))
        case .substring(let text, _): return 40.0 / Double(max(1, text.count))
        case .field(let key, _): return key == .author || key == .urlHost ? 2 : 30
        }
    }

    package var description: String {
        switch self {
        case .word(let text): return "word:\(text)"
        case .entity(let kind, let text): return "\(kind):\(text)"
        case .prefix(let kind, let text): return "\(kind)-prefix:\(text)"
        case .infix(let kind, let text): return "\(kind)-infix:\(text)"
        case .substring(let text, let insensitive): return "substring\(insensitive ? "/i" : ""):\(text)"
        case .field(let key, let value): return "field-\(key):\(value)"
        }
    }
}

/// What presearch knows about a rule: either a set of keys of which a matching mention must
/// contain at least one, or "anything" (the rule is verified on every mention) with the reason.
package enum Requirement: Sendable, Hashable {
    /// At least one of these keys.
    case anyOf(Set<LiteralKey>)
    /// Cannot be narrowed; the reason is shown by `earshot check`.
    case unindexable(String)

    /// The filter cost: sum of key costs (unindexable is infinite).
    package var cost: Double { cost(weight: { $0.cost }) }

    /// The filter cost with a custom key weight.
    package func cost(weight: (LiteralKey) -> Double) -> Double {
        switch self {
        case .anyOf(let keys): return keys.reduce(0) { $0 + weight($1) }
        case .unindexable: return .infinity
        }
    }
}
