/// One grapheme cluster of the NFC text, classified by its NFKC form (rules.md §1.2).
struct TextUnit {
    /// How the tokenizer treats a unit.
    enum Class: UInt8 {
        /// Letter, mark, digit or `_` (and `*`/`?` in query words).
        case word
        /// A CJK character: a word token of its own.
        case cjk
        /// A Thai grapheme cluster: a word token of its own.
        case thai
        /// An emoji presentation sequence.
        case emoji
        /// `@`, `#` or `$` (also full-width).
        case sigil
        /// Whitespace.
        case space
        /// Format characters (Cf): invisible, ignored inside words.
        case transparent
        /// Anything else: punctuation, symbols.
        case separator
    }

    var start: Int
    var end: Int
    var kind: Class
    /// The sigil byte for `.sigil`; the ASCII byte for one-byte units; 0 otherwise.
    var byte: UInt8
    /// True when the unit is a letter (entity bodies need one).
    var isLetter: Bool
    /// True for a single ASCII letter (after NFKC), the only thing cashtag bodies allow.
    var isASCIILetter: Bool

    /// True for units that are "word characters" in the sense of rules.md §1.3.
    var isWordCharacter: Bool { kind == .word || kind == .cjk || kind == .thai }
}

/// Splits NFC text into classified units: bytes for ASCII, grapheme clusters otherwise.
enum TextUnits {
    static func units(of nfc: String, wildcards: Bool) -> [TextUnit] {
        if let ascii = asciiUnits(of: nfc, wildcards: wildcards) { return ascii }
        if let mixed = nfc.utf8.withContiguousStorageIfAvailable({ mixedUnits(of: nfc, bytes: $0, wildcards: wildcards) }) {
            return mixed
        }
        return characterUnits(of: nfc, wildcards: wildcards)
    }

    /// The units of any text, breaking every grapheme cluster as a Character (the reference
    /// for the faster paths).
    static func characterUnits(of nfc: String, wildcards: Bool) -> [TextUnit] {
        var units: [TextUnit] = []
        units.reserveCapacity(nfc.utf8.count)
        var index = nfc.startIndex
        var offset = 0
        while index < nfc.endIndex {
            let character = nfc[index]
            let next = nfc.index(after: index)
            let length = character.utf8.count
            units.append(unit(character, start: offset, length: length, wildcards: wildcards))
            offset += length
            index = next
        }
        return units
    }

    /// The units of a text with some non-ASCII: an ASCII byte followed by another ASCII byte
    /// (or the end) is a grapheme cluster of its own (only `\r\n` joins two ASCII bytes; marks,
    /// joiners and selectors that extend a cluster are never ASCII), so only the clusters that
    /// start with or run into non-ASCII bytes are broken as Characters.
    private static func mixedUnits(of nfc: String, bytes: UnsafeBufferPointer<UInt8>, wildcards: Bool) -> [TextUnit] {
        var units: [TextUnit] = []
        units.reserveCapacity(bytes.count)
        let utf8 = nfc.utf8
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80, offset + 1 == bytes.count || bytes[offset + 1] < 0x80 {
                if byte == 0x0D, offset + 1 < bytes.count, bytes[offset + 1] == 0x0A {
                    units.append(TextUnit(start: offset, end: offset + 2, kind: .space, byte: 0x0A, isLetter: false, isASCIILetter: false))
                    offset += 2
                } else {
                    units.append(asciiUnit(byte, at: offset, wildcards: wildcards))
                    offset += 1
                }
                continue
            }
            // `offset` is a cluster boundary: the Character starting here is the next cluster.
            let character = nfc[utf8.index(utf8.startIndex, offsetBy: offset)]
            let length = character.utf8.count
            units.append(unit(character, start: offset, length: length, wildcards: wildcards))
            offset += length
        }
        return units
    }

    /// The unit of one grapheme cluster.
    private static func unit(_ character: Character, start: Int, length: Int, wildcards: Bool) -> TextUnit {
        if length == 1, let byte = character.asciiValue { return asciiUnit(byte, at: start, wildcards: wildcards) }
        if character == "\r\n" {
            return TextUnit(start: start, end: start + 2, kind: .space, byte: 0x0A, isLetter: false, isASCIILetter: false)
        }
        return unicodeUnit(character, start: start, end: start + length, wildcards: wildcards)
    }

    /// The units of an all-ASCII text, one per byte (`\r\n` is one space unit, as it is one
    /// grapheme cluster), without grapheme breaking; `nil` when the text is not all ASCII.
    static func asciiUnits(of text: String, wildcards: Bool) -> [TextUnit]? {
        let units = text.utf8.withContiguousStorageIfAvailable { bytes -> [TextUnit]? in
            var units: [TextUnit] = []
            units.reserveCapacity(bytes.count)
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte >= 0x80 { return nil }
                if byte == 0x0D, offset + 1 < bytes.count, bytes[offset + 1] == 0x0A {
                    units.append(TextUnit(start: offset, end: offset + 2, kind: .space, byte: 0x0A, isLetter: false, isASCIILetter: false))
                    offset += 2
                    continue
                }
                units.append(asciiUnit(byte, at: offset, wildcards: wildcards))
                offset += 1
            }
            return units
        }
        return units ?? nil
    }

    @inline(__always)
    static func asciiUnit(_ byte: UInt8, at offset: Int, wildcards: Bool) -> TextUnit {
        let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        let kind: TextUnit.Class
        switch byte {
        case _ where isLetter: kind = .word
        case 0x30...0x39, 0x5F: kind = .word
        case 0x2A, 0x3F: kind = wildcards ? .word : .separator  // * ?
        case 0x40, 0x23, 0x24: kind = .sigil  // @ # $
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: kind = .space
        default: kind = .separator
        }
        return TextUnit(start: offset, end: offset + 1, kind: kind, byte: byte, isLetter: isLetter, isASCIILetter: isLetter)
    }

    static func unicodeUnit(_ character: Character, start: Int, end: Int, wildcards: Bool) -> TextUnit {
        let scalars = character.unicodeScalars
        var unit = TextUnit(start: start, end: end, kind: .separator, byte: 0, isLetter: false, isASCIILetter: false)
        if scalars.allSatisfy({ $0.properties.generalCategory == .format }) {
            unit.kind = .transparent
            return unit
        }
        if Emoji.isPresentationSequence(character) {
            unit.kind = .emoji
            return unit
        }
        // Symbols stay separators even when their compatibility form is letters (`™` → "TM").
        if let original = scalars.first, isSymbol(original), original != "\u{FF04}" { return unit }  // ＄ is a sigil
        let compatible = TextFolding.nfkc(String(character)).unicodeScalars
        guard let first = compatible.first else { return unit }
        if Script.isCJK(first) {
            unit.kind = .cjk
            unit.isLetter = true
        } else if Script.isThai(first) {
            unit.kind = .thai
            unit.isLetter = true
        } else if first == "@" || first == "#" || first == "$" {
            unit.kind = .sigil
            unit.byte = UInt8(first.value)
        } else if first.properties.isWhitespace {
            unit.kind = .space
        } else if isWordScalar(first) {
            unit.kind = .word
            unit.isLetter = compatible.contains { isLetter($0) }
            unit.isASCIILetter = compatible.count == 1 && first.isASCII && isLetter(first)
        } else if wildcards, first == "*" || first == "?" {
            unit.kind = .word
        }
        return unit
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}

/// Emoji classification of rules.md §1.3 and §9.
enum Emoji {
    static func isSkinTone(_ scalar: Unicode.Scalar) -> Bool { (0x1F3FB...0x1F3FF).contains(scalar.value) }
    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

    /// True when the cluster is an emoji presentation sequence.
    static func isPresentationSequence(_ character: Character) -> Bool {
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return false }
        if scalars.count == 1 {
            return first.properties.isEmojiPresentation && !isSkinTone(first) && !isRegionalIndicator(first)
        }
        if scalars.contains(where: { $0.value == 0x20E3 }) { return true }  // keycap
        if isRegionalIndicator(first) { return scalars.count == 2 && isRegionalIndicator(scalars[1]) }
        if first.properties.isEmojiPresentation && !isSkinTone(first) { return true }
        if first.properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return true }
        if scalars.contains(where: { $0.value == 0x200D }) {
            return scalars.contains { $0.properties.isEmojiPresentation }
        }
        return false
    }

    /// The comparison form: without skin-tone modifiers and U+FE0F.
    static func fold(_ text: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value != 0xFE0F && !isSkinTone(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
