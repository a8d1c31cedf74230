import EarshotText

/// One scanned line and the preset mappings over it. Each mapping mirrors its ``JSONValue``
/// preset (``GenericPreset``, ``XV2Preset``, ``RedditPreset``) member for member, and returns
/// `nil` where that preset would reject the line or where a path crosses nested arrays.
struct ScannedLine {
    let line: UnsafeBufferPointer<UInt8>
    let fields: ScannedFields
    /// The reader's slot numbers (plain integers: copying them retains nothing).
    let slots: ScannedMentionReader.Slots
    let elementTrees: ElementTrees

    func genericMention() -> Mention? {
        guard let text = requiredString(fields[slots.text]) else { return nil }
        return Mention(
            text: text, author: scalar(slots.author).map(stripAt), lang: scalar(slots.lang),
            source: scalar(slots.source), country: scalar(slots.country), id: scalar(slots.id),
            urls: listed(fields[slots.urls]).compactMap { $0.scalarText(in: line) },
            isReply: fields[slots.isReply].boolValue ?? false, isRetweet: fields[slots.isRetweet].boolValue ?? false,
            isQuote: fields[slots.isQuote].boolValue ?? false, inReplyTo: scalar(slots.inReplyTo).map(stripAt),
            createdAt: scalar(slots.createdAt))
    }

    func redditMention() -> Mention? {
        var texts: [String]
        let body = fields[slots.body]
        if body.kind != .missing {
            guard let text = requiredString(body) else { return nil }
            texts = [text]
        } else {
            guard let title = requiredString(fields[slots.title]) else { return nil }
            texts = [title]
            if let selftext = requiredString(fields[slots.selftext]), !selftext.isEmpty { texts.append(selftext) }
        }
        let parent = scalar(slots.parentID)
        return Mention(
            texts: texts, author: scalar(slots.author), id: scalar(slots.id),
            urls: listed(fields[slots.urls]).compactMap { $0.scalarText(in: line) },
            isReply: parent?.hasPrefix("t1_") ?? false, createdAt: scalar(slots.createdAt))
    }

    func xV2Mention() -> Mention? {
        guard fields[slots.root].kind == .object else { return nil }
        let note = fields[slots.noteText]
        guard let text = requiredString(note.kind != .missing ? note : fields[slots.text]) else { return nil }
        guard let urls = values(in: fields[slots.entities], child: slots.urls, grandchild: slots.urlsElement,
                elementTree: elementTrees.url, elementChild: slots.elementURL),
            let references = values(in: fields[slots.referenced], child: nil, grandchild: slots.referencedType,
                elementTree: elementTrees.type, elementChild: slots.elementType)
        else { return nil }
        let types = references.compactMap { $0.scalarText(in: line) }
        let authorID = scalar(slots.authorID)
        guard
            let (author, replyTo) = elementTrees.users.usernames(
                of: authorID, scalar(slots.inReplyToID), includes: fields[slots.includes], users: fields[slots.users],
                in: line)
        else { return nil }
        return Mention(
            text: text, author: author ?? authorID, lang: scalar(slots.lang), id: scalar(slots.id),
            urls: urls.compactMap { $0.scalarText(in: line) }, isReply: types.contains("replied_to"),
            isRetweet: types.contains("retweeted"), isQuote: types.contains("quoted"), inReplyTo: replyTo,
            createdAt: scalar(slots.createdAt))
    }

    // MARK: Values

    private func scalar(_ slot: Int) -> String? { fields[slot].scalarText(in: line) }

    /// A string value, decoded; `nil` for anything else (the preset would reject the line).
    private func requiredString(_ value: ScannedValue) -> String? {
        value.kind == .string || value.kind == .escapedString ? value.string(in: line) : nil
    }

    /// What ``JSONValue/values(atPath:)`` gives at the end of a path: an array's elements, or
    /// the value itself, or nothing.
    private func listed(_ value: ScannedValue) -> [ScannedValue] {
        switch value.kind {
        case .missing: return []
        case .array:
            var items: [ScannedValue] = []
            FieldTree.forEachElement(of: value, in: line) { items.append($0) }
            return items
        default: return [value]
        }
    }

    /// The values at `container.child.grandchild` (or `container.grandchild` when `child` is
    /// nil) as ``JSONValue/values(atPath:)`` crosses one array level; `nil` (decline) when the
    /// path would cross an array inside an array, or meets an escaped member name.
    /// - Parameters:
    ///   - child: the tree slot of the array-or-object member below `container`, if any.
    ///   - grandchild: the tree slot of the member read when that member is an object.
    ///   - elementTree: the tree each array element is scanned with.
    ///   - elementChild: the slot in `elementTree` of the member read in each array element.
    private func values(
        in container: ScannedValue, child: Int?, grandchild: Int, elementTree: FieldTree, elementChild: Int
    ) -> [ScannedValue]? {
        let list: ScannedValue
        if let child {
            switch container.kind {
            case .object: list = fields[child]
            case .array: return nil
            default: return []
            }
        } else {
            list = container
        }
        switch list.kind {
        case .object: return listed(fields[grandchild])
        case .array:
            var found: [ScannedValue] = []
            var declined = false
            FieldTree.forEachElement(of: list, in: line) { element in
                guard !declined else { return }
                switch element.kind {
                case .object:
                    guard let members = elementTree.scan(line, object: element) else {
                        declined = true
                        return
                    }
                    found += listed(members[elementChild])
                case .array: declined = true
                default: break
                }
            }
            return declined ? nil : found
        default: return []
        }
    }
}
