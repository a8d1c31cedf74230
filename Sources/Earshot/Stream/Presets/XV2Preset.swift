import EarshotText

/// The `x-v2` preset: X API v2 filtered-stream and search payloads (`data` + `includes`).
enum XV2Preset {
    static func mention(from envelope: JSONValue, textRequired: Bool) throws(LineRejection) -> Mention {
        guard let data = envelope.member(atPath: ["data"]), case .object = data else {
            throw LineRejection(.noText, "no data object")
        }
        var text = ""
        if textRequired {
            if let note = data.member(atPath: ["note_tweet", "text"]) {
                guard case .string(let noteText) = note else {
                    throw LineRejection(.textNotString, "data.note_tweet.text is not a string")
                }
                text = noteText
            } else {
                text = try requiredString(envelope, ["data", "text"])
            }
        }
        let users = envelope.values(atPath: ["includes", "users"])
        func username(ofUserID id: String?) -> String? {
            guard let id else { return nil }
            return users.first { $0.member(atPath: ["id"])?.scalarText == id }?
                .member(atPath: ["username"])?.scalarText
        }
        let authorID = data.member(atPath: ["author_id"])?.scalarText
        let replyToID = data.member(atPath: ["in_reply_to_user_id"])?.scalarText
        let referenceTypes = Set(data.values(atPath: ["referenced_tweets", "type"]).compactMap(\.scalarText))
        return Mention(
            text: text,
            author: username(ofUserID: authorID) ?? authorID,
            lang: data.member(atPath: ["lang"])?.scalarText,
            id: data.member(atPath: ["id"])?.scalarText,
            urls: data.values(atPath: ["entities", "urls", "expanded_url"]).compactMap(\.scalarText),
            isReply: referenceTypes.contains("replied_to"),
            isRetweet: referenceTypes.contains("retweeted"),
            isQuote: referenceTypes.contains("quoted"),
            inReplyTo: username(ofUserID: replyToID),
            createdAt: data.member(atPath: ["created_at"])?.scalarText,
            root: data)
    }
}
