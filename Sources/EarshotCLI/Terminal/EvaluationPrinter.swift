import Earshot

/// Formats an ``Evaluation`` as a text report or one JSON document.
enum EvaluationPrinter {
    static func text(_ result: Evaluation, file: String, split: String, lexicon: SentimentLexiconChoice) -> String {
        var lines = ["labeled set: \(file), split \(split): \(result.count) mentions", ""]
        let issue = result.issueType
        lines.append("issue type (\(issue.total) labeled)")
        lines.append("  " + pad("label", 27) + pad("gold", 6, right: true) + pad("pred", 6, right: true)
            + pad("prec", 7, right: true) + pad("recall", 8, right: true) + pad("f1", 7, right: true))
        for label in issue.labels {
            lines.append("  " + pad(label, 27) + pad("\(issue.support(of: label))", 6, right: true)
                + pad("\(issue.predictedCount(of: label))", 6, right: true) + pad(fmt(issue.precision(of: label)), 7, right: true)
                + pad(fmt(issue.recall(of: label)), 8, right: true) + pad(fmt(issue.f1(of: label)), 7, right: true))
        }
        lines.append("  macro-F1 \(fmt(issue.macroF1))   accuracy \(fmt(issue.accuracy))")
        lines.append("")
        lines.append("confusion matrix (rows: gold, columns: predicted, in the order above)")
        for (row, label) in issue.labels.enumerated() {
            lines.append("  " + pad(label, 27) + issue.confusion[row].map { pad("\($0)", 4, right: true) }.joined())
        }
        lines.append("")
        lines.append("needs_response accuracy \(fmt(result.needsResponse.accuracy)) (\(result.needsResponse.total) labeled)")
        lines.append("kind accuracy \(fmt(result.kind.accuracy)) (\(result.kind.total) labeled)")
        let (on, off) = lexicon == .support
            ? (result.sentiment, result.sentimentOtherLexicon) : (result.sentimentOtherLexicon, result.sentiment)
        lines.append("sentiment, support overlay on:  accuracy \(fmt(on.accuracy)), macro-F1 \(fmt(on.macroF1)) (\(on.total) labeled)")
        lines.append("sentiment, VADER alone:         accuracy \(fmt(off.accuracy)), macro-F1 \(fmt(off.macroF1))")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ result: Evaluation, file: String, split: String, lexicon: SentimentLexiconChoice) -> String {
        let issue = result.issueType
        let perLabel = issue.labels.map { label in
            "\(quoted(label)):{\"support\":\(issue.support(of: label)),\"predicted\":\(issue.predictedCount(of: label)),"
                + "\"precision\":\(fmt(issue.precision(of: label))),\"recall\":\(fmt(issue.recall(of: label))),\"f1\":\(fmt(issue.f1(of: label)))}"
        }.joined(separator: ",")
        let matrix = issue.confusion.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
        let (on, off) = lexicon == .support
            ? (result.sentiment, result.sentimentOtherLexicon) : (result.sentimentOtherLexicon, result.sentiment)
        return "{\"file\":\(quoted(file)),\"split\":\(quoted(split)),\"count\":\(result.count),"
            + "\"issue_type\":{\"macro_f1\":\(fmt(issue.macroF1)),\"accuracy\":\(fmt(issue.accuracy)),\"labels\":{\(perLabel)},"
            + "\"confusion\":{\"labels\":[\(issue.labels.map(quoted).joined(separator: ","))],\"matrix\":[\(matrix)]}},"
            + "\"needs_response\":{\"accuracy\":\(fmt(result.needsResponse.accuracy)),\"count\":\(result.needsResponse.total)},"
            + "\"kind\":{\"accuracy\":\(fmt(result.kind.accuracy)),\"count\":\(result.kind.total)},"
            + "\"sentiment\":{\"support_overlay\":{\"accuracy\":\(fmt(on.accuracy)),\"macro_f1\":\(fmt(on.macroF1))},"
            + "\"vader\":{\"accuracy\":\(fmt(off.accuracy)),\"macro_f1\":\(fmt(off.macroF1))}}}\n"
    }

    private static func fmt(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return String(format3: scaled)
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension String {
    /// A number in [0, 1] with exactly three decimals, e.g. `0.857`.
    init(format3 value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000
        let fraction = thousandths % 1000
        let digits = String(fraction)
        self = "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
    }
}
