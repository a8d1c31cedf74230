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

/// Reads JSON lines as mentions the way `earshot match` does: a byte scan notes where the
/// preset's members are and only those become strings; lines the scan declines (odd shapes,
/// errors) are parsed building only the members the preset reads (and the `field:` paths
/// given). Build one reader and reuse it.
///
/// ```swift
/// let reader = MentionReader(mapping: FieldMapping(preset: .xV2))
/// let mention = try reader.mention(fromJSON: Array(line.utf8))
/// ```
public struct MentionReader: Sendable {
    /// The preset mapping.
    public let mapping: FieldMapping
    let keep: JSONKeep
    let scanner: ScannedMentionReader?

    /// - Parameters:
    ///   - fieldPaths: JSON paths, relative to the mention root, that `field:` queries read;
    ///     ``Mention/root`` holds these members (and is `nil` when there are none).
    ///   - scanning: read with the byte scan first (the default, as `earshot match`); `false`
    ///     parses every line, to compare the two.
    public init(mapping: FieldMapping, fieldPaths: [[String]] = [], scanning: Bool = true) {
        self.mapping = mapping
        self.keep = mapping.keepTree(fieldPaths: fieldPaths, annotationKey: "earshot")
        self.scanner = scanning ? ScannedMentionReader(mapping: mapping, fieldPaths: fieldPaths, annotationKey: "earshot") : nil
    }

    /// Reads one line, with the same checks and reasons as `earshot match`.
    public func mention(fromJSON bytes: [UInt8]) throws(LineRejection) -> Mention {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw LineRejection(.invalidUTF8, "the input is not valid UTF-8")
        }
        if let scanner, let scanned = bytes.withUnsafeBufferPointer({ scanner.read($0) }) { return scanned.mention }
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
