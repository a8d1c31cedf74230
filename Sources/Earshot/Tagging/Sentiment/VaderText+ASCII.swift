extension VaderText {
    /// What ``copyPadded(_:count:into:)`` learns while it copies a text.
    struct PaddedCopy {
        /// Every byte is below 0x80.
        var isASCII: Bool
        /// The number of `!` (meaningful only when ``isASCII``).
        var exclamations: Int
        /// The number of `?` (meaningful only when ``isASCII``).
        var questions: Int
    }

    /// The number of 8-byte words a padded copy of `count` bytes takes: the text, then at
    /// least eight zero bytes.
    @inline(__always)
    static func paddedWords(_ count: Int) -> Int { count / 8 + 2 }

    /// Copies `count` bytes from `source` into `copy` (room for ``paddedWords(_:)`` × 8 bytes), zero
    /// padded, eight bytes at a time; checks on the way that they are ASCII and counts `!` and `?`.
    ///
    /// It reads no byte of `source` outside `0..<count`: the last partial chunk is read as the
    /// text's last eight bytes, shifted (or byte by byte when the text is shorter than eight).
    /// - Precondition: `count` ≥ 1.
    @inline(__always)
    static func copyPadded(
        _ source: UnsafeRawPointer, count: Int, into copy: UnsafeMutableRawPointer
    ) -> PaddedCopy {
        let full = count >> 3
        var high: UInt64 = 0
        var exclamations = 0
        var questions = 0
        var k = 0
        while k < full {
            let x = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self))
            copy.storeBytes(of: x.littleEndian, toByteOffset: k &* 8, as: UInt64.self)
            high |= x
            exclamations &+= VaderWordKey.equalBytes(x, 0x21).nonzeroBitCount
            questions &+= VaderWordKey.equalBytes(x, 0x3F).nonzeroBitCount
            k += 1
        }
        let rest = count & 7
        var last: UInt64 = 0
        if rest != 0 {
            if full > 0 {
                let tail = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
                last = tail &>> UInt64(truncatingIfNeeded: (8 - rest) &* 8)
            } else {
                for b in 0..<rest {
                    last |= UInt64(source.load(fromByteOffset: b, as: UInt8.self)) &<< UInt64(truncatingIfNeeded: b &* 8)
                }
            }
            high |= last
            exclamations &+= VaderWordKey.equalBytes(last, 0x21).nonzeroBitCount
            questions &+= VaderWordKey.equalBytes(last, 0x3F).nonzeroBitCount
        }
        copy.storeBytes(of: last.littleEndian, toByteOffset: full &* 8, as: UInt64.self)
        copy.storeBytes(of: 0, toByteOffset: full &* 8 &+ 8, as: UInt64.self)
        return PaddedCopy(
            isASCII: high & VaderWordKey.highBits == 0, exclamations: exclamations, questions: questions)
    }

    /// What ``copyPadded(_:count:into:)`` finds, for bytes already padded: `words` 8-byte words
    /// of `padded`, zeros after the text.
    @inline(__always)
    static func scanPadded(_ padded: UnsafeRawPointer, words: Int) -> PaddedCopy {
        var high: UInt64 = 0
        var exclamations = 0
        var questions = 0
        for k in 0..<words {
            let x = UInt64(littleEndian: padded.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self))
            high |= x
            exclamations &+= VaderWordKey.equalBytes(x, 0x21).nonzeroBitCount
            questions &+= VaderWordKey.equalBytes(x, 0x3F).nonzeroBitCount
        }
        return PaddedCopy(
            isASCII: high & VaderWordKey.highBits == 0, exclamations: exclamations, questions: questions)
    }

    /// The number of bytes at or above 0x80 in `words` 8-byte words of `padded`.
    static func nonASCIICount(_ padded: UnsafeRawPointer, words: Int) -> Int {
        var count = 0
        for k in 0..<words {
            count &+= (padded.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self) & VaderWordKey.highBits)
                .nonzeroBitCount
        }
        return count
    }

    /// ``withWords(of:index:_:)`` for UTF-8 bytes: copied once into a zero-padded buffer on the
    /// stack, which also tells whether they are ASCII (most texts), then split in one pass
    /// (``splitASCII(_:count:scan:index:folds:_:)``); other texts go to the emoji path.
    /// - Complexity: O(bytes); allocates nothing on the heap for texts of a few kilobytes.
    static func withWords<Result>(
        ofUTF8 utf8: UnsafeBufferPointer<UInt8>, index: SentimentWordIndex.View, _ body: (VaderText) -> Result
    ) -> Result {
        let count = utf8.count
        guard count > 0, let source = utf8.baseAddress else { return body(VaderText(words: .init(start: nil, count: 0))) }
        let folds = index.foldsElongation
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: paddedWords(count) * 8) { copy in
            guard let text = copy.baseAddress else { return body(VaderText(words: .init(start: nil, count: 0))) }
            let scan = copyPadded(UnsafeRawPointer(source), count: count, into: UnsafeMutableRawPointer(text))
            if scan.isASCII {
                return splitASCII(text, count: count, scan: scan, index: index, folds: folds, body)
            }
            let nonASCII = nonASCIICount(UnsafeRawPointer(text), words: paddedWords(count))
            return withWords(ofNonASCII: utf8, nonASCII: nonASCII, index: index, folds: folds, body)
        }
    }

    /// ``withWords(of:index:_:)`` for a text that is all ASCII and copied into `text` followed by
    /// at least eight zero bytes (``copyPadded(_:count:into:)``): one pass that finds each word,
    /// strips it, and lowers, classifies and keys it eight bytes at a time. Every 8-byte load
    /// stays inside the copy; the zeros also end the last word.
    /// - Precondition: `scan.isASCII`, `count` ≥ 1.
    @inline(__always)
    static func splitASCII<Result>(
        _ text: UnsafeMutablePointer<UInt8>, count: Int, scan: PaddedCopy, index: SentimentWordIndex.View,
        folds: Bool, _ body: (VaderText) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: paddedWords(count)) { key in
            withUnsafeTemporaryAllocation(of: VaderWord.self, capacity: count / 2 + 1) { buffer in
                guard let key = key.baseAddress else { return body(VaderText(words: .init(start: nil, count: 0))) }
                var splitter = ASCIISplitter(text: UnsafePointer(text), count: count, key: key, index: index)
                let found = splitter.split(into: buffer, folds: folds)
                let words = UnsafeMutableBufferPointer(rebasing: buffer[0..<found])
                defer { _ = words.deinitialize() }
                return body(
                    VaderText(
                        words: words, capsDifferential: splitter.upper > 0 && splitter.upper < found,
                        exclamations: scan.exclamations, questions: scan.questions,
                        presentFlags: splitter.presentFlags))
            }
        }
    }
}

/// The single pass of ``VaderText/splitASCII(_:count:scan:index:folds:_:)`` over a zero-padded copy
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
        var state: UInt64 = 0
        // Each chunk is lowered, stored and hashed as it is made.
        repeat {
            var x = chunk(at: offset)
            if last - offset < 8 { x = VaderWordKey.prefix(x, last - offset) }
            let caps = VaderWordKey.capitals(x)
            capitals |= caps
            small |= VaderWordKey.smallLetters(x)
            apostrophes |= VaderWordKey.equalBytes(x, 0x27)
            let lowered = x | caps >> 2
            key[k] = lowered
            state = k == 0 ? VaderWordKey.startHash(lowered) : VaderWordKey.continueHash(state, lowered)
            k += 1
            offset += 8
        } while offset < last
        return VaderText.word(
            key, length: last - first, hash: VaderWordKey.finishHash(state), isUpper: capitals != 0 && small == 0,
            mayHaveNT: apostrophes != 0, piece: UnsafeBufferPointer(start: text + first, count: last - first), index,
            folds)
    }
}
