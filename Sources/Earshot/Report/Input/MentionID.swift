import EarshotStream

/// A mention or conversation id as the input gives it. Plain decimal numbers (X's ids) are kept
/// as integers: no allocation per mention, and cheap to hash in the conversation table. The
/// text form is kept for anything else, so ``text`` always gives back the input's text.
///
/// ```swift
/// MentionID("1900000000000001208")   // .number(1900000000000001208)
/// MentionID("t3_abc").text            // "t3_abc"
/// ```
package enum MentionID: Hashable, Sendable {
    /// Digits only, without a leading zero, at most 19 of them.
    case number(UInt64)
    /// Anything else.
    case text(String)

    /// The id of a text.
    package init(_ text: String) {
        if let number = Self.plainNumber(text.utf8) { self = .number(number) } else { self = .text(text) }
    }

    /// The id of a text given as UTF-8 bytes (allocates only when it is not a plain number).
    package init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if let number = Self.plainNumber(bytes) {
            self = .number(number)
        } else {
            self = .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The id as the input wrote it.
    package var text: String {
        switch self {
        case .number(let number): String(number)
        case .text(let text): text
        }
    }

    /// The value of a decimal number that prints back to exactly these bytes, or `nil`.
    static func plainNumber(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard let first = bytes.first, bytes.count <= 19, first != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// A link to a mention, made into text only for the few mentions a report shows.
package enum ReportLink: Sendable, Equatable {
    /// `https://x.com/<user>/status/<id>`.
    case xStatus(user: String, id: MentionID)
    /// A link given by the input.
    case given(String)

    /// The URL.
    package var text: String {
        switch self {
        case .xStatus(let user, let id): "https://x.com/\(user)/status/\(id.text)"
        case .given(let url): url
        }
    }
}

extension ScannedValue {
    /// The value as an id (``scalarText(in:)``), without allocating for a plain number.
    package func mentionID(in line: UnsafeBufferPointer<UInt8>) -> MentionID? {
        if let content = plainContent(in: line) { return MentionID(utf8: content) }
        return scalarText(in: line).map(MentionID.init)
    }
}
