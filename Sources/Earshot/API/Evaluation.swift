/// The scores of the taggers on a labeled set (what `earshot eval` prints): issue type,
/// needs_response, kind, and sentiment with the support overlay on and off.
///
/// Every item is tagged as `earshot tag` would tag it (no matching rules), so the figures
/// measure the taggers themselves.
///
/// ```swift
/// let set = try LabeledSet(jsonl: bytes)
/// let result = Evaluation(set: set, split: "test", tagger: try TaggingSetup().makeTagger())
/// result.issueType.macroF1
/// ```
public struct Evaluation: Sendable {
    /// How many items were scored.
    public let count: Int
    /// Issue type, over the items with an `issue_type` label.
    public let issueType: ClassificationReport
    /// needs_response (`true`/`false`), over the items with that label.
    public let needsResponse: ClassificationReport
    /// kind, over the items with that label.
    public let kind: ClassificationReport
    /// Sentiment with the tagger's lexicon.
    public let sentiment: ClassificationReport
    /// Sentiment with the other lexicon (overlay off when the tagger's is on, and vice versa).
    public let sentimentOtherLexicon: ClassificationReport

    /// Scores `tagger` on the items of `split` (`nil`: every item).
    public init(set: LabeledSet, split: String?, tagger: Tagger) {
        let items = set.items.filter { split == nil || $0.split == split }
        let other = SentimentScorer(lexicon: tagger.sentiment.lexicon == .vader ? .vaderWithSupportOverlay : .vader)
        var issue = ([String](), [String]())
        var response = ([String](), [String]())
        var kinds = ([String](), [String]())
        var sentiment = ([String](), [String]())
        var otherSentiment = ([String](), [String]())
        for item in items {
            let analyzed = AnalyzedMention(item.mention)
            let tags = tagger.tag(analyzed)
            if let gold = item.issueType { issue.0.append(gold); issue.1.append(tags.issue.issueType.rawValue) }
            if let gold = item.needsResponse {
                response.0.append(String(gold))
                response.1.append(String(tags.response.needsResponse))
            }
            if let gold = item.kind { kinds.0.append(gold); kinds.1.append(tags.kind.rawValue) }
            if let gold = item.sentiment {
                sentiment.0.append(gold)
                sentiment.1.append(tags.sentiment.label.rawValue)
                let text = item.mention.texts.joined(separator: "\n")
                otherSentiment.0.append(gold)
                otherSentiment.1.append(other.score(text, lang: item.mention.lang).label.rawValue)
            }
        }
        let sentimentOrder = ["positive", "neutral", "negative"]
        self.count = items.count
        self.issueType = ClassificationReport(
            gold: issue.0, predicted: issue.1, labelOrder: IssueType.tieBreakOrder.map(\.rawValue))
        self.needsResponse = ClassificationReport(gold: response.0, predicted: response.1, labelOrder: ["true", "false"])
        self.kind = ClassificationReport(
            gold: kinds.0, predicted: kinds.1, labelOrder: MentionKind.allCases.map(\.rawValue))
        self.sentiment = ClassificationReport(gold: sentiment.0, predicted: sentiment.1, labelOrder: sentimentOrder)
        self.sentimentOtherLexicon = ClassificationReport(
            gold: otherSentiment.0, predicted: otherSentiment.1, labelOrder: sentimentOrder)
    }
}
