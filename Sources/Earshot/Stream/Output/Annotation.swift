import EarshotTagging

/// Writes the annotation object of stream.md "Output".
///
/// For a matched mention:
/// `{"rules":["crash","brand"],"tags":{"issue_type":"app_crash_bug","priority":"high"},
/// "issue_type":"app_crash_bug","sentiment":{"label":"negative","compound":-0.6249},
/// "kind":"direct","needs_response":true}` (tags of all matching rules merged in rules-file
/// order, the first rule to set a key wins, then the computed `priority` unless a rule set it;
/// the tagging members only when tagging is on), plus `"spans":{"crash":[[0,7]]}` with
/// `--spans`. For no match: `{"rules":[]}`. `earshot tag` writes the same without `rules`.
package struct AnnotationWriter: Sendable {
    /// Rule ids by index.
    let ruleIDs: [String]
    /// Rule tags by index.
    let ruleTags: [[(key: String, value: String)]]
    /// Whether to write spans.
    let includeSpans: Bool
    /// Whether to add `pos`, `neu`, `neg` to the sentiment (`--sentiment-detail`).
    let sentimentDetail: Bool
    /// `earshot tag`: no `rules` member.
    let omitRules: Bool

    package init(
        ruleIDs: [String], ruleTags: [[(key: String, value: String)]], includeSpans: Bool,
        sentimentDetail: Bool = false, omitRules: Bool = false
    ) {
        self.ruleIDs = ruleIDs
        self.ruleTags = ruleTags
        self.includeSpans = includeSpans
        self.sentimentDetail = sentimentDetail
        self.omitRules = omitRules
    }

    /// Appends the annotation object for `match` (and its tags, when tagged) to `out`.
    package func append(_ match: MentionMatch, tags: MentionTags? = nil, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if !omitRules {
            out.append(contentsOf: #""rules":["#.utf8)
            for (n, index) in match.ruleIndices.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendString(ruleIDs[index], to: &out)
            }
            out.append(UInt8(ascii: "]"))
            guard !match.ruleIndices.isEmpty || tags != nil else {
                out.append(UInt8(ascii: "}"))
                return
            }
            out.append(UInt8(ascii: ","))
        }
        appendTags(of: match.ruleIndices, computedPriority: tags?.computedPriority, to: &out)
        if let tags { appendTagging(tags, to: &out) }
        if includeSpans, !omitRules { appendSpans(match, to: &out) }
        out.append(UInt8(ascii: "}"))
    }

    /// The merged tags of the matching rules, first rule wins per key.
    package func mergedTags(of indices: [Int]) -> [(key: String, value: String)] {
        var seen = Set<String>()
        var merged: [(key: String, value: String)] = []
        for index in indices {
            for tag in ruleTags[index] where seen.insert(tag.key).inserted {
                merged.append(tag)
            }
        }
        return merged
    }

    private func appendTags(of indices: [Int], computedPriority: Priority?, to out: inout [UInt8]) {
        out.append(contentsOf: #""tags":{"#.utf8)
        var tags = mergedTags(of: indices)
        if let computedPriority, !tags.contains(where: { $0.key == Priority.tagKey }) {
            tags.append((Priority.tagKey, computedPriority.rawValue))
        }
        for (n, tag) in tags.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(tag.key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendString(tag.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `"issue_type":…,"sentiment":{…},"kind":…,"needs_response":…`.
    private func appendTagging(_ tags: MentionTags, to out: inout [UInt8]) {
        out.append(contentsOf: #","issue_type":"#.utf8)
        JSONText.appendString(tags.issue.issueType.rawValue, to: &out)
        out.append(contentsOf: #","sentiment":{"label":"#.utf8)
        JSONText.appendString(tags.sentiment.label.rawValue, to: &out)
        out.append(contentsOf: #","compound":"#.utf8)
        JSONText.appendDecimal(tags.sentiment.compound, to: &out)
        if sentimentDetail {
            for (key, value) in [("pos", tags.sentiment.positive), ("neu", tags.sentiment.neutral), ("neg", tags.sentiment.negative)] {
                out.append(contentsOf: ",\"\(key)\":".utf8)
                JSONText.appendDecimal(value, to: &out)
            }
        }
        if !tags.sentiment.languageSupported {
            out.append(contentsOf: #","lang_supported":false"#.utf8)
        }
        out.append(contentsOf: #"},"kind":"#.utf8)
        JSONText.appendString(tags.kind.rawValue, to: &out)
        out.append(contentsOf: #","needs_response":"#.utf8)
        out.append(contentsOf: (tags.response.needsResponse ? "true" : "false").utf8)
    }

    private func appendSpans(_ match: MentionMatch, to out: inout [UInt8]) {
        out.append(contentsOf: #","spans":{"#.utf8)
        for (n, index) in match.ruleIndices.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(ruleIDs[index], to: &out)
            out.append(contentsOf: ":[".utf8)
            for (m, range) in (match.spans[index] ?? []).enumerated() {
                if m > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                JSONText.appendInt(range.lowerBound, to: &out)
                out.append(UInt8(ascii: ","))
                JSONText.appendInt(range.upperBound, to: &out)
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }
}
