import Earshot

/// Renders a ``MentionExplanation`` as text: the mention with matched words highlighted, each
/// matching rule as a tree of its query's parts (✔ held, ✘ did not, with the words found), then
/// each tag and the rule or reason that decided it.
struct ExplanationRenderer {
    /// Use ANSI colour (stdout is a terminal and NO_COLOR is unset).
    let highlight: Bool

    func render(_ explanation: MentionExplanation, ruleCount: Int) -> String {
        let text = explanation.mention.text.nfc
        var lines: [String] = []
        let allSpans = explanation.matchedRules.flatMap { collectSpans($0.explanation) }
        lines.append("mention: " + highlighted(text, allSpans))
        lines.append("")
        lines.append("matching rules: \(explanation.matchedRules.count) of \(ruleCount)")
        var shown = Set<String>()
        for rule in explanation.matchedRules {
            lines.append("  \(rule.id)   \(rule.query)")
            render(rule.explanation, text: text, depth: 2, shown: shown, into: &lines)
            shown.insert(rule.id)
        }
        if let tags = explanation.tags {
            lines.append("")
            lines.append(contentsOf: renderTags(tags, deciding: explanation.decidingIssueRule, text: text))
        } else {
            lines.append("")
            lines.append("tags: none (only matched mentions are tagged)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One node and its operands. Under an OR that holds, only the alternatives that hold are
    /// listed (with a count of the others); a referenced rule already shown above is not
    /// repeated.
    private func render(
        _ node: QueryExplanation, text: String, depth: Int, shown: Set<String>, into lines: inout [String]
    ) {
        let indent = String(repeating: "  ", count: depth)
        let mark = node.holds ? paint("✔", 32) : paint("✘", 31)
        var line = "\(indent)\(mark) \(node.operation.padding(toLength: 6, withPad: " ", startingAt: 0)) \(node.source)"
        let words = node.spans.prefix(8).map { "\"" + slice(text, $0) + "\"" }
        if !words.isEmpty { line += "   → " + words.joined(separator: ", ") + (node.spans.count > 8 ? ", …" : "") }
        if node.operation == "rule", let id = referencedID(node), shown.contains(id) {
            lines.append(line + "   (rule \(id), shown above)")
            return
        }
        lines.append(line)
        var children = node.children
        if node.operation == "OR", node.holds {
            children = node.children.filter(\.holds)
            let others = node.children.count - children.count
            if others > 0 {
                lines.append("\(indent)  … \(others) other alternative\(others == 1 ? "" : "s") did not match")
            }
        }
        for child in children { render(child, text: text, depth: depth + 1, shown: shown, into: &lines) }
    }

    private func referencedID(_ node: QueryExplanation) -> String? {
        guard node.source.lowercased().hasPrefix("rule:") else { return nil }
        return String(node.source.dropFirst(5))
    }

    private func renderTags(_ tags: MentionTags, deciding: MentionExplanation.MatchedRule?, text: String) -> [String] {
        var lines: [String] = []
        switch tags.issue.source {
        case .userRule(let rule):
            lines.append("issue_type: \(tags.issue.issueType)   (tags.issue_type of matching rule `\(rule)`, which takes precedence over the issue pack)")
        case .packRule(let rule):
            lines.append("issue_type: \(tags.issue.issueType)   (issue-pack rule `\(rule)`)")
        case .noRule:
            lines.append("issue_type: none   (no issue-pack rule matched)")
        }
        let others = tags.issue.packHits.dropFirst().map { "\($0.rule) (\($0.issueType))" }
        if !others.isEmpty {
            let order = IssueType.tieBreakOrder.map(\.rawValue).joined(separator: " > ")
            lines.append("  also matched: \(others.joined(separator: ", ")); tie-break order: \(order)")
        }
        if let deciding {
            lines.append("  \(deciding.id)   \(deciding.query)")
            render(deciding.explanation, text: text, depth: 2, shown: [], into: &lines)
        }
        let score = tags.sentiment
        var sentiment = "sentiment: \(score.label.rawValue)   (compound \(score.compound), pos \(score.positive), neu \(score.neutral), neg \(score.negative)"
        sentiment += score.languageSupported ? ")" : "; language not supported: only emoji count)"
        lines.append(sentiment)
        lines.append("kind: \(tags.kind.rawValue)   (\(kindReason(tags.kind)))")
        lines.append("needs_response: \(tags.response.needsResponse)   (\(responseReason(tags)))")
        if let priority = tags.computedPriority {
            lines.append("priority: \(priority.rawValue)   (\(priority == .high ? "outage, or a negative direct account/billing mention" : "not an outage nor a negative direct account/billing mention"))")
        } else {
            lines.append("priority: set by a matching rule's tags")
        }
        return lines
    }

    private func kindReason(_ kind: MentionKind) -> String {
        switch kind {
        case .repost: "a retweet or quote"
        case .direct: "replies to the handle or names it with @"
        case .reply: "a reply, not to the handle"
        case .mention: "names the brand without addressing the handle"
        }
    }

    private func responseReason(_ tags: MentionTags) -> String {
        switch tags.response.reason {
        case .ruleTag(let rule): "needs_response tag of rule `\(rule)`"
        case .repost: "reposts are never answered"
        case .writtenByHandle: "written by the handle itself"
        case .direct: "addressed to the handle"
        case .issueNotPositive: "issue type \(tags.issue.issueType) and sentiment not positive"
        case .issueButPositive: "issue type \(tags.issue.issueType) but sentiment positive"
        case .noIssue: "no issue and not addressed to the handle"
        }
    }

    private func collectSpans(_ node: QueryExplanation) -> [Range<Int>] {
        guard node.holds else { return [] }
        if node.operation == "NOT" { return [] }
        return node.spans + node.children.flatMap(collectSpans)
    }

    /// The text with the spans in bold yellow (terminal) or in [brackets] (otherwise).
    private func highlighted(_ text: String, _ spans: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        var marked = [Bool](repeating: false, count: bytes.count)
        for span in spans where span.lowerBound >= 0 && span.upperBound <= bytes.count {
            for i in span { marked[i] = true }
        }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            var j = i
            while j < bytes.count, marked[j] == marked[i] { j += 1 }
            let piece = Array(bytes[i..<j])
            if marked[i] {
                out += Array((highlight ? "\u{1B}[1;33m" : "[").utf8) + piece + Array((highlight ? "\u{1B}[0m" : "]").utf8)
            } else {
                out += piece
            }
            i = j
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func slice(_ text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private func paint(_ mark: String, _ color: Int) -> String {
        highlight ? "\u{1B}[\(color)m\(mark)\u{1B}[0m" : mark
    }
}
