import Foundation

/// The built-in support rule pack (`Resources/default-rules.yaml`), filled in for a brand and a
/// support handle. `earshot match` uses it when no `--rules` file is given.
///
/// ```swift
/// let yaml = try DefaultRulePack.yaml(brand: "Spotify", handle: "SpotifyCares")
/// let rules = try RuleSet(yaml: yaml, path: "<default>")
/// ```
public enum DefaultRulePack {
    /// The brand used when none is given.
    public static let defaultBrand = "Spotify"
    /// The support handle used when none is given.
    public static let defaultHandle = "SpotifyCares"

    /// Extra ways people write the default brand: misspellings, short links and other scripts.
    static let spotifyVariants = [
        "spotfy", "spotiy", "spotifiy", "spotfiy", "sptfy", "url:spotify.com", "url:spoti.fi", "スポティファイ",
        "스포티파이", "Спотифай", "سبوتيفاي", "สปอติฟาย",
        // Glued to a following word in scripts written without a separator ("spotify앱").
        "spotify*",
    ]

    /// Why a brand or handle cannot be filled into the pack.
    public struct InvalidParameter: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// The pack's YAML with `{{brand}}`, `{{brand_query}}` and `{{handle}}` filled in.
    /// - Throws: ``InvalidParameter`` when the brand is not 1–64 letters, digits, spaces, `.`, `-` or
    ///   `&`, or the handle is not 1–50 letters, digits or `_`.
    public static func yaml(brand: String = defaultBrand, handle: String = defaultHandle) throws(InvalidParameter)
        -> String
    {
        let trimmedBrand = brand.trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(trimmedBrand.count),
            trimmedBrand.unicodeScalars.allSatisfy({
                CharacterSet.alphanumerics.contains($0) || " .-&".unicodeScalars.contains($0)
            })
        else {
            throw InvalidParameter(description: "brand must be 1-64 letters, digits, spaces, '.', '-' or '&'")
        }
        let bareHandle = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
        guard (1...50).contains(bareHandle.count),
            bareHandle.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") })
        else {
            throw InvalidParameter(description: "handle must be 1-50 ASCII letters, digits or '_'")
        }
        return template
            .replacingOccurrences(of: "{{brand_query}}", with: brandQuery(trimmedBrand))
            .replacingOccurrences(of: "{{brand}}", with: trimmedBrand)
            .replacingOccurrences(of: "{{handle}}", with: bareHandle)
    }

    /// ``yaml(brand:handle:)`` with a bad parameter reported as a rules-file diagnostic.
    static func compiledYAML(brand: String, handle: String) throws(CompileFailure) -> String {
        do {
            return try yaml(brand: brand, handle: handle)
        } catch {
            throw CompileFailure(diagnostics: [
                Diagnostic(code: .invalidRulesFile, severity: .error, message: error.description, file: "<default>")
            ])
        }
    }

    /// The brand hub query: the name (a phrase when it has several words), its hashtags and
    /// mentions by prefix, and for the default brand its known variants.
    static func brandQuery(_ brand: String) -> String {
        let compact = brand.filter { $0.isLetter || $0.isNumber }
        let name = brand.contains(" ") || brand.contains("-") || brand.contains(".") ? "\"\(brand)\"" : brand
        var parts = [name]
        if compact.count >= 2 {
            parts.append("#\(compact)*")
            parts.append("@\(compact)*")
        }
        if brand.caseInsensitiveCompare(defaultBrand) == .orderedSame {
            parts.append(contentsOf: spotifyVariants)
        }
        return parts.joined(separator: " OR ").replacingOccurrences(of: "'", with: "''")
    }
}
