import Dispatch
import EarshotRegex
import EarshotSyntax
import EarshotText
import Synchronization

/// Does the work of ``PlannedRuleSet/build(_:configuration:)``, collecting every diagnostic.
struct Planner {
    let file: RuleFile
    let configuration: PlanConfiguration
    var diagnostics: [Diagnostic] = []
    var regexes: [PlannedRuleSet.RegexKey: CompiledRegex] = [:]
    /// Rules too deep in a reference chain to evaluate safely (one error is reported per chain).
    var unevaluable = Set<Int>()

    init(file: RuleFile, configuration: PlanConfiguration) {
        self.file = file
        self.configuration = configuration
    }

    mutating func plan() -> [PlannedRule] {
        let definitions = file.rules
        let parses = ParallelParse.parse(definitions.map(\.query))
        var firstIndex: [String: Int] = [:]
        for (index, rule) in definitions.enumerated() {
            if let first = firstIndex[rule.id] {
                let original = definitions[first]
                diagnostics.append(
                    Diagnostic(
                        code: .duplicateRuleID, severity: .error, message: "rule id '\(rule.id)' is used twice", file: file.path,
                        ruleID: rule.id, location: rule.location,
                        notes: [DiagnosticNote(message: "first defined here", ruleID: original.id, location: original.location)]))
            } else {
                firstIndex[rule.id] = index
            }
        }
        // Parse every query (in parallel: parsing is pure and dominates large files).
        var parsed: [QueryNode?] = []
        for (index, rule) in definitions.enumerated() {
            let result = parses[index]
            diagnostics.append(contentsOf: result.diagnostics.map { $0.located(in: rule, file: file.path) })
            if let node = result.node { compileRegexes(in: node, rule: index) }
            parsed.append(result.node)
        }
        // Resolve references.
        var references: [[Int]] = Array(repeating: [], count: definitions.count)
        for (index, node) in parsed.enumerated() {
            guard let node else { continue }
            for reference in node.ruleReferences {
                if let target = firstIndex[reference.id] {
                    references[index].append(target)
                } else {
                    let known = definitions.map(\.id)
                    let suggestion = known.min { editDistance(reference.id, $0) < editDistance(reference.id, $1) }
                    diagnostics.append(
                        Diagnostic(
                            code: .unknownRuleReference, severity: .error, message: "no rule has the id '\(reference.id)'",
                            span: reference.span, help: suggestion.map { "did you mean rule:\($0)?" }
                        ).located(in: definitions[index], file: file.path))
                }
            }
        }
        reportCycles(references, parsed: parsed)
        checkEmptyMention(parsed: parsed, indexByID: firstIndex)
        warnDuplicates(parsed)
        var rules: [PlannedRule] = []
        for (index, node) in parsed.enumerated() {
            guard let node else { continue }
            rules.append(
                PlannedRule(id: definitions[index].id, index: index, definition: definitions[index], query: node, references: references[index]))
        }
        return rules
    }

    /// Compiles each regex of a query; PCRE2's error becomes a diagnostic at its offset.
    mutating func compileRegexes(in node: QueryNode, rule index: Int) {
        let rule = file.rules[index]
        for regex in node.regexes {
            do {
                let compiled = try CompiledRegex(pattern: regex.pattern, flags: RegexFlags(regex.flags), limits: configuration.regexLimits)
                regexes[PlannedRuleSet.RegexKey(rule: index, offset: regex.span.start.offset)] = compiled
                let literal = RegexLiteralAnalysis.longestRequiredLiteral(pattern: regex.pattern, flags: RegexFlags(regex.flags))
                if (literal?.count ?? 0) < 3 {
                    diagnostics.append(
                        Diagnostic(
                            code: .regexWithoutLiteral, severity: .warning,
                            message: "this regex has no literal of 3+ characters: it runs on every mention", span: regex.span,
                            help: "AND it with a word the matches must contain, so presearch can skip most mentions"
                        ).located(in: rule, file: file.path))
                }
            } catch {
                let start = regex.patternStart
                // PCRE2's offset is in bytes of the pattern; map it onto the query (escaped `\/` aside).
                let column = start.column + String(decoding: Array(regex.pattern.utf8).prefix(error.offset), as: UTF8.self).count
                let position = SourcePosition(offset: start.offset + error.offset, line: start.line, column: column)
                diagnostics.append(
                    Diagnostic(
                        code: .invalidRegex, severity: .error, message: "PCRE2: \(error.message) (at offset \(error.offset))",
                        span: SourceSpan(start: position, end: SourcePosition(offset: position.offset + 1, line: position.line, column: position.column + 1))
                    ).located(in: rule, file: file.path))
            }
        }
    }

    /// Every rule on a reference cycle gets an error naming the whole cycle.
    /// Longest chain of `rule:` references allowed (deeper chains would make evaluation recurse
    /// too deeply on hostile files).
    static let maxReferenceDepth = 64

    /// Reports reference cycles (every rule on one) and over-long reference chains. Iterative
    /// depth-first search, so a hostile file cannot overflow the stack here either.
    mutating func reportCycles(_ references: [[Int]], parsed: [QueryNode?]) {
        enum Mark { case none, visiting, done }
        var marks = Array(repeating: Mark.none, count: references.count)
        var depth = Array(repeating: 0, count: references.count)
        var reported = Set<Int>()
        var tooDeep: [Int] = []
        for root in references.indices where marks[root] == .none {
            // Each frame: a rule and how many of its references were already followed.
            var frames: [(rule: Int, next: Int)] = [(root, 0)]
            var path: [Int] = [root]
            marks[root] = .visiting
            while let frame = frames.last {
                let targets = references[frame.rule]
                if frame.next < targets.count {
                    frames[frames.count - 1].next += 1
                    let target = targets[frame.next]
                    if marks[target] == .visiting, let start = path.firstIndex(of: target) {
                        report(Array(path[start...]), parsed: parsed, reported: &reported)
                    } else if marks[target] == .none {
                        marks[target] = .visiting
                        frames.append((target, 0))
                        path.append(target)
                    }
                    continue
                }
                frames.removeLast()
                path.removeLast()
                marks[frame.rule] = .done
                depth[frame.rule] = 1 + (targets.map { depth[$0] }.max() ?? 0)
                if depth[frame.rule] > Self.maxReferenceDepth {
                    unevaluable.insert(frame.rule)
                    if depth[frame.rule] == Self.maxReferenceDepth + 1 { tooDeep.append(frame.rule) }
                }
            }
        }
        for index in tooDeep where !reported.contains(index) {
            diagnostics.append(
                Diagnostic(
                    code: .referenceTooDeep, severity: .error,
                    message: "rule references are nested more than \(Self.maxReferenceDepth) levels deep", span: parsed[index]?.span,
                    help: "reference the hub rules directly instead of through long chains"
                ).located(in: file.rules[index], file: file.path))
        }
    }

    mutating func report(_ cycle: [Int], parsed: [QueryNode?], reported: inout Set<Int>) {
        let rules = file.rules
        let names = (cycle + [cycle[0]]).map { rules[$0].id }.joined(separator: " → ")
        for (position, index) in cycle.enumerated() where reported.insert(index).inserted {
            let next = cycle[(position + 1) % cycle.count]
            let span = parsed[index]?.ruleReferences.first { $0.id == rules[next].id }?.span
            let notes = cycle.filter { $0 != index }.map { other in
                DiagnosticNote(message: "also on the cycle", ruleID: rules[other].id, location: rules[other].location)
            }
            diagnostics.append(
                Diagnostic(
                    code: .referenceCycle, severity: .error, message: "rule references form a cycle: \(names)", span: span,
                    help: "a rule cannot depend on itself, directly or through other rules", notes: notes
                ).located(in: rules[index], file: file.path))
        }
    }

    /// rules.md §7/§9: a rule true for the empty mention would match almost everything.
    mutating func checkEmptyMention(parsed: [QueryNode?], indexByID: [String: Int]) {
        let rulesWithErrors = Set(diagnostics.filter { $0.severity == .error }.compactMap(\.ruleID))
        let compiled = regexes
        var checker = EmptyMentionCheck(
            nodes: parsed, ruleIndex: { indexByID[$0] },
            regex: { rule, regex in compiled[PlannedRuleSet.RegexKey(rule: rule, offset: regex.span.start.offset)] })
        for (index, node) in parsed.enumerated() {
            guard let node, !rulesWithErrors.contains(file.rules[index].id), !unevaluable.contains(index) else { continue }
            if checker.isTrue(rule: index) {
                diagnostics.append(
                    Diagnostic(
                        code: .matchesEmptyMention, severity: .error,
                        message: "this query is true for a mention with no text and no fields: it would match almost everything",
                        span: node.span, help: "add a positive term, e.g. 'spotify -job' instead of '-job'"
                    ).located(in: file.rules[index], file: file.path))
            }
        }
    }

    /// Warns when two rules have the same canonical query.
    mutating func warnDuplicates(_ parsed: [QueryNode?]) {
        var seen: [String: Int] = [:]
        for (index, node) in parsed.enumerated() {
            guard let node else { continue }
            let key = node.description
            if let first = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        code: .duplicateRule, severity: .warning, message: "this rule's query is identical to rule '\(file.rules[first].id)'",
                        file: file.path, ruleID: file.rules[index].id, location: file.rules[index].location))
            } else {
                seen[key] = index
            }
        }
    }
}

/// Parses many queries on all cores, returning results in input order.
enum ParallelParse {
    static func parse(_ queries: [String]) -> [QueryParse] {
        let chunkSize = 2_048
        guard queries.count > chunkSize else { return queries.map(QueryParser.parse) }
        let chunkCount = (queries.count + chunkSize - 1) / chunkSize
        let results = Mutex<[Int: [QueryParse]]>([:])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = chunk * chunkSize..<min(queries.count, (chunk + 1) * chunkSize)
            let parsed = queries[range].map(QueryParser.parse)
            results.withLock { $0[chunk] = parsed }
        }
        return results.withLock { all in (0..<chunkCount).flatMap { all[$0] ?? [] } }
    }
}
