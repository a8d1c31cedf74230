import EarshotRegex
import EarshotText

extension Verifier {
    /// The byte ranges that satisfied rule `index` on a mention it matched: every occurrence of
    /// its positive terms and phrases, NEAR operands, regex matches and referenced rules' spans
    /// (negated parts contribute nothing). Sorted, without duplicates.
    package func spans(rule index: Int, in mention: AnalyzedMention, scratch: MatcherScratch) -> [Range<Int>] {
        var ranges = Set<Range<Int>>()
        var visited = Set<Int>()
        collect(programs[index], mention, scratch, &ranges, &visited)
        return ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }

    private func collect(
        _ node: VerifyNode, _ mention: AnalyzedMention, _ scratch: MatcherScratch, _ ranges: inout Set<Range<Int>>,
        _ visited: inout Set<Int>
    ) {
        switch node {
        case .sequence(let patterns):
            for occurrence in occurrences(of: patterns, in: mention.text.tokens) { ranges.insert(occurrence.bytes) }
        case .near(let left, let right, _, _):
            for sequence in left + right {
                for occurrence in occurrences(of: sequence, in: mention.text.tokens) { ranges.insert(occurrence.bytes) }
            }
        case .regex(let regex):
            for range in regex.allMatches(in: mention.text.nfc, scratch: scratch.regexScratch).ranges where !range.isEmpty {
                ranges.insert(range)
            }
        case .reference(let referenced):
            if visited.insert(referenced).inserted, matches(rule: referenced, in: mention, scratch: scratch) {
                collect(programs[referenced], mention, scratch, &ranges, &visited)
            }
        case .and(let operands), .or(let operands):
            for operand in operands { collect(operand, mention, scratch, &ranges, &visited) }
        case .not, .field, .never:
            break
        }
    }
}
