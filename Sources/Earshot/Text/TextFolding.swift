import CUTF8Proc

/// Normalization and folding of rules.md §1: NFC for storage, and for comparison NFKC, full
/// case folding, accent folding on Latin/Greek/Cyrillic letters and a few letters without a
/// decomposition (`ø`→`o`, `ł`→`l`, `đ`→`d`, `æ`→`ae`, `œ`→`oe`, `þ`→`th`, Turkish `ı`→`i`).
///
/// ```swift
/// TextFolding.fold("Café ÑANDÚ")   // "cafe nandu"
/// TextFolding.fold("Straße")       // "strasse"
/// TextFolding.fold("İstanbul")     // "istanbul"
/// ```
public enum TextFolding {
    /// The comparison form of a text.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        // NFKD + full case folding in one pass, then marks and special letters, then compose.
        let decomposed = map(
            text, options: UTF8PROC_STABLE.rawValue | UTF8PROC_COMPAT.rawValue | UTF8PROC_DECOMPOSE.rawValue
                | UTF8PROC_CASEFOLD.rawValue)
        var result = String.UnicodeScalarView()
        var baseFoldsMarks = false
        for scalar in decomposed.unicodeScalars {
            let category = scalar.properties.generalCategory
            let isMark = category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
            if isMark {
                if baseFoldsMarks { continue }
                result.append(scalar)
                continue
            }
            baseFoldsMarks = Script.isLatinGreekOrCyrillic(scalar)
            switch scalar.value {
            case 0x00F8: result.append("o")  // ø
            case 0x0142: result.append("l")  // ł
            case 0x0111: result.append("d")  // đ
            case 0x00E6: result.append(contentsOf: "ae".unicodeScalars)  // æ
            case 0x0153: result.append(contentsOf: "oe".unicodeScalars)  // œ
            case 0x00FE: result.append(contentsOf: "th".unicodeScalars)  // þ
            case 0x0131: result.append("i")  // dotless ı
            default: result.append(scalar)
            }
        }
        return map(String(result), options: UTF8PROC_STABLE.rawValue | UTF8PROC_COMPOSE.rawValue)
    }

    /// Unicode NFC.
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return map(text, options: UTF8PROC_STABLE.rawValue | UTF8PROC_COMPOSE.rawValue)
    }

    /// Unicode NFKC.
    public static func nfkc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return map(text, options: UTF8PROC_STABLE.rawValue | UTF8PROC_COMPOSE.rawValue | UTF8PROC_COMPAT.rawValue)
    }

    /// ASCII-only lower-casing (the fast path for ASCII text).
    static func asciiLowercased(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var changed = false
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A {
            bytes[i] |= 0x20
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Runs `utf8proc_map`; returns the input unchanged if utf8proc reports an error (it only
    /// does so for invalid UTF-8, which a Swift String never is).
    private static func map(_ text: String, options: UInt32) -> String {
        var output: UnsafeMutablePointer<UInt8>?
        let length = text.withCString { input in
            input.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) { bytes in
                utf8proc_map(bytes, utf8proc_ssize_t(text.utf8.count), &output, utf8proc_option_t(rawValue: options))
            }
        }
        guard length >= 0, let output else { return text }
        defer { free(output) }
        return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
