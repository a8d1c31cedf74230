/// VADER's emoji pass over UTF-8 bytes: each code point found in the emoji lexicon becomes its
/// description, preceded by a space unless a space came just before; everything else is kept.
///
/// Two passes over the same bytes, so the caller can size one temporary buffer exactly:
/// ``substitutedCount(_:index:)``, then ``substitute(_:into:index:)``. Leading and trailing
/// whitespace is left in place: VADER strips it, but splitting on whitespace ignores it anyway.
enum VaderEmoji {
    /// The length of the text after substitution.
    static func substitutedCount(_ text: UnsafeBufferPointer<UInt8>, index: SentimentWordIndex.View) -> Int {
        var count = 0
        forEachPiece(text, index) { piece in
            switch piece {
            case .kept(let range): count += range.count
            case .description(let description, let space): count += description.count + (space ? 1 : 0)
            }
        }
        return count
    }

    /// Writes the substituted text into `buffer`, which holds ``substitutedCount(_:index:)`` bytes or more.
    static func substitute(
        _ text: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>,
        index: SentimentWordIndex.View
    ) {
        var out = 0
        forEachPiece(text, index) { piece in
            switch piece {
            case .kept(let range):
                for i in range {
                    buffer.initializeElement(at: out, to: text[i])
                    out += 1
                }
            case .description(let description, let space):
                if space {
                    buffer.initializeElement(at: out, to: 0x20)
                    out += 1
                }
                for byte in description {
                    buffer.initializeElement(at: out, to: byte)
                    out += 1
                }
            }
        }
    }

    /// A run of the text kept as is, or an emoji's description (with a space before it or not).
    private enum Piece {
        case kept(Range<Int>)
        case description(UnsafeBufferPointer<UInt8>, space: Bool)
    }

    /// Calls `body` with the text's pieces in order.
    @inline(__always)
    private static func forEachPiece(
        _ text: UnsafeBufferPointer<UInt8>, _ index: SentimentWordIndex.View, _ body: (Piece) -> Void
    ) {
        var previousSpace = true
        var keptStart = 0
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte < 0x80 {
                previousSpace = byte == 0x20
                i += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var value: UInt32 =
                length == 2 ? UInt32(byte & 0x1F) : length == 3 ? UInt32(byte & 0x0F) : UInt32(byte & 0x07)
            if i + length <= text.count {
                for k in 1..<max(length, 1) { value = value << 6 | UInt32(text[i + k] & 0x3F) }
            }
            if length > 1, value >= 0xA9, let description = index.emojiDescription(value) {
                if keptStart < i { body(.kept(keptStart..<i)) }
                body(.description(description, space: !previousSpace))
                previousSpace = false
                keptStart = i + length
            } else {
                previousSpace = false
            }
            i += length
        }
        if keptStart < text.count { body(.kept(keptStart..<text.count)) }
    }
}
