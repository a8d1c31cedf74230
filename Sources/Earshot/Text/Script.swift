/// Script facts the tokenizer needs (the standard library has no Script property).
package enum Script {
    /// Han, Hiragana or Katakana, plus `ー 々 〆 ヽ ヾ ゝ ゞ` (rules.md §9 "CJK set").
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3005, 0x3006, 0x30FC, 0x30FD, 0x30FE, 0x309D, 0x309E: return true
        case 0x3041...0x3096, 0x309F: return true  // Hiragana
        case 0x30A1...0x30FA, 0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF6F, 0xFF71...0xFF9D: return true  // Katakana
        case 0x32D0...0x32FE, 0x3300...0x3357: return true  // circled/squared Katakana
        case 0x3007, 0x3021...0x3029, 0x3038...0x303B: return true  // Han numerals and marks
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true  // Han
        case 0x20000...0x2FA1F, 0x30000...0x323AF: return true  // Han extensions
        case 0x1B000...0x1B16F: return true  // Kana supplement/extended
        default: return false
        }
    }

    /// Thai letters, vowels and marks.
    package static func isThai(_ scalar: Unicode.Scalar) -> Bool {
        (0x0E01...0x0E5B).contains(scalar.value)
    }

    /// Latin, Greek or Cyrillic letters: marks attached to these are folded away.
    package static func isLatinGreekOrCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0041...0x005A, 0x0061...0x007A, 0x00C0...0x024F, 0x0250...0x02AF, 0x1D00...0x1DBF,
            0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return true  // Latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return true  // Greek
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return true  // Cyrillic
        default: return false
        }
    }
}
