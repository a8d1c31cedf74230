import EarshotRegex
import EarshotSyntax
import EarshotText

/// Derives, for a query, the keys a matching mention must contain at least one of (the
/// "must contain one of" set of Lucene's monitor): an AND needs only its cheapest indexable
/// child, an OR needs all of its children, a NOT alone can never be indexed.
///
/// The result is a necessary condition, never a sufficient one: every candidate is verified.
///
/// ```swift
/// // 'spotify AND (crash* OR freez*) -job'  →  .anyOf([word:spotify])  (cheapest AND child)
/// ```
package struct RequiredLiterals {
    /// Looks up the requirement of a referenced rule by id (already computed, in dependency order).
    let referenced: (String) -> Requirement?
    /// How expensive a key is as a filter; by default ``LiteralKey/cost``.
    let weight: (LiteralKey) -> Double

    package init(referenced: @escaping (String) -> Requirement?, weight: @escaping (LiteralKey) -> Double = { $0.cost }) {
        self.referenced = referenced
        self.weight = weight
    }

    /// Every key a query mentions anywhere (negated parts included): used to count how many
    /// rules share a key, a proxy for how common it is in mentions.
    package func allKeys(of node: QueryNode) -> Set<LiteralKey> {
        switch node {
        case .text(let text): return Set(text.patterns.compactMap(key(for:)))
        case .regex, .field, .ruleReference:
            if case .anyOf(let keys) = requirement(of: node) { return keys }
            return []
        case .not(let negation): return allKeys(of: negation.operand)
        case .and(let group): return group.operands.reduce(into: Set()) { $0.formUnion(allKeys(of: $1)) }
        case .or(let group): return group.operands.reduce(into: Set()) { $0.formUnion(allKeys(of: $1)) }
        case .near(let near): return allKeys(of: near.left).union(allKeys(of: near.right))
        }
    }

    /// The requirement of a whole query.
    package func requirement(of node: QueryNode) -> Requirement {
        switch node {
        case .text(let text):
            return requirement(ofSequence: text.patterns)
        case .regex(let regex):
            return requirement(ofRegex: regex)
        case .field(let field):
            return requirement(ofField: field)
        case .ruleReference(let reference):
            return referenced(reference.id) ?? .unindexable("rule:\(reference.id) is not indexable")
        case .not:
            return .unindexable("a negation alone cannot be indexed")
        case .and(let conjunction):
            return cheapest(conjunction.operands.map(requirement(of:)))
        case .or(let disjunction):
            return union(disjunction.operands.map(requirement(of:)))
        case .near(let near):
            return cheapest([requirement(of: near.left), requirement(of: near.right)])
        }
    }

    /// The cheapest indexable requirement (AND semantics).
    private func cheapest(_ requirements: [Requirement]) -> Requirement {
        var best: Requirement?
        for requirement in requirements {
            guard case .anyOf = requirement else { continue }
            if best == nil || requirement.cost(weight: weight) < (best?.cost(weight: weight) ?? .infinity) { best = requirement }
        }
        if let best { return best }
        return requirements.first ?? .unindexable("empty conjunction")
    }

    /// The union of all requirements (OR semantics); unindexable if any part is.
    private func union(_ requirements: [Requirement]) -> Requirement {
        var keys = Set<LiteralKey>()
        for requirement in requirements {
            switch requirement {
            case .anyOf(let more): keys.formUnion(more)
            case .unindexable: return requirement
            }
        }
        return .anyOf(keys)
    }

    /// A term or phrase: every token pattern must occur, so the cheapest one is enough.
    private func requirement(ofSequence patterns: [TokenPattern]) -> Requirement {
        cheapest(patterns.map { key(for: $0).map { .anyOf([$0]) } ?? .unindexable("pattern without literal") })
    }

    /// The key for one token pattern, or nil when it has no literal to index.
    package func key(for pattern: TokenPattern) -> LiteralKey? {
        let kind = tokenKind(pattern.kind)
        guard pattern.hasWildcards else {
            let text = pattern.exact ? TextFolding.fold(pattern.text) : pattern.text
            return kind == .word ? .word(text) : .entity(kind, text)
        }
        let segments = pattern.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "*" || $0 == "?" })
        if let first = segments.first, !first.isEmpty {
            let prefix = pattern.exact ? TextFolding.fold(String(first)) : String(first)
            return .prefix(kind, prefix)
        }
        guard let longest = segments.max(by: { $0.count < $1.count }), !longest.isEmpty else { return nil }
        let infix = pattern.exact ? TextFolding.fold(String(longest)) : String(longest)
        return .infix(kind, infix)
    }

    private func tokenKind(_ kind: TokenPattern.Kind) -> TokenKind {
        switch kind {
        case .word: .word
        case .mention: .mention
        case .hashtag: .hashtag
        case .cashtag: .cashtag
        case .emoji: .emoji
        }
    }

    private func requirement(ofRegex regex: RegexQuery) -> Requirement {
        let flags = RegexFlags(regex.flags)
        guard let literal = RegexLiteralAnalysis.longestRequiredLiteral(pattern: regex.pattern, flags: flags),
            literal.unicodeScalars.count >= 3
        else {
            return .unindexable("regex /\(regex.pattern)/ has no required literal of 3+ characters")
        }
        let caseInsensitive = regex.flags.contains("i")
        if caseInsensitive, !literal.unicodeScalars.allSatisfy(\.isASCII) {
            return .unindexable("regex /\(regex.pattern)/i has only a non-ASCII literal")
        }
        return .anyOf([.substring(caseInsensitive ? literal.lowercased() : literal, caseInsensitive: caseInsensitive)])
    }

    private func requirement(ofField field: FieldQuery) -> Requirement {
        let value = field.value
        switch field.name {
        case .author:
            if value.contains("*") || value.contains("?") { return .unindexable("author: with wildcards") }
            let bare = value.hasPrefix("@") ? String(value.dropFirst()) : value
            return .anyOf([.field(.author, TextFolding.fold(bare))])
        case .lang:
            return .anyOf([.field(.lang, value.lowercased())])
        case .source:
            return .anyOf([.field(.source, TextFolding.fold(value))])
        case .country:
            return .anyOf([.field(.country, TextFolding.fold(value))])
        case .is:
            return .anyOf([.field(.flag, value.lowercased())])
        case .has:
            return .anyOf([.field(.has, value.lowercased())])
        case .url:
            guard let host = URLParts(value)?.host, !host.isEmpty else { return .unindexable("url: without host") }
            return .anyOf([.field(.urlHost, host)])
        case .field:
            return .unindexable("field: paths are not indexed")
        }
    }
}
