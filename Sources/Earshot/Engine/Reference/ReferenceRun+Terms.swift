import EarshotSyntax
import EarshotText

/// Where a term or phrase occurs: its first and last position and its UTF-8 byte range.
struct ReferenceOccurrence: Hashable {
    var first: Int
    var last: Int
    var bytes: Range<Int>
}

extension ReferenceRun {
    /// A NEAR operand's occurrences: a term or phrase, or the union over an OR-group (nested
    /// groups included).
    func operandOccurrences(_ node: QueryNode) -> [ReferenceOccurrence] {
        switch node {
        case .text(let text): return occurrences(of: text.patterns)
        case .or(let group): return group.operands.flatMap(operandOccurrences)
        default: return []  // the parser rejects any other NEAR operand
        }
    }

    /// Every place where the patterns occur at consecutive positions: each next token starts
    /// right after the previous one's last position (an entity occupies `width` positions).
    func occurrences(of patterns: [TokenPattern]) -> [ReferenceOccurrence] {
        let tokens = mention.text.tokens
        guard let head = patterns.first else { return [] }
        var partial = tokens.filter { accepts(head, $0) }.map {
            ReferenceOccurrence(first: $0.position, last: $0.lastPosition, bytes: $0.byteRange)
        }
        for pattern in patterns.dropFirst() {
            var extended: [ReferenceOccurrence] = []
            for occurrence in partial {
                for token in tokens where token.position == occurrence.last + 1 && accepts(pattern, token) {
                    extended.append(
                        ReferenceOccurrence(
                            first: occurrence.first, last: token.lastPosition,
                            bytes: occurrence.bytes.lowerBound..<token.byteRange.upperBound))
                }
            }
            partial = extended
        }
        return partial
    }

    /// rules.md §2: a token satisfies a pattern when its kind is the pattern's kind (`.word`
    /// covers entity word views, which the tokenizer emits as `.word` tokens) and its folded
    /// text (`Token.exact` inside `{}`) equals the pattern, or matches it as a wildcard glob.
    func accepts(_ pattern: TokenPattern, _ token: Token) -> Bool {
        let kind: TokenKind =
            switch pattern.kind {
            case .word: .word
            case .mention: .mention
            case .hashtag: .hashtag
            case .cashtag: .cashtag
            case .emoji: .emoji
            }
        guard token.kind == kind else { return false }
        let text = pattern.exact ? token.exact : token.folded
        return pattern.hasWildcards ? ReferenceGlob.matches(pattern: pattern.text, text) : text == pattern.text
    }
}

/// Wildcards over Unicode scalars: `*` any run (possibly empty), `?` exactly one scalar.
/// Plain recursion with a memo table: obviously correct, quadratic at worst.
enum ReferenceGlob {
    static func matches(pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (t.count + 1) + j
            if let known = memo[key] { return known }
            let result: Bool
            if i == p.count {
                result = j == t.count
            } else if p[i] == "*" {
                result = match(i + 1, j) || (j < t.count && match(i, j + 1))
            } else if j < t.count, p[i] == "?" || p[i] == t[j] {
                result = match(i + 1, j + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
