/// A text prepared the way VADER prepares it: emoji replaced by their descriptions, split on
/// whitespace, ASCII punctuation stripped from each word unless that leaves two characters or
/// fewer (so `:)` survives), then each word lowercased and looked up in the word table once.
///
/// It is a view over buffers that exist only inside ``withWords(of:index:_:)``: the words sit
/// in one temporary allocation (on the stack when it is small enough). A text that is ASCII
/// (after emoji substitution) is split in one pass over a padded copy, eight bytes at a time
/// (`VaderText+ASCII.swift`); other texts byte by byte, with a String only for words with
/// non-ASCII letters. Preparing an ASCII text allocates nothing.
struct VaderText {
    /// The words, in order. Valid only inside ``withWords(of:index:_:)``.
    let words: UnsafeMutableBufferPointer<VaderWord>
    /// Some but not all words are ALL CAPS.
    let capsDifferential: Bool
    /// The number of `!` in the text.
    let exclamations: Int
    /// The number of `?` in the text.
    let questions: Int
    /// The union of the words' flags: without ``SentimentWordIndex/Flags/mayScore`` every
    /// valence is 0, without ``SentimentWordIndex/Flags/contrasts`` there is no "but".
    let presentFlags: SentimentWordIndex.Flags

    init(
        words: UnsafeMutableBufferPointer<VaderWord>, capsDifferential: Bool = false, exclamations: Int = 0,
        questions: Int = 0, presentFlags: SentimentWordIndex.Flags = []
    ) {
        self.words = words
        self.capsDifferential = capsDifferential
        self.exclamations = exclamations
        self.questions = questions
        self.presentFlags = presentFlags
    }

    var count: Int { words.count }

    /// Prepares `text` and calls `body` with it; the buffers are gone when `body` returns.
    /// - Parameter index: the lexicon's word index (from `lexicon.index`).
    /// - Complexity: O(bytes of the text after emoji substitution).
    @inline(__always)
    static func withWords<Result>(
        of text: String, index: SentimentWordIndex.View, _ body: (VaderText) -> Result
    ) -> Result {
        if #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *) {
            // The text's own bytes, borrowed: unlike `withContiguousStorageIfAvailable`, no
            // retain and release of the string around the call.
            return text.utf8.span.withUnsafeBufferPointer { withWords(ofUTF8: $0, index: index, body) }
        }
        if let prepared = text.utf8.withContiguousStorageIfAvailable({ withWords(ofUTF8: $0, index: index, body) }) {
            return prepared
        }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { withWords(ofUTF8: $0, index: index, body) }
    }

    /// ``withWords(ofUTF8:index:_:)`` for a text with non-ASCII bytes (`nonASCII` of them): its
    /// emoji are replaced by their descriptions, in one pass into a zero-padded buffer; when that
    /// leaves it ASCII (descriptions are), it is split like any ASCII text.
    static func withWords<Result>(
        ofNonASCII utf8: UnsafeBufferPointer<UInt8>, nonASCII: Int, index: SentimentWordIndex.View, folds: Bool,
        _ body: (VaderText) -> Result
    ) -> Result {
        let bound = VaderEmoji.bound(utf8.count, nonASCII: nonASCII, index: index)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: paddedWords(bound) * 8) { buffer in
            guard let base = buffer.baseAddress else { return body(VaderText(words: .init(start: nil, count: 0))) }
            let raw = UnsafeMutableRawPointer(base)
            let size = VaderEmoji.substitute(utf8, into: raw, index: index)
            assert(size <= bound)
            let words = paddedWords(size)
            // Zeros from the end of the text to the end of its last padded word and one more.
            (raw + size).initializeMemory(as: UInt8.self, repeating: 0, count: words * 8 - size)
            guard size > 0 else { return body(VaderText(words: .init(start: nil, count: 0))) }
            let scan = scanPadded(UnsafeRawPointer(raw), words: words)
            if scan.isASCII {
                return splitASCII(base, count: size, scan: scan, index: index, folds: folds, body)
            }
            return withWords(
                ofSubstituted: UnsafeBufferPointer(start: base, count: size), index: index, folds: folds, body)
        }
    }

    /// Splits text that has had its emoji replaced, and looks its words up.
    private static func withWords<Result>(
        ofSubstituted bytes: UnsafeBufferPointer<UInt8>, index: SentimentWordIndex.View, folds: Bool,
        _ body: (VaderText) -> Result
    ) -> Result {
        // A word takes at least one byte and one separator.
        let capacity = bytes.count / 2 + 1
        return withUnsafeTemporaryAllocation(of: VaderWord.self, capacity: capacity) { buffer in
            var count = 0
            var upper = 0
            var presentFlags: SentimentWordIndex.Flags = []
            var exclamations = 0
            var questions = 0
            var i = 0
            var start = -1
            var ascii = true
            /// Adds the word that ends before byte `end`.
            func flush(_ end: Int) {
                let word = prepare(UnsafeBufferPointer(rebasing: bytes[start..<end]), ascii: ascii, index, folds)
                if word.isUpper { upper += 1 }
                presentFlags.formUnion(word.flags)
                buffer.initializeElement(at: count, to: word)
                count += 1
                start = -1
            }
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    let byteClass = index.byteClass(byte)
                    if byteClass & SentimentWordIndex.ByteClass.space != 0 {
                        if start >= 0 { flush(i) }
                    } else {
                        exclamations &+= Int(byteClass >> 2 & 1)
                        questions &+= Int(byteClass >> 3 & 1)
                        if start < 0 {
                            start = i
                            ascii = true
                        }
                    }
                    i += 1
                } else {
                    let (isSpace, length) = pythonSpace(bytes, at: i)
                    if isSpace {
                        if start >= 0 { flush(i) }
                    } else {
                        if start < 0 { start = i }
                        ascii = false
                    }
                    i += length
                }
            }
            if start >= 0 { flush(bytes.count) }
            assert(count <= capacity)
            let words = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            defer { _ = words.deinitialize() }
            return body(
                VaderText(
                    words: words, capsDifferential: upper > 0 && upper < count, exclamations: exclamations,
                    questions: questions, presentFlags: presentFlags))
        }
    }

    /// One whitespace-separated word: punctuation stripped, case and "n't" noted, looked up.
    @inline(__always)
    private static func prepare(
        _ token: UnsafeBufferPointer<UInt8>, ascii: Bool, _ index: SentimentWordIndex.View, _ folds: Bool
    ) -> VaderWord {
        let piece = strippingPunctuation(token, ascii: ascii, index)
        guard ascii else { return prepareUnicode(piece, index, folds) }
        var hasLower = false
        var hasUpper = false
        for byte in piece {
            if byte &- 0x61 < 26 { hasLower = true } else if byte &- 0x41 < 26 { hasUpper = true }
        }
        let chunkCount = VaderWordKey.chunkCount(piece.count)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: chunkCount) { chunks in
            guard let base = chunks.baseAddress else {
                return VaderWord(id: -1, isUpper: false, hasNT: false, flags: [])
            }
            VaderWordKey.fill(piece, lowering: true, into: base)
            return word(
                base, length: piece.count, isUpper: hasUpper && !hasLower, mayHaveNT: true, piece: piece, index, folds)
        }
    }

    /// The word whose lowered key is in `chunks`: looked up (and folded when elongated), with
    /// its "n't" flag read from the key when it may have one.
    @inline(__always)
    static func word(
        _ chunks: UnsafePointer<UInt64>, length: Int, isUpper: Bool, mayHaveNT: Bool, piece: UnsafeBufferPointer<UInt8>,
        _ index: SentimentWordIndex.View, _ folds: Bool
    ) -> VaderWord {
        let hash = VaderWordKey.hash(chunks, chunkCount: VaderWordKey.chunkCount(length))
        return word(
            chunks, length: length, hash: hash, isUpper: isUpper, mayHaveNT: mayHaveNT, piece: piece, index, folds)
    }

    /// ``word(_:length:isUpper:mayHaveNT:piece:_:_:)`` for a key the caller has hashed (`hash`).
    @inline(__always)
    static func word(
        _ chunks: UnsafePointer<UInt64>, length: Int, hash: UInt64, isUpper: Bool, mayHaveNT: Bool,
        piece: UnsafeBufferPointer<UInt8>, _ index: SentimentWordIndex.View, _ folds: Bool
    ) -> VaderWord {
        var (id, flags) = index.lookup(chunks, length: length, hash: hash)
        if id < 0, folds {
            id = VaderElongation.fold(piece, index)
            flags = id < 0 ? [] : index[Int(id)].flags
        }
        let hasNT = mayHaveNT && containsNT(piece, lowering: true)
        return VaderWord(id: id, isUpper: isUpper, hasNT: hasNT, flags: flags)
    }

    /// A word with non-ASCII characters: Unicode case rules, through a String (rare).
    private static func prepareUnicode(
        _ piece: UnsafeBufferPointer<UInt8>, _ index: SentimentWordIndex.View, _ folds: Bool
    ) -> VaderWord {
        let word = String(decoding: piece, as: UTF8.self)
        let lowered = Array(word.lowercased().utf8)
        return lowered.withUnsafeBufferPointer { lowered in
            var id = index.index(ofLowercase: lowered)
            if id < 0, folds { id = VaderElongation.fold(lowered, index) }
            let flags = id < 0 ? [] : index[Int(id)].flags
            return VaderWord(id: id, isUpper: isUppercase(word), hasNT: containsNT(lowered), flags: flags)
        }
    }

    /// Python's `str.isspace` for an ASCII byte.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5 || byte &- 0x1C < 4
    }

    /// Whether the character at `i` (not ASCII) is whitespace for Python's `str.isspace`, and its length.
    static func pythonSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Bool, Int) {
        let byte = bytes[i]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard i + length <= bytes.count, length > 1 else { return (false, 1) }
        var value: UInt32 = length == 2 ? UInt32(byte & 0x1F) : length == 3 ? UInt32(byte & 0x0F) : UInt32(byte & 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return (true, length)
        default: return (false, length)
        }
    }

    /// `token.strip(string.punctuation)`, unless that leaves two characters or fewer.
    @inline(__always)
    static func strippingPunctuation(
        _ word: UnsafeBufferPointer<UInt8>, ascii: Bool, _ index: SentimentWordIndex.View
    ) -> UnsafeBufferPointer<UInt8> {
        let punctuation = SentimentWordIndex.ByteClass.punctuation
        var start = 0
        var end = word.count
        while start < end, word[start] < 0x80, index.byteClass(word[start]) & punctuation != 0 { start += 1 }
        while end > start, word[end - 1] < 0x80, index.byteClass(word[end - 1]) & punctuation != 0 { end -= 1 }
        var characters = end - start
        if !ascii {
            characters = 0
            for i in start..<end where word[i] & 0xC0 != 0x80 { characters += 1 }
        }
        return characters <= 2 ? word : UnsafeBufferPointer(rebasing: word[start..<end])
    }

    @inline(__always)
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        byte &- 0x21 < 15 || byte &- 0x3A < 7 || byte &- 0x5B < 6 || byte &- 0x7B < 4
    }

    /// Python's `str.isupper()` of a word with non-ASCII characters.
    static func isUppercase(_ word: String) -> Bool {
        var cased = false
        for scalar in word.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// Whether lowercase bytes contain "n't" (with `lowering`, once their ASCII capitals are lowered).
    static func containsNT(_ word: UnsafeBufferPointer<UInt8>, lowering: Bool = false) -> Bool {
        guard word.count >= 3 else { return false }
        for i in 0...(word.count - 3) where word[i + 1] == 0x27 {
            let n = lowering ? SentimentTable.lowered(word[i]) : word[i]
            let t = lowering ? SentimentTable.lowered(word[i + 2]) : word[i + 2]
            if n == 0x6E, t == 0x74 { return true }
        }
        return false
    }
}
