import EarshotEngine
import EarshotPlan
import EarshotSyntax
import EarshotText
import Foundation
import Testing

/// The compiled engine must agree with the reference evaluator on every (rule, mention) pair of
/// randomized rule sets. Seeds are fixed (override with EARSHOT_SEED=n); a disagreement prints
/// the seed and a shrunk failing case.
@Suite("Compiled engine vs reference evaluator")
struct DifferentialTests {
    static let ruleCount = 50
    static let mentionCount = 2_000

    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["EARSHOT_SEED"], let seed = UInt64(text) { return [seed] }
        return [20_261_124, 7]
    }

    @Test(arguments: seeds)
    func enginesAgree(seed: UInt64) throws {
        var corpus = RandomCorpus(seed: seed)
        let plan = try Self.compilableRuleSet(&corpus, seed: seed)
        let compiled = CompiledMatcher(plan)
        let reference = ReferenceEvaluator(plan)
        let scratch = compiled.makeScratch()
        var pairs = 0
        var matches = 0
        var candidates = 0
        for _ in 0..<Self.mentionCount {
            let mention = corpus.mention()
            let analyzed = AnalyzedMention(mention)
            let fast = compiled.match(analyzed, scratch: scratch).rules
            let slow = reference.evaluate(analyzed).ruleIndices
            pairs += plan.rules.count
            matches += slow.count
            candidates += compiled.candidateCount(analyzed)
            if fast != slow {
                let report = Self.shrink(mention, plan: plan, compiled: compiled, reference: reference)
                Issue.record("seed \(seed): engines disagree.\n\(report)")
                return
            }
        }
        #expect(pairs >= 100_000)
        // The corpus must exercise matching, not only non-matches.
        #expect(matches > pairs / 100, "too few matches (\(matches)) to be a meaningful comparison")
        // And presearch must actually filter.
        #expect(candidates < pairs, "presearch produced \(candidates) candidates for \(pairs) pairs")
    }

    /// Generates rules until the whole set compiles (replacing rules that have errors).
    static func compilableRuleSet(_ corpus: inout RandomCorpus, seed: UInt64) throws -> PlannedRuleSet {
        var queries = (0..<ruleCount).map { corpus.query(ruleIndex: $0) }
        for _ in 0..<200 {
            let yaml = "version: 1\nrules:\n"
                + queries.enumerated().map { "  - id: r\($0.offset)\n    query: '\($0.element.replacingOccurrences(of: "'", with: "''"))'" }
                .joined(separator: "\n")
            let parsed = RuleFile.parse(source: yaml, path: "seed-\(seed).yaml")
            guard let file = parsed.file else { throw CompileFailure(diagnostics: parsed.diagnostics) }
            do {
                return try PlannedRuleSet.build(file)
            } catch {
                let broken = Set(error.errors.compactMap(\.ruleID))
                guard !broken.isEmpty else { throw error }
                for id in broken {
                    guard let index = Int(id.dropFirst()) else { continue }
                    queries[index] = corpus.query(ruleIndex: index)
                }
            }
        }
        throw CompileFailure(diagnostics: [])
    }

    /// Removes words from the mention while the engines still disagree, and reports the
    /// smallest disagreement with the queries involved.
    static func shrink(
        _ mention: Mention, plan: PlannedRuleSet, compiled: CompiledMatcher, reference: ReferenceEvaluator
    ) -> String {
        func disagreement(_ m: Mention) -> [Int]? {
            let analyzed = AnalyzedMention(m)
            let fast = Set(compiled.match(analyzed, wantSpans: false).rules)
            let slow = Set(reference.evaluate(analyzed).ruleIndices)
            let differing = fast.symmetricDifference(slow).sorted()
            return differing.isEmpty ? nil : differing
        }
        var current = mention
        var words = (mention.texts.first ?? "").split(separator: " ").map(String.init)
        var index = 0
        while index < words.count {
            var candidate = words
            candidate.remove(at: index)
            var trial = current
            trial.texts = [candidate.joined(separator: " ")]
            if disagreement(trial) != nil {
                words = candidate
                current = trial
            } else {
                index += 1
            }
        }
        let rules = disagreement(current) ?? []
        let analyzed = AnalyzedMention(current)
        let fast = compiled.match(analyzed, wantSpans: false).rules
        let slow = reference.evaluate(analyzed).ruleIndices
        var lines = ["mention: \(current)", "compiled: \(fast.map { plan.rules[$0].id })", "reference: \(slow.map { plan.rules[$0].id })"]
        for rule in rules { lines.append("rule \(plan.rules[rule].id): \(plan.rules[rule].definition.query)") }
        lines.append("all rules: " + plan.rules.map { "\($0.id)=\($0.definition.query)" }.joined(separator: " | "))
        return lines.joined(separator: "\n")
    }
}
