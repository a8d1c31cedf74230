import EarshotStream

/// The fast way to read a report line: one validating pass over the bytes that notes where the
/// few needed members are (``FieldTree/scan(_:)``), then only those are turned into strings.
/// No ``JSONValue`` tree is built.
///
/// It covers the `x-v2` and `generic` presets without `--text-field`, `--field` or
/// `--time-field`. It gives the same record as the ``JSONValue`` path of ``ReportReader`` for
/// every line it accepts, and declines (returns `nil`) the unusual ones: invalid JSON, a
/// top level that is not an object, a watched member name written with escapes, an `includes`
/// that is an array. The caller reads those with ``JSONParser``, so every odd case keeps the
/// full parser's meaning.
struct ScannedReader: Sendable {
    /// Which preset's members the slots point at.
    enum Layout: Sendable { case xV2, generic }

    let layout: Layout
    let tree: FieldTree
    /// Finds the author's username in `includes.users`.
    let userLookup = ScannedUsers()
    let handle: String
    // Slots in `tree` (-1: the layout has no such member).
    let note, rules, issueType, sentimentLabel, kind, needsResponse: Int
    let time, text, noteTweetText, authorID, author, id, url, conversation, includes, users: Int

    /// A reader for this mapping, or `nil` when the mapping needs the full parser.
    init?(mapping: FieldMapping, annotationKey: String, timePath: [String]?, handle: String) {
        guard timePath == nil, mapping.textFields.isEmpty, mapping.fieldOverrides.isEmpty else { return nil }
        let annotation = [["rules"], ["issue_type"], ["sentiment", "label"], ["kind"], ["needs_response"]]
        var own: [[String]]
        switch mapping.preset {
        case .xV2:
            layout = .xV2
            own = [["data", "created_at"], ["data", "text"], ["data", "note_tweet", "text"], ["data", "author_id"],
                ["data", "id"], ["data", "conversation_id"], ["includes", "users"]]
        case .generic:
            layout = .generic
            own = [["created_at"], ["text"], ["author"], ["id"], ["url"], ["conversation_id"]]
        case .reddit:
            return nil
        }
        // The annotation must not share a top-level member with the preset's own fields.
        guard !own.contains(where: { $0.first == annotationKey }) else { return nil }
        own += annotation.map { [annotationKey] + $0 }
        let tree = FieldTree(paths: own)
        self.tree = tree
        self.handle = handle
        note = tree.slot([annotationKey])
        rules = tree.slot([annotationKey, "rules"])
        issueType = tree.slot([annotationKey, "issue_type"])
        sentimentLabel = tree.slot([annotationKey, "sentiment", "label"])
        kind = tree.slot([annotationKey, "kind"])
        needsResponse = tree.slot([annotationKey, "needs_response"])
        switch layout {
        case .xV2:
            time = tree.slot(["data", "created_at"])
            text = tree.slot(["data", "text"])
            noteTweetText = tree.slot(["data", "note_tweet", "text"])
            authorID = tree.slot(["data", "author_id"])
            author = -1
            id = tree.slot(["data", "id"])
            url = -1
            conversation = tree.slot(["data", "conversation_id"])
            includes = tree.slot(["includes"])
            users = tree.slot(["includes", "users"])
        case .generic:
            time = tree.slot(["created_at"])
            text = tree.slot(["text"])
            noteTweetText = -1
            authorID = -1
            author = tree.slot(["author"])
            id = tree.slot(["id"])
            url = tree.slot(["url"])
            conversation = tree.slot(["conversation_id"])
            includes = -1
            users = -1
        }
    }

    /// One line → a record or why it was skipped; `nil` when the line needs the full parser.
    func read(_ line: UnsafeBufferPointer<UInt8>) -> Result<(ReportRecord, hadOffset: Bool), SkipReason>? {
        guard let fields = tree.scan(line) else { return nil }
        guard fields[note].kind == .object else { return .failure(.notAnnotated) }
        let timeValue = fields[time]
        guard timeValue.kind != .missing else { return .failure(.noTimestamp) }
        guard let timestamp = Self.timestamp(timeValue, in: line) else { return .failure(.badTimestamp) }
        guard let mention = mention(fields, in: line) else { return nil }
        var ruleIDs: [String] = []
        FieldTree.forEachElement(of: fields[rules], in: line) { element in
            if let rule = element.string(in: line) { ruleIDs.append(rule) }
        }
        let link: ReportLink?
        switch layout {
        case .xV2:
            if let id = mention.id, let user = mention.author { link = .xStatus(user: user, id: id) } else { link = nil }
        case .generic:
            link = fields[url].scalarText(in: line).map(ReportLink.given)
        }
        let record = ReportRecord(
            time: timestamp.seconds, id: mention.id, link: link, author: mention.author, text: mention.text,
            matched: !ruleIDs.isEmpty || fields[issueType].kind != .missing, rules: ruleIDs,
            issueType: fields[issueType].scalarText(in: line), sentiment: fields[sentimentLabel].string(in: line),
            kind: fields[kind].scalarText(in: line), needsResponse: fields[needsResponse].boolValue,
            conversationID: fields[conversation].mentionID(in: line),
            byHandle: mention.author.map { $0.lowercased() == handle } ?? false)
        return .success((record, timestamp.hadOffset))
    }

    /// What the report uses of a ``Mention``; all empty when the preset would reject the
    /// mention (no text), as the ``JSONValue`` path's `Mention(texts: [])`.
    struct MentionFields {
        var text = ""
        var id: MentionID?
        var author: String?
    }

    /// The mention's fields, or `nil` when the line needs the full parser.
    private func mention(_ fields: ScannedFields, in line: UnsafeBufferPointer<UInt8>) -> MentionFields? {
        let noteTweet = fields[noteTweetText]
        let textValue = noteTweet.kind != .missing ? noteTweet : fields[text]
        guard let body = textValue.string(in: line) else { return MentionFields() }
        var result = MentionFields(text: body, id: fields[id].mentionID(in: line))
        switch layout {
        case .xV2:
            let authorID = fields[authorID].scalarText(in: line)
            guard
                let (found, _) = userLookup.usernames(
                    of: authorID, nil, includes: fields[includes], users: fields[users], in: line)
            else { return nil }
            result.author = found ?? authorID
        case .generic:
            result.author = fields[author].scalarText(in: line).map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        }
        return result
    }

    private static func timestamp(_ value: ScannedValue, in line: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        switch value.kind {
        case .string: return value.plainContent(in: line).flatMap(Timestamp.parse(utf8:))
        case .escapedString: return value.string(in: line).flatMap(Timestamp.parse)
        case .number:
            if case .number(let number)? = value.parsed(in: line) { return Timestamp.epoch(number) }
            return nil
        default: return nil
        }
    }
}
