import EarshotSyntax

extension Planner {
    /// Longest chain of `rule:` references allowed (deeper chains would make evaluation recurse
    /// too deeply on hostile files).
    static let maxReferenceDepth = 64

    /// Resolves every `rule:NAME`; an unknown id is an error suggesting the nearest known id.
    ///
    /// References to disabled rules are allowed: the referenced rule is evaluated (it is still
    /// checked) but never emitted.
    mutating func resolveReferences() {
        references = Array(repeating: [], count: file.rules.count)
        for (index, node) in parsed.enumerated() {
            guard let node else { continue }
            for reference in node.ruleReferences {
                if let target = indexByID[reference.id] {
                    if !references[index].contains(target) { references[index].append(target) }
                    continue
                }
                let help = Self.suggestion(for: reference.id, among: file.rules.map(\.id)).map { "did you mean rule:\($0)?" }
                report(
                    Diagnostic(
                        code: .unknownRuleReference, severity: .error, message: "no rule has the id '\(reference.id)'",
                        span: reference.span, help: help
                    ).located(in: file.rules[index], file: file.path), rule: index)
            }
        }
    }

    /// The known id nearest to `id` by edit distance, when it is close enough to be a typo
    /// (at most a third of the longer id's length, and at least 1, edits away).
    static func suggestion(for id: String, among known: [String]) -> String? {
        let scored = known.map { (id: $0, distance: editDistance(id.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let allowed = max(1, max(id.count, best.id.count) / 3)
        return best.distance <= allowed ? best.id : nil
    }

    /// Walks the reference graph depth first (iteratively, so a hostile file cannot overflow
    /// the stack): reports every cycle (an error on each rule of it, naming all of them) and
    /// chains longer than ``maxReferenceDepth``, and records a dependency order of the rules.
    mutating func walkReferenceGraph() {
        enum Mark { case unvisited, onPath, done }
        var marks = Array(repeating: Mark.unvisited, count: references.count)
        var depth = Array(repeating: 0, count: references.count)
        var onCycle = Set<Int>()
        var tooDeep: [Int] = []
        for root in references.indices where marks[root] == .unvisited {
            // Each frame: a rule and how many of its references were already followed.
            var frames: [(rule: Int, next: Int)] = [(root, 0)]
            var path: [Int] = [root]
            marks[root] = .onPath
            while let frame = frames.last {
                let targets = references[frame.rule]
                if frame.next < targets.count {
                    frames[frames.count - 1].next += 1
                    let target = targets[frame.next]
                    switch marks[target] {
                    case .onPath:
                        if let start = path.firstIndex(of: target) {
                            reportCycle(Array(path[start...]), alreadyReported: &onCycle)
                        }
                    case .unvisited:
                        marks[target] = .onPath
                        frames.append((target, 0))
                        path.append(target)
                    case .done:
                        break
                    }
                    continue
                }
                frames.removeLast()
                path.removeLast()
                marks[frame.rule] = .done
                evaluationOrder.append(frame.rule)
                depth[frame.rule] = 1 + (targets.map { depth[$0] }.max() ?? 0)
                if depth[frame.rule] > Self.maxReferenceDepth {
                    unevaluable.insert(frame.rule)
                    if depth[frame.rule] == Self.maxReferenceDepth + 1 { tooDeep.append(frame.rule) }
                }
            }
        }
        unevaluable.formUnion(onCycle)
        for index in tooDeep where !onCycle.contains(index) {
            report(
                Diagnostic(
                    code: .referenceTooDeep, severity: .error,
                    message: "rule references are nested more than \(Self.maxReferenceDepth) levels deep",
                    span: parsed[index]?.ruleReferences.first?.span,
                    help: "reference the hub rules directly instead of through long chains"
                ).located(in: file.rules[index], file: file.path), rule: index)
        }
    }

    /// One error per rule of the cycle (not yet reported), at its reference to the next rule,
    /// with a note at every other rule's reference.
    mutating func reportCycle(_ cycle: [Int], alreadyReported: inout Set<Int>) {
        let rules = file.rules
        let names = (cycle + [cycle[0]]).map { rules[$0].id }.joined(separator: " → ")
        func referenceSpan(from index: Int, to target: Int) -> SourceSpan? {
            parsed[index]?.ruleReferences.first { $0.id == rules[target].id }?.span
        }
        for (position, index) in cycle.enumerated() where alreadyReported.insert(index).inserted {
            let next = cycle[(position + 1) % cycle.count]
            var notes: [DiagnosticNote] = []
            for offset in 1..<cycle.count {
                let other = cycle[(position + offset) % cycle.count]
                let otherNext = cycle[(position + offset + 1) % cycle.count]
                let span = referenceSpan(from: other, to: otherNext)
                notes.append(
                    DiagnosticNote(
                        message: "'\(rules[other].id)' references '\(rules[otherNext].id)' here", ruleID: rules[other].id,
                        span: span, location: span.map { rules[other].querySourceMap.location(of: $0.start) } ?? rules[other].location,
                        query: rules[other].query))
            }
            let message =
                cycle.count == 1
                ? "rule '\(rules[index].id)' references itself"
                : "rule references form a cycle: \(names)"
            report(
                Diagnostic(
                    code: .referenceCycle, severity: .error, message: message, span: referenceSpan(from: index, to: next),
                    help: "a rule cannot depend on itself, directly or through other rules", notes: notes
                ).located(in: rules[index], file: file.path), rule: index)
        }
    }
}
