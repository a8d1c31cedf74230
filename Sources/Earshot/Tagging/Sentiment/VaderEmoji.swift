/// VADER's emoji pass over UTF-8 bytes: each code point found in the emoji lexicon becomes its
/// description, preceded by a space unless a space came just before; everything else is kept.
///
/// One pass into a buffer of ``bound(_:nonASCII:index:)`` bytes, which the caller sizes from the
/// number of non-ASCII bytes. Leading and trailing whitespace is left in place: VADER strips it,
/// but splitting on whitespace ignores it anyway.
enum VaderEmoji {
    /// At most how long a text of `count` bytes, `nonASCII` of them not ASCII, is after substitution:
    /// an emoji takes at least two bytes and becomes at most a space and the longest description.
    @inline(__always)
    static func bound(_ count: Int, nonASCII: Int, index: SentimentWordIndex.View) -> Int {
        count + nonASCII / 2 * (index.longestEmojiDescription + 1)
    }

    /// Writes the substituted text to `out` (room for ``bound(_:nonASCII:index:)`` bytes) and
    /// returns its length.
    static func substitute(
        _ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableRawPointer, index: SentimentWordIndex.View
    ) -> Int {
        guard let base = text.baseAddress else { return 0 }
        var written = 0
        forEachPiece(text, index) { piece in
            switch piece {
            case .kept(let range):
                (out + written).copyMemory(from: base + range.lowerBound, byteCount: range.count)
                written += range.count
            case .description(let description, let space):
                if space {
                    out.storeBytes(of: 0x20, toByteOffset: written, as: UInt8.self)
                    written += 1
                }
                if let bytes = description.baseAddress {
                    (out + written).copyMemory(from: bytes, byteCount: description.count)
                }
                written += description.count
            }
        }
        return written
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
