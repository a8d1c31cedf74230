/// Precision, recall, F1, macro-F1, accuracy and the confusion matrix of one labeling task
/// (issue type, sentiment, needs_response), from gold and predicted labels.
///
/// Macro-F1 averages the F1 of every label that occurs in the gold or the predicted labels (the
/// usual definition, as in scikit-learn's default); a label with no gold and no predicted
/// occurrence is left out rather than counted as 0 or 1.
///
/// ```swift
/// let report = ClassificationReport(gold: ["a", "b", "b"], predicted: ["a", "b", "a"])
/// report.accuracy   // 0.666…
/// report.f1(of: "b")   // 0.666…
/// ```
public struct ClassificationReport: Sendable, Hashable {
    /// The labels, in the given order, then any others in order of first appearance.
    public let labels: [String]
    /// `confusion[g][p]`: how many mentions with gold label `labels[g]` were predicted `labels[p]`.
    public let confusion: [[Int]]

    /// - Parameter labelOrder: the order to list labels in (e.g. the taxonomy); labels not in
    ///   it follow in order of first appearance.
    public init(gold: [String], predicted: [String], labelOrder: [String] = []) {
        precondition(gold.count == predicted.count, "one prediction per gold label")
        var labels: [String] = []
        var seen = Set<String>()
        for label in labelOrder + gold + predicted where seen.insert(label).inserted { labels.append(label) }
        let used = Set(gold).union(predicted)
        labels = labels.filter { used.contains($0) }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (g, p) in zip(gold, predicted) {
            if let gi = index[g], let pi = index[p] { confusion[gi][pi] += 1 }
        }
        self.labels = labels
        self.confusion = confusion
    }

    /// Number of labeled items.
    public var total: Int { confusion.joined().reduce(0, +) }
    /// Items predicted correctly.
    public var correct: Int { labels.indices.reduce(0) { $0 + confusion[$1][$1] } }
    /// correct / total (0 for an empty set).
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Items whose gold label is `label`.
    public func support(of label: String) -> Int {
        labels.firstIndex(of: label).map { confusion[$0].reduce(0, +) } ?? 0
    }

    /// Items predicted as `label`.
    public func predictedCount(of label: String) -> Int {
        labels.firstIndex(of: label).map { column in confusion.reduce(0) { $0 + $1[column] } } ?? 0
    }

    /// Of the items predicted `label`, the share that are `label` (0 when none were predicted).
    public func precision(of label: String) -> Double {
        guard let i = labels.firstIndex(of: label) else { return 0 }
        let predicted = predictedCount(of: label)
        return predicted == 0 ? 0 : Double(confusion[i][i]) / Double(predicted)
    }

    /// Of the items whose gold label is `label`, the share predicted so (0 when there are none).
    public func recall(of label: String) -> Double {
        guard let i = labels.firstIndex(of: label) else { return 0 }
        let gold = support(of: label)
        return gold == 0 ? 0 : Double(confusion[i][i]) / Double(gold)
    }

    /// The harmonic mean of precision and recall (0 when both are 0).
    public func f1(of label: String) -> Double {
        let p = precision(of: label)
        let r = recall(of: label)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The mean F1 over ``labels``.
    public var macroF1: Double {
        labels.isEmpty ? 0 : labels.map(f1(of:)).reduce(0, +) / Double(labels.count)
    }
}
