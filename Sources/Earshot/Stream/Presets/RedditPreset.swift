import EarshotText

/// The `reddit` preset: comments carry `body`; submissions carry `title` and `selftext`.
enum RedditPreset {
    static func mention(from root: JSONValue, textRequired: Bool) throws(LineRejection) -> Mention {
        var texts: [String] = []
        if textRequired {
            if root.member(atPath: ["body"]) != nil {
                texts = [try requiredString(root, ["body"])]
            } else {
                texts = [try requiredString(root, ["title"])]
                if case .string(let selftext)? = root.member(atPath: ["selftext"]), !selftext.isEmpty {
                    texts.append(selftext)
                }
            }
        }
        let parent = root.member(atPath: ["parent_id"])?.scalarText
        return Mention(
            texts: texts,
            author: root.member(atPath: ["author"])?.scalarText,
            id: root.member(atPath: ["id"])?.scalarText,
            urls: root.values(atPath: ["url"]).compactMap(\.scalarText),
            isReply: parent?.hasPrefix("t1_") ?? false,
            createdAt: root.member(atPath: ["created_utc"])?.scalarText,
            root: root)
    }
}
