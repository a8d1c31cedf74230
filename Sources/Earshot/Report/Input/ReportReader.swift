import EarshotStream
import EarshotText

/// Reads annotated JSONL lines (the output of `earshot match` or `earshot tag`, any preset) into
/// ``ReportRecord``s.
///
/// Time comes from the preset's `created_at` (X v2: `data.created_at`; Reddit: `created_utc`
/// epoch seconds) or from `--time-field PATH`. Links: X v2 mentions get
/// `https://x.com/<username>/status/<id>`; other inputs use a top-level `url` (or Reddit's
/// `permalink`).
package struct ReportReader: Sendable {
    package let mapping: FieldMapping
    package let annotationKey: String
    package let timePath: [String]?
    package let handle: String

    /// The members a report needs; the rest of each line is validated and skipped.
    private(set) var keep: JSONKeep
    /// The fast path for the common presets (``ScannedReader``); `nil` when the options need
    /// the full parser for every line.
    private(set) var scanned: ScannedReader?

    package init(mapping: FieldMapping, annotationKey: String = "earshot", timePath: [String]? = nil, handle: String) {
        self.mapping = mapping
        self.annotationKey = annotationKey
        self.timePath = timePath
        self.handle = handle.hasPrefix("@") ? String(handle.dropFirst()).lowercased() : handle.lowercased()
        var extra: [[String]] = [["url"], ["permalink"], ["conversation_id"], ["created_utc"], ["created_at"]]
        if mapping.preset == .xV2 { extra = [["conversation_id"]] }
        var keep = mapping.keepTree(
            fieldPaths: extra, annotationKey: annotationKey,
            annotationPaths: [["rules"], ["issue_type"], ["sentiment", "label"], ["kind"], ["needs_response"]])
        if let timePath { keep = JSONKeep(merging: keep, path: timePath) }
        self.keep = keep
        scanned = ScannedReader(mapping: mapping, annotationKey: annotationKey, timePath: timePath, handle: self.handle)
    }

    /// The same reader with its own copy of the keep tree: worker threads that share one tree
    /// spend their time fighting over its reference counts.
    package func copyForWorker() -> ReportReader {
        var copy = self
        copy.keep = JSONKeep(paths: keep.paths)
        copy.scanned = ScannedReader(mapping: mapping, annotationKey: annotationKey, timePath: timePath, handle: handle)
        return copy
    }

    /// One line → a record, or why it was skipped (and whether its timestamp had an offset).
    package func read(_ line: [UInt8]) -> Result<(ReportRecord, hadOffset: Bool), SkipReason> {
        line.withUnsafeBufferPointer { read($0) }
    }

    /// One line given as bytes valid during the call.
    package func read(_ line: UnsafeBufferPointer<UInt8>) -> Result<(ReportRecord, hadOffset: Bool), SkipReason> {
        if let scanned, let result = scanned.read(line) { return result }
        return readParsed(line)
    }

    /// The same as ``read(_:)`` through a ``JSONValue`` tree: every option, every odd line.
    package func readParsed(_ line: [UInt8]) -> Result<(ReportRecord, hadOffset: Bool), SkipReason> {
        line.withUnsafeBufferPointer { readParsed($0) }
    }

    /// ``readParsed(_:)`` over bytes valid during the call.
    package func readParsed(_ line: UnsafeBufferPointer<UInt8>) -> Result<(ReportRecord, hadOffset: Bool), SkipReason> {
        guard let root = try? JSONParser.parse(line, keeping: keep).value, case .object(let members) = root else {
            return .failure(.invalidJSON)
        }
        guard case .object(let note)? = members[annotationKey] else { return .failure(.notAnnotated) }
        guard let timeValue = timeValue(root) else { return .failure(.noTimestamp) }
        let timestamp: Timestamp?
        switch timeValue {
        case .string(let text): timestamp = Timestamp.parse(text)
        case .number(let number): timestamp = Timestamp.epoch(number)
        default: timestamp = nil
        }
        guard let timestamp else { return .failure(.badTimestamp) }
        let mention = (try? mapping.mention(from: root)) ?? Mention(texts: [])
        var rules: [String] = []
        if case .array(let ids)? = note["rules"] {
            rules = ids.compactMap { if case .string(let id) = $0 { return id } else { return nil } }
        }
        var sentiment: String?
        if case .object(let score)? = note["sentiment"], case .string(let label)? = score["label"] { sentiment = label }
        let author = mention.author
        let record = ReportRecord(
            time: timestamp.seconds, id: mention.id.map(MentionID.init), link: link(root, mention: mention), author: author,
            text: mention.texts.joined(separator: " "), matched: !rules.isEmpty || note["issue_type"] != nil,
            rules: rules, issueType: note["issue_type"]?.scalarText, sentiment: sentiment,
            kind: note["kind"]?.scalarText, needsResponse: note["needs_response"].flatMap(ReportReader.bool),
            conversationID: conversation(root).map(MentionID.init), byHandle: author.map { $0.lowercased() == handle } ?? false)
        return .success((record, timestamp.hadOffset))
    }

    private func timeValue(_ root: JSONValue) -> JSONValue? {
        if let timePath { return root.member(atPath: timePath) }
        switch mapping.preset {
        case .xV2: return root.member(atPath: ["data", "created_at"])
        case .reddit: return root.member(atPath: ["created_utc"]) ?? root.member(atPath: ["created_at"])
        case .generic: return root.member(atPath: ["created_at"])
        }
    }

    private func link(_ root: JSONValue, mention: Mention) -> ReportLink? {
        switch mapping.preset {
        case .xV2:
            guard let id = mention.id, let user = mention.author else { return nil }
            return .xStatus(user: user, id: MentionID(id))
        case .reddit:
            if let permalink = root.member(atPath: ["permalink"])?.scalarText { return .given("https://www.reddit.com" + permalink) }
            return root.member(atPath: ["url"])?.scalarText.map(ReportLink.given)
        case .generic:
            return root.member(atPath: ["url"])?.scalarText.map(ReportLink.given)
        }
    }

    private func conversation(_ root: JSONValue) -> String? {
        switch mapping.preset {
        case .xV2: return root.member(atPath: ["data", "conversation_id"])?.scalarText
        default: return root.member(atPath: ["conversation_id"])?.scalarText
        }
    }

    static func bool(_ value: JSONValue) -> Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }
}
