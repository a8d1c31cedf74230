extension VaderText {
    /// ``withWords(of:index:_:)`` for a text that is all ASCII (most texts): one pass
    /// that finds each word, strips it, and lowers, classifies and keys it eight bytes at a time.
    ///
    /// The text is first copied into a temporary buffer followed by at least eight zero bytes,
    /// so that every 8-byte load below stays inside it; the zeros also end the last word.
    /// - Precondition: every byte of `bytes` is below 0x80, and there is at least one.
    /// - Complexity: O(bytes); allocates nothing on the heap for texts of a few kilobytes.
    static func withWords<Result>(
        ofASCII bytes: UnsafeBufferPointer<UInt8>, index: SentimentWordIndex.View, folds: Bool,
        _ body: (VaderText) -> Result
    ) -> Result {
        let count = bytes.count
        let padded = (count / 8 + 2) * 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: padded) { copy in
            guard let text = copy.baseAddress, let source = bytes.baseAddress else {
                return body(VaderText(words: .init(start: nil, count: 0)))
            }
            text.initialize(from: source, count: count)
            (text + count).initialize(repeating: 0, count: padded - count)
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: padded / 8) { key in
                withUnsafeTemporaryAllocation(of: VaderWord.self, capacity: count / 2 + 1) { buffer in
                    guard let key = key.baseAddress else { return body(VaderText(words: .init(start: nil, count: 0))) }
                    var splitter = ASCIISplitter(text: UnsafePointer(text), count: count, key: key, index: index)
                    let found = splitter.split(into: buffer, folds: folds)
                    let words = UnsafeMutableBufferPointer(rebasing: buffer[0..<found])
                    defer { _ = words.deinitialize() }
                    return body(
                        VaderText(
                            words: words, capsDifferential: splitter.upper > 0 && splitter.upper < found,
                            exclamations: splitter.exclamations, questions: splitter.questions,
                            presentFlags: splitter.presentFlags))
                }
            }
        }
    }
}

/// The single pass of ``VaderText/withWords(ofASCII:index:folds:_:)`` over a zero-padded copy
/// of an ASCII text.
private struct ASCIISplitter {
    /// The text, followed by at least eight zero bytes.
    let text: UnsafePointer<UInt8>
    /// The text's length, without the padding.
    let count: Int
    /// Room for the chunks of the longest word (``VaderWordKey``).
    let key: UnsafeMutablePointer<UInt64>
    let index: SentimentWordIndex.View
    /// How many words are ALL CAPS.
    private(set) var upper = 0
    private(set) var exclamations = 0
    private(set) var questions = 0
    /// The union of the words' flags.
    private(set) var presentFlags: SentimentWordIndex.Flags = []

    init(text: UnsafePointer<UInt8>, count: Int, key: UnsafeMutablePointer<UInt64>, index: SentimentWordIndex.View) {
        self.text = text
        self.count = count
        self.key = key
        self.index = index
    }

    /// Eight bytes of the text from `offset` (which is at most `count`), the first in the low byte.
    @inline(__always)
    private func chunk(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(text).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Splits the text into `buffer` (room for `count / 2 + 1` words); returns how many words.
    mutating func split(into buffer: UnsafeMutableBufferPointer<VaderWord>, folds: Bool) -> Int {
        var offset = 0
        while offset < count {
            let x = chunk(at: offset)
            exclamations &+= VaderWordKey.equalBytes(x, 0x21).nonzeroBitCount
            questions &+= VaderWordKey.equalBytes(x, 0x3F).nonzeroBitCount
            offset += 8
        }
        let space = SentimentWordIndex.ByteClass.space
        var found = 0
        var i = 0
        while i < count {
            if index.byteClass(text[i]) & space != 0 {
                i += 1
                continue
            }
            let start = i
            var end = i + 1
            // The first byte at or below 0x20 that is a space (the padding counts as one).
            while true {
                let candidates = VaderWordKey.spaceCandidates(chunk(at: end))
                if candidates == 0 {
                    end += 8
                    continue
                }
                let at = end + candidates.trailingZeroBitCount >> 3
                if at >= count || index.byteClass(text[at]) & space != 0 {
                    end = at
                    break
                }
                end = at + 1
            }
            let word = self.word(start, end, folds: folds)
            if word.isUpper { upper += 1 }
            presentFlags.formUnion(word.flags)
            buffer.initializeElement(at: found, to: word)
            found += 1
            i = end + 1
        }
        return found
    }

    /// The word `text[start..<end]`: stripped of punctuation, keyed, classified and looked up.
    @inline(__always)
    private func word(_ start: Int, _ end: Int, folds: Bool) -> VaderWord {
        let punctuation = SentimentWordIndex.ByteClass.punctuation
        var first = start
        var last = end
        while first < last, index.byteClass(text[first]) & punctuation != 0 { first += 1 }
        while last > first, index.byteClass(text[last - 1]) & punctuation != 0 { last -= 1 }
        if last - first <= 2 {
            first = start
            last = end
        }
        var capitals: UInt64 = 0
        var small: UInt64 = 0
        var apostrophes: UInt64 = 0
        var k = 0
        var offset = first
        repeat {
            var x = chunk(at: offset)
            if last - offset < 8 { x = VaderWordKey.prefix(x, last - offset) }
            let caps = VaderWordKey.capitals(x)
            capitals |= caps
            small |= VaderWordKey.smallLetters(x)
            apostrophes |= VaderWordKey.equalBytes(x, 0x27)
            key[k] = x | caps >> 2
            k += 1
            offset += 8
        } while offset < last
        return VaderText.word(
            key, length: last - first, isUpper: capitals != 0 && small == 0, mayHaveNT: apostrophes != 0,
            piece: UnsafeBufferPointer(start: text + first, count: last - first), index, folds)
    }
}
