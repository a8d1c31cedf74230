import EarshotText

/// The `generic` preset: every field at the top level of the object.
enum GenericPreset {
    static func mention(from root: JSONValue, textRequired: Bool) throws(LineRejection) -> Mention {
        let text = textRequired ? try requiredString(root, ["text"]) : ""
        return Mention(
            text: text,
            author: root.member(atPath: ["author"])?.scalarText.map(stripAt),
            lang: root.member(atPath: ["lang"])?.scalarText,
            source: root.member(atPath: ["source"])?.scalarText,
            country: root.member(atPath: ["country"])?.scalarText,
            id: root.member(atPath: ["id"])?.scalarText,
            urls: root.values(atPath: ["urls"]).compactMap(\.scalarText),
            isReply: root.member(atPath: ["is_reply"])?.boolValue ?? false,
            isRetweet: root.member(atPath: ["is_retweet"])?.boolValue ?? false,
            isQuote: root.member(atPath: ["is_quote"])?.boolValue ?? false,
            inReplyTo: root.member(atPath: ["in_reply_to"])?.scalarText.map(stripAt),
            createdAt: root.member(atPath: ["created_at"])?.scalarText,
            root: root)
    }
}

/// Drops one leading `@` from a handle.
func stripAt(_ handle: String) -> String {
    handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
}
