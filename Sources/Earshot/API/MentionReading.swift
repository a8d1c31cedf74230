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

/// Reads JSON lines as mentions the way `earshot match` does: only the members the preset reads
/// (and the `field:` paths given) are built; the rest of each line is validated and skipped.
/// Build one reader and reuse it.
///
/// ```swift
/// let reader = MentionReader(mapping: FieldMapping(preset: .xV2))
/// let mention = try reader.mention(fromJSON: Array(line.utf8))
/// ```
public struct MentionReader: Sendable {
    /// The preset mapping.
    public let mapping: FieldMapping
    let keep: JSONKeep

    /// - Parameter fieldPaths: JSON paths, relative to the mention root, that `field:` queries read.
    public init(mapping: FieldMapping, fieldPaths: [[String]] = []) {
        self.mapping = mapping
        self.keep = mapping.keepTree(fieldPaths: fieldPaths, annotationKey: "earshot")
    }

    /// Reads one line, with the same checks and reasons as `earshot match`.
    public func mention(fromJSON bytes: [UInt8]) throws(LineRejection) -> Mention {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw LineRejection(.invalidUTF8, "the input is not valid UTF-8")
        }
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
                try JSONParser.parse(buffer, keeping: keep).value
            }
        } catch {
            throw LineRejection(.invalidJSON, "\(error.message) at byte \(error.offset)")
        }
        guard case .object = value else { throw LineRejection(.notObject, "the input is JSON but not an object") }
        return try mapping.mention(from: value)
    }
}
