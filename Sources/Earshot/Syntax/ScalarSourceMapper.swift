/// Finds where each Character of a YAML scalar's value sits in the file, for every scalar style:
/// plain, single-quoted (`''`), double-quoted (escapes, escaped line breaks), literal (`|`) and
/// folded (`>`), on one line or several.
///
/// It walks the value and the source side by side: every non-blank value character must be
/// found at the source cursor after skipping blanks, line breaks and indentation (and, in a
/// double-quoted scalar, escaped line breaks), decoding `''` and `\` escapes on the way. Blanks
/// and line breaks of the value that YAML folding made up are placed at the cursor without
/// consuming anything. When the walk cannot explain the value (some unusual YAML construct),
/// it gives up and the caller falls back to a coarser map.
struct ScalarSourceMapper {
    enum Style {
        case plain, singleQuoted, doubleQuoted, block
    }

    /// The file's lines without line terminators.
    let lines: [Substring]
    let style: Style

    private var lineIndex: Int
    private var characters: [Character]
    private var column: Int

    /// - Parameters:
    ///   - line: 0-based line of the scalar's first content character (the line after the
    ///     header for block scalars).
    ///   - column: 0-based Character index of that character on its line.
    init(lines: [Substring], style: Style, line: Int, column: Int) {
        self.lines = lines
        self.style = style
        self.lineIndex = line
        self.characters = line < lines.count ? Array(lines[line]) : []
        self.column = column
    }

    /// One query line's file positions: per Character, 1-based file line and column.
    struct LinePositions {
        var fileLines: [Int] = []
        var columns: [Int] = []
    }

    /// The file position of every Character of `value`, grouped by value line; nil when the
    /// source does not spell `value` the way this walk understands.
    mutating func map(_ value: String) -> [LinePositions]? {
        var result: [LinePositions] = [LinePositions()]
        var pending: ArraySlice<Unicode.Scalar> = []
        for character in value {
            var first: (line: Int, column: Int)?
            for scalar in character.unicodeScalars {
                let here = (line: lineIndex + 1, column: column + 1)
                if let expected = pending.first {
                    guard expected == scalar else { return nil }
                    pending = pending.dropFirst()
                    if first == nil { first = here }
                    continue
                }
                if Self.isBlank(scalar) {
                    if first == nil { first = here }
                    if let (decoded, next) = decode(), decoded == [scalar] { column = next }
                    continue
                }
                guard skipBlanks(), let (decoded, next) = decode(), decoded.first == scalar else { return nil }
                if first == nil { first = (lineIndex + 1, column + 1) }
                pending = decoded.dropFirst()
                column = next
            }
            let position = first ?? (lineIndex + 1, column + 1)
            result[result.count - 1].fileLines.append(position.line)
            result[result.count - 1].columns.append(position.column)
            if character == "\n" || character == "\r\n" { result.append(LinePositions()) }
        }
        return pending.isEmpty ? result : nil
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// Moves the cursor past blanks, line ends and (double-quoted) escaped line breaks; false
    /// at the end of the file.
    private mutating func skipBlanks() -> Bool {
        while true {
            if column >= characters.count {
                guard lineIndex + 1 < lines.count else { return false }
                lineIndex += 1
                characters = Array(lines[lineIndex])
                column = 0
                continue
            }
            let character = characters[column]
            if character == " " || character == "\t" {
                column += 1
            } else if style == .doubleQuoted, character == "\\", column + 1 == characters.count {
                column += 1
            } else {
                return true
            }
        }
    }

    /// The value scalars the source spells at the cursor, and the column after them; nil at a
    /// line end or an escaped line break.
    private func decode() -> ([Unicode.Scalar], Int)? {
        guard column < characters.count else { return nil }
        let character = characters[column]
        switch style {
        case .singleQuoted where character == "'":
            guard column + 1 < characters.count, characters[column + 1] == "'" else { return nil }
            return (["'"], column + 2)
        case .doubleQuoted where character == "\\":
            return decodeEscape()
        default:
            return (Array(character.unicodeScalars), column + 1)
        }
    }

    /// A double-quoted escape at the cursor (YAML 1.2 §5.7).
    private func decodeEscape() -> ([Unicode.Scalar], Int)? {
        guard column + 1 < characters.count else { return nil }
        let code = characters[column + 1]
        let simple: [Character: Unicode.Scalar] = [
            "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}",
            "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
            "L": "\u{2028}", "P": "\u{2029}",
        ]
        if let scalar = simple[code] { return ([scalar], column + 2) }
        let digits: Int
        switch code {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: return nil
        }
        let end = column + 2 + digits
        guard end <= characters.count,
            let value = UInt32(String(characters[(column + 2)..<end]), radix: 16),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return ([scalar], end)
    }
}
