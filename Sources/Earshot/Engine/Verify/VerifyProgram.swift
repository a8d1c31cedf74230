import EarshotPlan
import EarshotRegex
import EarshotSyntax
import EarshotText

/// A rule's query lowered for fast verification: patterns pre-folded, globs precompiled,
/// regexes resolved to their compiled form, field values pre-normalized, references to indices.
package indirect enum VerifyNode: Sendable {
    /// Consecutive token patterns (a term is a sequence of one).
    case sequence([VerifyPattern])
    /// A compiled regex over the NFC text.
    case regex(CompiledRegex)
    /// A field predicate.
    case field(FieldPredicate)
    /// Another rule, by index.
    case reference(Int)
    case not(VerifyNode)
    case and([VerifyNode])
    case or([VerifyNode])
    /// Proximity between two operands, each a list of alternative sequences.
    case near(left: [[VerifyPattern]], right: [[VerifyPattern]], distance: Int, ordered: Bool)
    /// Never true (a regex that failed to compile cannot reach here; kept for totality).
    case never
}

/// One token pattern ready to compare.
package struct VerifyPattern: Sendable {
    /// The token kind it accepts (`.word` also accepts entity word-view pieces).
    package var kind: TokenKind
    /// Compare `Token.exact` instead of `Token.folded`.
    package var exact: Bool
    /// The literal to compare when there are no wildcards.
    package var literal: String
    /// The glob when the pattern has wildcards.
    package var glob: Glob?

    /// True when `token` satisfies the pattern.
    @inline(__always)
    package func accepts(_ token: Token) -> Bool {
        guard token.kind == kind else { return false }
        let text = exact ? token.exact : token.folded
        if let glob { return glob.matches(text) }
        return text == literal
    }

    /// True when `tokens[index]` satisfies the pattern, reading its fields in place.
    @inline(__always)
    package func accepts(_ tokens: [Token], _ index: Int) -> Bool {
        guard tokens[index].kind == kind else { return false }
        if let glob { return glob.matches(exact ? tokens[index].exact : tokens[index].folded) }
        return exact ? tokens[index].exact == literal : tokens[index].folded == literal
    }
}

/// A field operator with its value normalized once.
package enum FieldPredicate: Sendable {
    /// The author handle (without `@`), folded unless `exact`.
    case author(literal: String?, glob: Glob?, exact: Bool)
    case lang(String, wholeTag: Bool)
    /// The source, folded unless `exact`.
    case source(String, exact: Bool)
    /// The country, folded unless `exact`.
    case country(String, exact: Bool)
    case url(URLParts)
    case flag(String)
    case has(String)
    case path([String], FieldValueMatcher)
}

/// How a `field:path=value` value compares.
package struct FieldValueMatcher: Sendable {
    let folded: String
    let glob: Glob?
    let number: Double?
    let boolean: Bool?
    let exact: Bool

    init(_ value: String, exact: Bool) {
        self.exact = exact
        folded = exact ? TextFolding.nfc(value) : TextFolding.fold(value)
        glob = value.contains("*") || value.contains("?") ? Glob(folded) : nil
        number = Self.decimalNumber(value)
        switch value.lowercased() {
        case "true": boolean = true
        case "false": boolean = false
        default: boolean = nil
        }
    }

    func matches(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text):
            let folded = exact ? TextFolding.nfc(text) : TextFolding.fold(text)
            return glob?.matches(folded) ?? (folded == self.folded)
        case .number(let number): return self.number == number
        case .bool(let flag): return boolean == flag
        case .array(let items): return items.contains { matches($0) }
        case .null, .object: return false
        }
    }

    /// A number written the JSON way (`-12`, `1200.0`, `1.2e3`); nil otherwise (`0x10`, `inf`).
    static func decimalNumber(_ text: String) -> Double? {
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-")
        }
        guard allowed, text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Double(text)
    }
}

extension VerifyNode {
    /// Lowers a query.
    /// - Parameters:
    ///   - regexes: the compiled regex for each regex node.
    ///   - ruleIndex: the index of a referenced rule id.
    package static func lower(
        _ node: QueryNode, regexes: (RegexQuery) -> CompiledRegex?, ruleIndex: (String) -> Int?
    ) -> VerifyNode {
        switch node {
        case .text(let text):
            return .sequence(text.patterns.map(VerifyPattern.init))
        case .regex(let regex):
            return regexes(regex).map(VerifyNode.regex) ?? .never
        case .field(let field):
            return lower(field)
        case .ruleReference(let reference):
            return ruleIndex(reference.id).map(VerifyNode.reference) ?? .never
        case .not(let negation):
            return .not(lower(negation.operand, regexes: regexes, ruleIndex: ruleIndex))
        case .and(let conjunction):
            return .and(conjunction.operands.map { lower($0, regexes: regexes, ruleIndex: ruleIndex) })
        case .or(let disjunction):
            return .or(disjunction.operands.map { lower($0, regexes: regexes, ruleIndex: ruleIndex) })
        case .near(let near):
            return .near(
                left: alternatives(near.left), right: alternatives(near.right), distance: near.distance,
                ordered: near.ordered)
        }
    }

    /// The sequences a NEAR operand stands for (terms, phrases and nested OR-groups of them).
    private static func alternatives(_ node: QueryNode) -> [[VerifyPattern]] {
        switch node {
        case .text(let text): return [text.patterns.map(VerifyPattern.init)]
        case .or(let group): return group.operands.flatMap(alternatives)
        default: return []  // the parser rejects other operands under NEAR
        }
    }

    private static func lower(_ field: FieldQuery) -> VerifyNode {
        let value = field.value
        switch field.name {
        case .author:
            let handle = value.hasPrefix("@") ? String(value.dropFirst()) : value
            let bare = field.exact ? TextFolding.nfc(handle) : TextFolding.fold(handle)
            let wild = bare.contains("*") || bare.contains("?")
            return .field(.author(literal: wild ? nil : bare, glob: wild ? Glob(bare) : nil, exact: field.exact))
        case .lang: return .field(.lang(value.lowercased(), wholeTag: value.contains("-")))
        case .source: return .field(.source(field.exact ? TextFolding.nfc(value) : TextFolding.fold(value), exact: field.exact))
        case .country: return .field(.country(field.exact ? TextFolding.nfc(value) : TextFolding.fold(value), exact: field.exact))
        case .url: return URLParts(value).map { .field(.url($0)) } ?? .never
        case .is: return .field(.flag(value.lowercased()))
        case .has: return .field(.has(value.lowercased()))
        case .field: return .field(.path(field.path, FieldValueMatcher(value, exact: field.exact)))
        }
    }
}

extension VerifyPattern {
    init(_ pattern: TokenPattern) {
        switch pattern.kind {
        case .word: kind = .word
        case .mention: kind = .mention
        case .hashtag: kind = .hashtag
        case .cashtag: kind = .cashtag
        case .emoji: kind = .emoji
        }
        exact = pattern.exact
        literal = pattern.text
        glob = pattern.hasWildcards ? Glob(pattern.text) : nil
    }
}
