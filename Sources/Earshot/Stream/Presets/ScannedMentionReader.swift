import EarshotText

/// A line read by ``ScannedMentionReader``: the mention and the two facts the stream needs of
/// the line's top-level object.
package struct ScannedMention {
    package var mention: Mention
    /// The top-level object has no members (`{}`): the splice then writes no comma.
    package var isEmptyObject: Bool
    /// The top-level object already has the annotation member (`--strict` refuses it).
    package var hasAnnotationKey: Bool
}

/// The fast way to turn a line into a ``Mention``: one validating pass over the bytes notes
/// where the preset's members are (``FieldTree/scan(_:)``) and only those become strings; no
/// ``JSONValue`` tree or dictionary is built. When rules read `field:` paths, only the subtree
/// they read is parsed into ``Mention/root``.
///
/// It covers the three presets without `--text-field` or `--field`. For every line it accepts
/// it gives the mention ``FieldMapping/mention(from:)`` gives (tested differentially); it
/// declines (returns `nil`) every line that is unusual: invalid JSON, not an object, a watched
/// member name spelled with escapes, a shape where the preset's paths cross nested arrays, and
/// every line the preset would reject. The caller reads those with ``JSONParser`` and
/// ``FieldMapping``, so rejections and odd shapes keep exactly one meaning.
///
/// ```swift
/// let reader = ScannedMentionReader(mapping: FieldMapping(preset: .xV2), fieldPaths: [], annotationKey: "earshot")
/// let line = Array(#"{"data":{"id":"1","text":"Spotify is down"}}"#.utf8)
/// let mention = line.withUnsafeBufferPointer { reader?.read($0)?.mention }   // text "Spotify is down"
/// ```
package struct ScannedMentionReader: Sendable {
    enum Layout: Sendable { case generic, xV2, reddit }

    let layout: Layout
    let mapping: FieldMapping
    let tree: FieldTree
    let elementTrees: ElementTrees
    let slots: Slots
    /// What of the mention root `field:` queries read; `nil` when none do (no root is built).
    let rootKeep: JSONKeep?

    /// Slot numbers in ``tree`` and the element trees (-1: the layout has no such member).
    struct Slots: Sendable {
        var annotation = -1, root = 0
        var text = -1, noteText = -1, body = -1, title = -1, selftext = -1
        var author = -1, authorID = -1, lang = -1, source = -1, country = -1, id = -1, createdAt = -1
        var urls = -1, urlsElement = -1, inReplyTo = -1, inReplyToID = -1, parentID = -1
        var isReply = -1, isRetweet = -1, isQuote = -1
        var entities = -1, referenced = -1, referencedType = -1, includes = -1, users = -1
        var elementURL = -1, elementType = -1
    }

    /// A reader for this mapping, or `nil` when the mapping needs the full parser (`--text-field`
    /// or `--field` paths may cross arrays anywhere).
    /// - Parameter fieldPaths: what `field:` queries read, relative to the mention root.
    package init?(mapping: FieldMapping, fieldPaths: [[String]], annotationKey: String) {
        guard mapping.textFields.isEmpty, mapping.fieldOverrides.isEmpty else { return nil }
        self.mapping = mapping
        rootKeep = fieldPaths.isEmpty ? nil : JSONKeep(paths: fieldPaths)
        let own: [[String]]
        switch mapping.preset {
        case .generic:
            layout = .generic
            own = [["text"], ["author"], ["lang"], ["source"], ["country"], ["id"], ["urls"], ["is_reply"],
                ["is_retweet"], ["is_quote"], ["in_reply_to"], ["created_at"]]
        case .xV2:
            layout = .xV2
            own = [["data", "text"], ["data", "note_tweet", "text"], ["data", "author_id"], ["data", "lang"],
                ["data", "id"], ["data", "entities", "urls", "expanded_url"], ["data", "referenced_tweets", "type"],
                ["data", "in_reply_to_user_id"], ["data", "created_at"], ["includes", "users"]]
        case .reddit:
            layout = .reddit
            own = [["body"], ["title"], ["selftext"], ["author"], ["id"], ["url"], ["parent_id"], ["created_utc"]]
        }
        let tree = FieldTree(paths: own + [[annotationKey]])
        let elementTrees = ElementTrees()
        self.elementTrees = elementTrees
        self.tree = tree
        var slots = Slots()
        slots.annotation = tree.slot([annotationKey])
        slots.elementURL = elementTrees.url.slot(["expanded_url"])
        slots.elementType = elementTrees.type.slot(["type"])
        switch layout {
        case .generic:
            slots.text = tree.slot(["text"])
            slots.author = tree.slot(["author"])
            slots.lang = tree.slot(["lang"])
            slots.source = tree.slot(["source"])
            slots.country = tree.slot(["country"])
            slots.id = tree.slot(["id"])
            slots.urls = tree.slot(["urls"])
            slots.isReply = tree.slot(["is_reply"])
            slots.isRetweet = tree.slot(["is_retweet"])
            slots.isQuote = tree.slot(["is_quote"])
            slots.inReplyTo = tree.slot(["in_reply_to"])
            slots.createdAt = tree.slot(["created_at"])
        case .xV2:
            slots.root = tree.slot(["data"])
            slots.text = tree.slot(["data", "text"])
            slots.noteText = tree.slot(["data", "note_tweet", "text"])
            slots.authorID = tree.slot(["data", "author_id"])
            slots.lang = tree.slot(["data", "lang"])
            slots.id = tree.slot(["data", "id"])
            slots.entities = tree.slot(["data", "entities"])
            slots.urls = tree.slot(["data", "entities", "urls"])
            slots.urlsElement = tree.slot(["data", "entities", "urls", "expanded_url"])
            slots.referenced = tree.slot(["data", "referenced_tweets"])
            slots.referencedType = tree.slot(["data", "referenced_tweets", "type"])
            slots.inReplyToID = tree.slot(["data", "in_reply_to_user_id"])
            slots.createdAt = tree.slot(["data", "created_at"])
            slots.includes = tree.slot(["includes"])
            slots.users = tree.slot(["includes", "users"])
        case .reddit:
            slots.body = tree.slot(["body"])
            slots.title = tree.slot(["title"])
            slots.selftext = tree.slot(["selftext"])
            slots.author = tree.slot(["author"])
            slots.id = tree.slot(["id"])
            slots.urls = tree.slot(["url"])
            slots.parentID = tree.slot(["parent_id"])
            slots.createdAt = tree.slot(["created_utc"])
        }
        self.slots = slots
    }

    /// One line (valid UTF-8, without its line break) → its mention, or `nil` when the line
    /// needs the full parser.
    package func read(_ line: UnsafeBufferPointer<UInt8>) -> ScannedMention? {
        guard let fields = tree.scan(line) else { return nil }
        let scanned = ScannedLine(line: line, fields: fields, slots: slots, elementTrees: elementTrees)
        var mention: Mention
        switch layout {
        case .generic:
            guard let read = scanned.genericMention() else { return nil }
            mention = read
        case .xV2:
            guard let read = scanned.xV2Mention() else { return nil }
            mention = read
        case .reddit:
            guard let read = scanned.redditMention() else { return nil }
            mention = read
        }
        if let rootKeep {
            let root = fields[slots.root]
            guard root.kind == .object,
                let parsed = try? JSONParser.parse(UnsafeBufferPointer(rebasing: line[root.start..<root.end]), keeping: rootKeep)
            else { return nil }
            mention.root = parsed.value
        }
        mention.source = mapping.source ?? mention.source ?? mapping.preset.rawValue
        return ScannedMention(
            mention: mention, isEmptyObject: Self.isEmptyObject(fields[0], in: line),
            hasAnnotationKey: fields[slots.annotation].kind != .missing)
    }

    /// Whether an object value is `{}` (with any whitespace inside).
    private static func isEmptyObject(_ object: ScannedValue, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = object.start + 1
        while index < object.end, Splicer.isJSONWhitespace(line[index]) { index += 1 }
        return index < object.end && line[index] == UInt8(ascii: "}")
    }
}

/// What is read from one element of `includes.users`, of `entities.urls` and of
/// `referenced_tweets`: one small tree each, so that an element's scan stops as soon as its
/// members are found. A class, so that a ``ScannedLine`` holds one reference, not three trees.
final class ElementTrees: Sendable {
    let users = ScannedUsers()
    let url = FieldTree(paths: [["expanded_url"]])
    let type = FieldTree(paths: [["type"]])
}
