/// Writes the annotation object of stream.md "Output".
///
/// For a matched mention: `{"rules":["crash","brand"],"tags":{"issue_type":"app_crash_bug"}}`
/// (tags of all matching rules merged in rules-file order; the first rule to set a key wins),
/// plus `"spans":{"crash":[[0,7]]}` with `--spans`. For no match: `{"rules":[]}`.
package struct AnnotationWriter: Sendable {
    /// Rule ids by index.
    let ruleIDs: [String]
    /// Rule tags by index.
    let ruleTags: [[(key: String, value: String)]]
    /// Whether to write spans.
    let includeSpans: Bool

    package init(ruleIDs: [String], ruleTags: [[(key: String, value: String)]], includeSpans: Bool) {
        self.ruleIDs = ruleIDs
        self.ruleTags = ruleTags
        self.includeSpans = includeSpans
    }

    /// Appends the annotation object for `match` to `out`.
    package func append(_ match: MentionMatch, to out: inout [UInt8]) {
        out.append(contentsOf: Array(#"{"rules":["#.utf8))
        for (n, index) in match.ruleIndices.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(ruleIDs[index], to: &out)
        }
        out.append(UInt8(ascii: "]"))
        guard !match.ruleIndices.isEmpty else {
            out.append(UInt8(ascii: "}"))
            return
        }
        appendTags(of: match.ruleIndices, to: &out)
        if includeSpans { appendSpans(match, to: &out) }
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

    private func appendTags(of indices: [Int], to out: inout [UInt8]) {
        out.append(contentsOf: Array(#","tags":{"#.utf8))
        for (n, tag) in mergedTags(of: indices).enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(tag.key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendString(tag.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private func appendSpans(_ match: MentionMatch, to out: inout [UInt8]) {
        out.append(contentsOf: Array(#","spans":{"#.utf8))
        for (n, index) in match.ruleIndices.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(ruleIDs[index], to: &out)
            out.append(contentsOf: Array(":[".utf8))
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
