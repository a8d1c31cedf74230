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
///
/// Matching walks the ``FlatProgram`` (plain structs, no retains per node); spans walk the
/// ``VerifyNode`` trees, which are only visited for rules that matched.
package struct Verifier: Sendable {
    let programs: [VerifyNode]
    let flat: FlatProgram

    package init(programs: [VerifyNode]) {
        self.programs = programs
        self.flat = FlatProgram(programs)
    }

    /// True when rule `index` matches the mention.
    package func matches(rule index: Int, in mention: AnalyzedMention, scratch: MatcherScratch) -> Bool {
        switch scratch.memo[index] {
        case .yes: return true
        case .no: return false
        case .unknown:
            let result = flat.patterns.withUnsafeBufferPointer { patterns in
                evaluate(flat.roots[index], rule: index, mention, scratch, patterns)
            }
            scratch.memo[index] = result ? .yes : .no
            scratch.touched.append(index)
            return result
        }
    }

    private func evaluate(
        _ index: Int32, rule: Int, _ mention: AnalyzedMention, _ scratch: MatcherScratch,
        _ patterns: UnsafeBufferPointer<VerifyPattern>
    ) -> Bool {
        let node = flat.nodes[Int(index)]
        let first = Int(node.first)
        switch node.op {
        case .sequence:
            let sequence = UnsafeBufferPointer(rebasing: patterns[first..<first + Int(node.count)])
            return firstOccurrence(of: sequence, in: mention.text.tokens) != nil
        case .regex:
            switch flat.regexes[first].firstMatch(in: mention.text.nfc, scratch: scratch.regexScratch) {
            case .match: return true
            case .noMatch: return false
            case .limitExceeded:
                scratch.regexLimitHits.insert(rule)
                return false
            }
        case .field:
            return FieldCheck.holds(flat.fields[first], mention)
        case .reference:
            return matches(rule: first, in: mention, scratch: scratch)
        case .not:
            return !evaluate(node.first, rule: rule, mention, scratch, patterns)
        case .and:
            for child in first..<first + Int(node.count) where !evaluate(flat.children[child], rule: rule, mention, scratch, patterns) {
                return false
            }
            return true
        case .or:
            for child in first..<first + Int(node.count) where evaluate(flat.children[child], rule: rule, mention, scratch, patterns) {
                return true
            }
            return false
        case .near:
            let near = flat.nears[first]
            return nearHolds(left: near.left, right: near.right, distance: near.distance, ordered: near.ordered, mention.text.tokens)
        case .never:
            return false
        }
    }

    /// Whether an occurrence of a left sequence and one of a right sequence are at most
    /// `distance` positions apart (in that order when `ordered`).
    private func nearHolds(
        left: [[VerifyPattern]], right: [[VerifyPattern]], distance: Int, ordered: Bool, _ tokens: [Token]
    ) -> Bool {
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
    }

    /// The first occurrence of a sequence, or nil.
    private func firstOccurrence(of patterns: UnsafeBufferPointer<VerifyPattern>, in tokens: [Token]) -> Occurrence? {
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
        patterns.withUnsafeBufferPointer { patterns in
            forEachOccurrence(of: patterns, in: tokens) { occurrence in
                all.append(occurrence)
                return true
            }
        }
        return all
    }

    /// Calls `body` for each occurrence until it returns false. Tokens are in position order, so
    /// the next element of a phrase is searched forward from the current token.
    private func forEachOccurrence(
        of patterns: UnsafeBufferPointer<VerifyPattern>, in tokens: [Token], _ body: (Occurrence) -> Bool
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
    private func extend(_ patterns: UnsafeBufferPointer<VerifyPattern>, from k: Int, after index: Int, tokens: [Token]) -> Int? {
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
