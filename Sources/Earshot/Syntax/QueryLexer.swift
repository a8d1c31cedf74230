/// Splits a query into lexemes. Outside quotes, `(`, `)`, `"`, `{`, `}` and whitespace are
/// syntax; everything else belongs to a bare word. A `-` or `/` at the start of an operand
/// starts a negation or a regex. Errors become diagnostics; lexing always goes on.
struct QueryLexer {
    let source: SourceText
    var index = 0
    var lexemes: [Lexeme] = []
    var diagnostics: [Diagnostic] = []

    init(_ source: SourceText) { self.source = source }

    var bytes: [UInt8] { source.bytes }

    static func isSyntax(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"): true
        default: isSpace(byte)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        diagnostics.append(
            Diagnostic(code: code, severity: .error, message: message, span: source.span(start, end), help: help))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        diagnostics.append(
            Diagnostic(code: code, severity: .warning, message: message, span: source.span(start, end), help: help))
    }

    mutating func lex() -> [Lexeme] {
        var atOperandStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) {
                index += 1
                atOperandStart = true
                continue
            }
            let start = index
            switch byte {
            case UInt8(ascii: "("):
                index += 1
                lexemes.append(Lexeme(kind: .leftParen, start: start, end: index))
                atOperandStart = true
            case UInt8(ascii: ")"):
                index += 1
                lexemes.append(Lexeme(kind: .rightParen, start: start, end: index))
                atOperandStart = true
            case UInt8(ascii: "\""):
                lexPhrase()
                atOperandStart = false
            case UInt8(ascii: "{"):
                lexExact()
                atOperandStart = false
            case UInt8(ascii: "}"):
                index += 1
                error(.unbalancedBrace, "'}' without a matching '{'", start, index)
            case UInt8(ascii: "-") where atOperandStart:
                index += 1
                if index >= bytes.count || Self.isSpace(bytes[index]) {
                    error(.loneNegation, "'-' must touch what it negates", start, index, help: "write -word, or remove the '-'")
                    lexemes.append(Lexeme(kind: .invalid, start: start, end: index))
                } else if bytes[index] == UInt8(ascii: "-") {
                    error(.doubleNegation, "double negation '--'", start, index + 1, help: "a double negation cancels out; remove both")
                    lexemes.append(Lexeme(kind: .minus, start: start, end: index))
                    while index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
                } else {
                    lexemes.append(Lexeme(kind: .minus, start: start, end: index))
                }
                // The operand follows immediately: still at an operand start.
            case UInt8(ascii: "/") where atOperandStart:
                lexRegex()
                atOperandStart = false
            default:
                lexWord()
                atOperandStart = false
            }
        }
        return lexemes
    }

    /// `"..."` with `\"` and `\\` escapes; unterminated quotes are errors at the opening quote.
    mutating func lexPhrase() {
        let start = index
        guard let (content, end) = readQuoted(from: index) else {
            error(.unbalancedQuote, "this quote is never closed", start, start + 1, help: "add the closing \"")
            lexemes.append(Lexeme(kind: .invalid, start: start, end: bytes.count))
            index = bytes.count
            return
        }
        index = end
        lexemes.append(Lexeme(kind: .phrase(content), start: start, end: end))
    }

    /// Reads a quoted string starting at the `"` at `from`; returns its content and the offset
    /// after the closing quote.
    func readQuoted(from: Int) -> (String, Int)? {
        var content: [UInt8] = []
        var i = from + 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count,
                bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "\\")
            {
                content.append(bytes[i + 1])
                i += 2
                continue
            }
            if byte == UInt8(ascii: "\"") { return (String(decoding: content, as: UTF8.self), i + 1) }
            content.append(byte)
            i += 1
        }
        return nil
    }

    /// `{word}` or `{"a phrase"}`.
    mutating func lexExact() {
        let start = index
        var i = index + 1
        var quoted = false
        var content = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            guard let (text, end) = readQuoted(from: i) else {
                error(.unbalancedQuote, "this quote is never closed", i, i + 1)
                lexemes.append(Lexeme(kind: .invalid, start: start, end: bytes.count))
                index = bytes.count
                return
            }
            quoted = true
            content = text
            i = end
        } else {
            let contentStart = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "}"), !Self.isSyntax(bytes[i]) || bytes[i] == UInt8(ascii: "-") {
                i += 1
            }
            content = source.slice(contentStart, i)
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "}") else {
            error(.unbalancedBrace, "'{' without a matching '}'", start, start + 1, help: "exact terms look like {Apple} or {\"Big Bang\"}")
            lexemes.append(Lexeme(kind: .invalid, start: start, end: i))
            index = i
            return
        }
        index = i + 1
        if content.isEmpty {
            error(.emptyExact, "'{}' has nothing inside", start, index)
            lexemes.append(Lexeme(kind: .invalid, start: start, end: index))
            return
        }
        lexemes.append(Lexeme(kind: .exact(content, quoted: quoted), start: start, end: index))
    }

    /// `/pattern/flags`: ends at the first `/` not escaped as `\/`; spaces belong to it.
    mutating func lexRegex() {
        let start = index
        var i = index + 1
        var pattern: [UInt8] = []
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") {
                pattern.append(UInt8(ascii: "/"))
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "/") { break }
            pattern.append(bytes[i])
            i += 1
        }
        guard i < bytes.count else {
            error(.invalidRegex, "this regex is never closed with '/'", start, start + 1, help: "write /pattern/ or escape a slash as \\/")
            lexemes.append(Lexeme(kind: .invalid, start: start, end: bytes.count))
            index = bytes.count
            return
        }
        i += 1
        let flagsStart = i
        while i < bytes.count, !Self.isSyntax(bytes[i]) { i += 1 }
        let flags = source.slice(flagsStart, i)
        index = i
        if let bad = flags.firstIndex(where: { !"ismx".contains($0) }) {
            let offset = flagsStart + flags.utf8.distance(from: flags.startIndex, to: bad)
            error(.invalidRegex, "unknown regex flag '\(flags[bad])'", offset, offset + 1, help: "flags are i, s, m and x")
            lexemes.append(Lexeme(kind: .invalid, start: start, end: i))
            return
        }
        if pattern.isEmpty {
            error(.invalidRegex, "empty regex", start, i)
            lexemes.append(Lexeme(kind: .invalid, start: start, end: i))
            return
        }
        lexemes.append(
            Lexeme(kind: .regex(pattern: String(decoding: pattern, as: UTF8.self), flags: flags, patternStart: start + 1), start: start, end: i))
    }

    /// A bare word: an operator, NEAR/n, a field, or a plain word.
    mutating func lexWord() {
        let start = index
        while index < bytes.count, !Self.isSyntax(bytes[index]) { index += 1 }
        let word = source.slice(start, index)
        switch word {
        case "AND": lexemes.append(Lexeme(kind: .and, start: start, end: index)); return
        case "OR": lexemes.append(Lexeme(kind: .or, start: start, end: index)); return
        case "NOT": lexemes.append(Lexeme(kind: .not, start: start, end: index)); return
        default: break
        }
        if word == "NEAR" || word.hasPrefix("NEAR/") {
            lexNear(word, start: start)
            return
        }
        let lower = word.lowercased()
        if ["and", "or", "not"].contains(lower) || lower.hasPrefix("near/") {
            warning(
                .lowercaseOperator, "'\(word)' is searched as a word; operators are written in upper case", start, index,
                help: "write \(word.uppercased()) to use it as an operator")
        }
        if isURL(word) {
            lexemes.append(Lexeme(kind: .word(word), start: start, end: index))
            return
        }
        if let colon = word.firstIndex(of: ":") {
            let name = word[..<colon]
            let valueStart = start + word.utf8.distance(from: word.startIndex, to: colon) + 1
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) {
                if valueStart < index {
                    let value = source.slice(valueStart, index)
                    // field:path="quoted value"
                    if value.hasSuffix("="), index < bytes.count, bytes[index] == UInt8(ascii: "\""),
                        let (quoted, end) = readQuoted(from: index)
                    {
                        lexemes.append(
                            Lexeme(
                                kind: .field(name: String(name), value: value + quoted, valueStart: valueStart, valueEnd: end - 1, exact: false),
                                start: start, end: end))
                        index = end
                        return
                    }
                    lexemes.append(
                        Lexeme(kind: .field(name: String(name), value: value, valueStart: valueStart, valueEnd: index, exact: false), start: start, end: index))
                    return
                }
                // `name:` followed directly by a quoted or braced value, or a group.
                if index < bytes.count, lexFieldValue(name: String(name), start: start) { return }
            }
        }
        lexemes.append(Lexeme(kind: .word(word), start: start, end: index))
    }

    /// `author:"Spotify Cares"`, `author:{Bob}`, and the error `author:(a OR b)`.
    mutating func lexFieldValue(name: String, start: Int) -> Bool {
        let next = bytes[index]
        if next == UInt8(ascii: "\""), let (value, end) = readQuoted(from: index) {
            lexemes.append(
                Lexeme(kind: .field(name: name, value: value, valueStart: index + 1, valueEnd: end - 1, exact: false), start: start, end: end))
            index = end
            return true
        }
        if next == UInt8(ascii: "{") {
            var i = index + 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "}"), !Self.isSpace(bytes[i]) { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: "}"), i > index + 1 {
                lexemes.append(
                    Lexeme(kind: .field(name: name, value: source.slice(index + 1, i), valueStart: index + 1, valueEnd: i, exact: true), start: start, end: i + 1))
                index = i + 1
                return true
            }
        }
        if next == UInt8(ascii: "(") {
            error(
                .invalidFieldValue, "a field value cannot be a group", start, index + 1,
                help: "write \(name):a OR \(name):b instead of \(name):(a OR b)")
            lexemes.append(Lexeme(kind: .invalid, start: start, end: index))
            // Skip the group so its words are not read as operands.
            var depth = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "(") { depth += 1 }
                if bytes[index] == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        break
                    }
                }
                index += 1
            }
            return true
        }
        return false
    }

    mutating func lexNear(_ word: String, start: Int) {
        let end = index
        guard word.hasPrefix("NEAR/"), word.count > 5 else {
            error(.nearMissingDistance, "NEAR needs a distance", start, end, help: "write NEAR/n with n from 0 to 255, e.g. NEAR/3")
            lexemes.append(Lexeme(kind: .near(distance: nil, ordered: false), start: start, end: end))
            return
        }
        var digits = String(word.dropFirst(5))
        let ordered = digits.hasSuffix("f")
        if ordered { digits.removeLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            error(.nearMissingDistance, "'\(word)' is not NEAR/n or NEAR/nf", start, end, help: "write NEAR/n with n from 0 to 255, e.g. NEAR/3")
            lexemes.append(Lexeme(kind: .near(distance: nil, ordered: ordered), start: start, end: end))
            return
        }
        let trimmed = digits.drop(while: { $0 == "0" })
        guard trimmed.count <= 3, let distance = Int(trimmed.isEmpty ? "0" : String(trimmed)), distance <= 255 else {
            error(.nearDistanceOutOfRange, "NEAR distance \(digits) is outside 0...255", start, end)
            lexemes.append(Lexeme(kind: .near(distance: nil, ordered: ordered), start: start, end: end))
            return
        }
        lexemes.append(Lexeme(kind: .near(distance: distance, ordered: ordered), start: start, end: end))
    }

    func isURL(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }
}
