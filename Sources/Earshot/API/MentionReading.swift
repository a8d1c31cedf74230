import EarshotStream

extension FieldMapping {
    /// Reads one JSON document (a JSONL line) as a mention through this preset mapping, with the
    /// same checks and reasons as `earshot match` (invalid UTF-8 or JSON, not an object, no text).
    ///
    /// ```swift
    /// let mention = try FieldMapping().mention(fromJSON: Array(#"{"text":"hi Spotify"}"#.utf8))
    /// ```
    public func mention(fromJSON bytes: [UInt8]) throws(LineRejection) -> Mention {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw LineRejection(.invalidUTF8, "the input is not valid UTF-8")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw LineRejection(.invalidJSON, "\(error.message) at byte \(error.offset)")
        }
        guard case .object = value else { throw LineRejection(.notObject, "the input is JSON but not an object") }
        return try mention(from: value)
    }
}
