import EarshotText

/// Where a mention's canonical fields come from in the input JSON (stream.md "Input").
///
/// The default is ``generic``.
public enum InputPreset: String, Sendable, Hashable, CaseIterable {
    /// The whole object: `text`, `author`, `lang`, `id`, `urls[]`, `is_reply`, `is_retweet`,
    /// `is_quote`, `in_reply_to`, `source`, `country`, `created_at`.
    case generic
    /// X API v2 filtered stream / search: fields under `data`, authors from `includes.users`.
    case xV2 = "x-v2"
    /// Reddit comment/submission dumps: `body`, else `title` + `selftext`.
    case reddit
}

/// Why a line could not become a mention.
public enum RejectReason: String, Sendable, Hashable, CaseIterable {
    /// The bytes are not valid UTF-8.
    case invalidUTF8 = "invalid-utf8"
    /// The line is not valid JSON.
    case invalidJSON = "invalid-json"
    /// Valid JSON, but not an object.
    case notObject = "not-object"
    /// Longer than `--max-line-bytes`.
    case lineTooLong = "line-too-long"
    /// The text field is missing.
    case noText = "no-text"
    /// The text field is not a string.
    case textNotString = "text-not-string"
}

/// A reason plus the detail a person needs to fix the line.
public struct LineRejection: Error, Sendable, Hashable {
    /// The machine-readable reason.
    public var reason: RejectReason
    /// Human detail, e.g. the JSON error and byte offset.
    public var detail: String

    /// Creates a rejection.
    public init(_ reason: RejectReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}

/// Canonical mention fields that `--field NAME=PATH` may override.
public enum CanonicalField: String, Sendable, Hashable, CaseIterable {
    case author, lang, id, urls, source, country
    case createdAt = "created_at"
    case inReplyTo = "in_reply_to"
    case isReply = "is_reply"
    case isRetweet = "is_retweet"
    case isQuote = "is_quote"
}

/// How to turn one JSON object into a ``Mention``: a preset plus command-line overrides.
///
/// ```swift
/// let mapping = FieldMapping(preset: .generic)
/// let mention = try mapping.mention(from: .object(["text": .string("hi")]))
/// ```
public struct FieldMapping: Sendable, Hashable {
    /// The preset.
    public var preset: InputPreset
    /// `--text-field PATH` (repeatable): replaces the preset's text fields when not empty.
    public var textFields: [[String]]
    /// `--field NAME=PATH` overrides, paths relative to the whole input object.
    public var fieldOverrides: [CanonicalField: [String]]
    /// `--source NAME`; default: the preset name.
    public var source: String?

    /// Creates a mapping.
    public init(
        preset: InputPreset = .generic, textFields: [[String]] = [],
        fieldOverrides: [CanonicalField: [String]] = [:], source: String? = nil
    ) {
        self.preset = preset
        self.textFields = textFields
        self.fieldOverrides = fieldOverrides
        self.source = source
    }

    /// The JSON paths this mapping reads, plus `fieldPaths` (relative to the mention root, as
    /// `field:` queries use them): what a line's parse must build (``JSONKeep``).
    /// - Parameter annotationPaths: what to keep of the annotation member (default: all of it).
    package func keepTree(fieldPaths: [[String]], annotationKey: String, annotationPaths: [[String]] = [[]]) -> JSONKeep {
        var paths: [[String]] = annotationPaths.map { [annotationKey] + $0 }
        switch preset {
        case .generic:
            paths += [["text"], ["author"], ["lang"], ["source"], ["country"], ["id"], ["urls"], ["is_reply"],
                ["is_retweet"], ["is_quote"], ["in_reply_to"], ["created_at"]]
            paths += fieldPaths
        case .xV2:
            paths += [["data", "text"], ["data", "note_tweet", "text"], ["data", "author_id"], ["data", "lang"],
                ["data", "id"], ["data", "entities", "urls", "expanded_url"], ["data", "referenced_tweets", "type"],
                ["data", "in_reply_to_user_id"], ["data", "created_at"], ["includes", "users", "id"],
                ["includes", "users", "username"]]
            paths += fieldPaths.map { ["data"] + $0 }
        case .reddit:
            paths += [["body"], ["title"], ["selftext"], ["author"], ["id"], ["url"], ["parent_id"], ["created_utc"]]
            paths += fieldPaths
        }
        paths += textFields
        paths += fieldOverrides.values
        return JSONKeep(paths: paths)
    }

    /// Maps a parsed input object to a mention.
    /// - Throws: ``LineRejection`` with `.notObject`, `.noText` or `.textNotString`.
    public func mention(from value: JSONValue) throws(LineRejection) -> Mention {
        guard case .object = value else {
            throw LineRejection(.notObject, "the line is JSON but not an object")
        }
        var mention = try presetMention(from: value)
        if !textFields.isEmpty {
            mention.texts = try textFields.map { (path) throws(LineRejection) -> String in
                try requiredString(value, path)
            }
        }
        applyOverrides(to: &mention, from: value)
        mention.source = source ?? mention.source ?? preset.rawValue
        return mention
    }

    private func presetMention(from value: JSONValue) throws(LineRejection) -> Mention {
        switch preset {
        case .generic: return try GenericPreset.mention(from: value, textRequired: textFields.isEmpty)
        case .xV2: return try XV2Preset.mention(from: value, textRequired: textFields.isEmpty)
        case .reddit: return try RedditPreset.mention(from: value, textRequired: textFields.isEmpty)
        }
    }

    private func applyOverrides(to mention: inout Mention, from value: JSONValue) {
        for (field, path) in fieldOverrides {
            let found = value.values(atPath: path[...])
            switch field {
            case .author: mention.author = found.first?.scalarText
            case .lang: mention.lang = found.first?.scalarText
            case .id: mention.id = found.first?.scalarText
            case .urls: mention.urls = found.compactMap(\.scalarText)
            case .source: mention.source = found.first?.scalarText
            case .country: mention.country = found.first?.scalarText
            case .createdAt: mention.createdAt = found.first?.scalarText
            case .inReplyTo: mention.inReplyTo = found.first?.scalarText
            case .isReply: mention.isReply = found.first?.boolValue ?? false
            case .isRetweet: mention.isRetweet = found.first?.boolValue ?? false
            case .isQuote: mention.isQuote = found.first?.boolValue ?? false
            }
        }
    }
}

/// Reads a required string at `path` or rejects the line.
func requiredString(_ value: JSONValue, _ path: [String]) throws(LineRejection) -> String {
    guard let found = value.member(atPath: path) else {
        throw LineRejection(.noText, "no \(path.joined(separator: ".")) field")
    }
    guard case .string(let text) = found else {
        throw LineRejection(.textNotString, "\(path.joined(separator: ".")) is not a string")
    }
    return text
}

extension JSONValue {
    /// The value at an object path without crossing arrays, or nil.
    package func member(atPath path: [String]) -> JSONValue? {
        var current = self
        for key in path {
            guard case .object(let members) = current, let next = members[key] else { return nil }
            current = next
        }
        return current
    }

    /// Strings as they are, numbers and booleans as text; nil otherwise.
    package var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .number(let n):
            return n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// A boolean value, or nil.
    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
