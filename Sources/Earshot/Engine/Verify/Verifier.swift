import EarshotPlan
import EarshotRegex
import EarshotText

/// Where one sequence occurs: first and last position, and its UTF-8 byte range.
package struct Occurrence: Sendable, Hashable {
    var first: Int
    var last: Int
    var bytes: Range<Int>
}

/// Evaluates candidate rules exactly on one mention. Rule references are evaluated at most once
/// per mention (memoized in the scratch), whichever rule asks first.
package struct Verifier: Sendable {
    let programs: [VerifyNode]

    package init(programs: [VerifyNode]) {
        self.programs = programs
    }

    /// True when rule `index` matches the mention.
    package func matches(rule index: Int, in mention: AnalyzedMention, scratch: MatcherScratch) -> Bool {
        switch scratch.memo[index] {
        case .yes: return true
        case .no: return false
        case .unknown:
            let result = evaluate(programs[index], rule: index, mention, scratch)
            scratch.memo[index] = result ? .yes : .no
            scratch.touched.append(index)
            return result
        }
    }

    private func evaluate(_ node: VerifyNode, rule: Int, _ mention: AnalyzedMention, _ scratch: MatcherScratch) -> Bool {
        switch node {
        case .sequence(let patterns):
            return firstOccurrence(of: patterns, in: mention.text.tokens) != nil
        case .regex(let regex):
            switch regex.firstMatch(in: mention.text.nfc, scratch: scratch.regexScratch) {
            case .match: return true
            case .noMatch: return false
            case .limitExceeded:
                scratch.regexLimitHits.insert(rule)
                return false
            }
        case .field(let predicate):
            return FieldCheck.holds(predicate, mention)
        case .reference(let index):
            return matches(rule: index, in: mention, scratch: scratch)
        case .not(let inner):
            return !evaluate(inner, rule: rule, mention, scratch)
        case .and(let operands):
            for operand in operands where !evaluate(operand, rule: rule, mention, scratch) { return false }
            return true
        case .or(let operands):
            for operand in operands where evaluate(operand, rule: rule, mention, scratch) { return true }
            return false
        case .near(let left, let right, let distance, let ordered):
            let tokens = mention.text.tokens
            let lefts = left.flatMap { occurrences(of: $0, in: tokens) }
            guard !lefts.isEmpty else { return false }
            let rights = right.flatMap { occurrences(of: $0, in: tokens) }
            for a in lefts {
                for b in rights {
                    if a.last < b.first, b.first - a.last - 1 <= distance { return true }
                    if !ordered, b.last < a.first, a.first - b.last - 1 <= distance { return true }
                }
            }
            return false
        case .never:
            return false
        }
    }

    /// The first occurrence of a sequence, or nil.
    private func firstOccurrence(of patterns: [VerifyPattern], in tokens: [Token]) -> Occurrence? {
        var found: Occurrence?
        forEachOccurrence(of: patterns, in: tokens) { occurrence in
            found = occurrence
            return false
        }
        return found
    }

    /// Every occurrence of a sequence.
    package func occurrences(of patterns: [VerifyPattern], in tokens: [Token]) -> [Occurrence] {
        var all: [Occurrence] = []
        forEachOccurrence(of: patterns, in: tokens) { occurrence in
            all.append(occurrence)
            return true
        }
        return all
    }

    /// Calls `body` for each occurrence until it returns false. Tokens are in position order, so
    /// the next element of a phrase is searched forward from the current token.
    private func forEachOccurrence(
        of patterns: [VerifyPattern], in tokens: [Token], _ body: (Occurrence) -> Bool
    ) {
        guard let head = patterns.first else { return }
        // Indices, not `for token in tokens`: copying each Token would retain its strings.
        for startIndex in tokens.indices where head.accepts(tokens, startIndex) {
            let position = tokens[startIndex].position
            let byteRange = tokens[startIndex].byteRange
            if patterns.count == 1 {
                if !body(Occurrence(first: position, last: tokens[startIndex].lastPosition, bytes: byteRange)) { return }
                continue
            }
            if let end = extend(patterns, from: 1, after: startIndex, tokens: tokens) {
                let occurrence = Occurrence(
                    first: position, last: tokens[end].lastPosition,
                    bytes: byteRange.lowerBound..<max(byteRange.upperBound, tokens[end].byteRange.upperBound))
                if !body(occurrence) { return }
            }
        }
    }

    /// Matches `patterns[k...]` starting right after `tokens[index]`; returns the last token's index.
    private func extend(_ patterns: [VerifyPattern], from k: Int, after index: Int, tokens: [Token]) -> Int? {
        let wanted = tokens[index].lastPosition + 1
        var next = index + 1
        while next < tokens.count, tokens[next].position < wanted { next += 1 }
        while next < tokens.count, tokens[next].position == wanted {
            if patterns[k].accepts(tokens, next) {
                if k + 1 == patterns.count { return next }
                if let end = extend(patterns, from: k + 1, after: next, tokens: tokens) { return end }
            }
            next += 1
        }
        return nil
    }
}
