/// A text prepared the way VADER prepares it: emoji replaced by their descriptions, split on
/// whitespace, ASCII punctuation stripped from each word unless that leaves two characters or
/// fewer (so `:)` survives), then each word lowercased and looked up in the word table once.
struct VaderText {
    /// The text after emoji substitution and trimming (punctuation emphasis counts `!` and `?` here).
    var bytes: [UInt8] = []
    /// Each word's table index, or -1.
    var entries: [Int] = []
    /// Each word is ALL CAPS (Python's `str.isupper`: some cased letter, no lowercase one).
    var isUpper: [Bool] = []
    /// Each word contains "n't".
    var hasNT: [Bool] = []
    /// Some but not all words are ALL CAPS.
    var capsDifferential = false

    init(_ text: String, lexicon: SentimentLexiconData) {
        bytes = VaderText.substituteEmoji(text, lexicon.emojiDescriptions)
        bytes.withUnsafeBufferPointer { all in
            var lowered: [UInt8] = []
            lowered.reserveCapacity(32)
            let words = VaderText.words(all)
            entries.reserveCapacity(words.count)
            isUpper.reserveCapacity(words.count)
            hasNT.reserveCapacity(words.count)
            for word in words {
                let kept = VaderText.strippingPunctuation(word, in: all)
                let piece = UnsafeBufferPointer(rebasing: all[kept])
                isUpper.append(VaderText.isUppercase(piece))
                VaderText.lowercase(piece, into: &lowered)
                var entry = lowered.withUnsafeBufferPointer { lexicon.table.index(of: $0) ?? -1 }
                if entry < 0, lexicon.foldsElongation {
                    entry = VaderText.elongationFold(lowered, lexicon.table)
                }
                entries.append(entry)
                hasNT.append(VaderText.containsNT(lowered))
            }
        }
        let upper = isUpper.filter { $0 }.count
        capsDifferential = upper > 0 && upper < isUpper.count
    }

    var count: Int { entries.count }

    /// VADER's emoji pass: each code point found in the emoji lexicon becomes its description,
    /// preceded by a space unless a space came just before; then surrounding whitespace is trimmed.
    static func substituteEmoji(_ text: String, _ emoji: [UInt32: String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var previousSpace = true
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            out.append(contentsOf: text.utf8)
            return out.withUnsafeBufferPointer { all in
                isTrimmedASCII(all) ? out : trimmed(out)
            }
        } else {
            for scalar in text.unicodeScalars {
                if scalar.value >= 0xA9, let description = emoji[scalar.value] {
                    if !previousSpace { out.append(0x20) }
                    out.append(contentsOf: description.utf8)
                    previousSpace = false
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                    previousSpace = scalar == " "
                }
            }
        }
        return trimmed(out)
    }

    /// Whether ASCII bytes neither start nor end with whitespace.
    static func isTrimmedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return true }
        return !pythonSpace(bytes, at: 0).0 && !pythonSpace(bytes, at: bytes.count - 1).0
    }

    /// Without leading and trailing Python whitespace.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { all in
            let pieces = words(all)
            guard let first = pieces.first, let last = pieces.last else { return [] }
            return Array(all[first.lowerBound..<last.upperBound])
        }
    }

    /// Byte ranges of the whitespace-separated words (Python's `str.split()`).
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        var i = 0
        while i < bytes.count {
            let (isSpace, length) = pythonSpace(bytes, at: i)
            if isSpace {
                if let s = start { result.append(s..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
            i += length
        }
        if let s = start { result.append(s..<bytes.count) }
        return result
    }

    /// Whether the character at `i` is whitespace for Python's `str.isspace`, and its length.
    static func pythonSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Bool, Int) {
        let byte = bytes[i]
        if byte < 0x80 { return (byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte), 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard i + length <= bytes.count else { return (false, 1) }
        var value: UInt32 = length == 2 ? UInt32(byte & 0x1F) : length == 3 ? UInt32(byte & 0x0F) : UInt32(byte & 0x07)
        for k in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return (true, length)
        default: return (false, max(length, 1))
        }
    }

    /// `token.strip(string.punctuation)`, unless that leaves two characters or fewer.
    static func strippingPunctuation(_ word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = word.lowerBound
        var end = word.upperBound
        while start < end, isASCIIPunctuation(bytes[start]) { start += 1 }
        while end > start, isASCIIPunctuation(bytes[end - 1]) { end -= 1 }
        var characters = 0
        for i in start..<end where bytes[i] & 0xC0 != 0x80 { characters += 1 }
        return characters <= 2 ? word : start..<end
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    /// Python's `str.isupper()`.
    static func isUppercase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }) {
            var cased = false
            for byte in word {
                if (0x61...0x7A).contains(byte) { return false }
                if (0x41...0x5A).contains(byte) { cased = true }
            }
            return cased
        }
        var cased = false
        for scalar in String(decoding: word, as: UTF8.self).unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// Python's `str.lower()` of the word, into `out` (replacing its contents).
    static func lowercase(_ word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        if word.allSatisfy({ $0 < 0x80 }) {
            for byte in word { out.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
        } else {
            out.append(contentsOf: String(decoding: word, as: UTF8.self).lowercased().utf8)
        }
    }

    static func containsNT(_ word: [UInt8]) -> Bool {
        guard word.count >= 3 else { return false }
        for i in 0...(word.count - 3) where word[i] == 0x6E && word[i + 1] == 0x27 && word[i + 2] == 0x74 {
            return true
        }
        return false
    }

    /// "sooooo" → "so", "goooood" → "good": runs of three or more of one letter squeezed to two,
    /// then to one, until a known word appears (support overlay only; VADER itself does not).
    static func elongationFold(_ word: [UInt8], _ table: SentimentTable) -> Int {
        guard word.count >= 4, word.allSatisfy({ $0 < 0x80 }) else { return -1 }
        var runs: [(byte: UInt8, length: Int)] = []
        for byte in word {
            if let last = runs.last, last.byte == byte {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((byte, 1))
            }
        }
        guard runs.contains(where: { $0.length >= 3 }) else { return -1 }
        for keep in [2, 1] {
            var squeezed: [UInt8] = []
            for run in runs {
                squeezed.append(contentsOf: repeatElement(run.byte, count: run.length >= 3 ? keep : run.length))
            }
            if let index = squeezed.withUnsafeBufferPointer({ table.index(of: $0) }),
                table[index].valence != nil || table[index].booster != 0
            {
                return index
            }
        }
        return -1
    }
}
