/// Splits a query into lexemes (rules.md §2 "Lexing a query").
///
/// Outside quotes, `(`, `)`, `"`, `{`, `}` and whitespace are syntax; everything else belongs to
/// a bare word. A `-` or `/` at the start of an operand (after whitespace, `(`, `)` or the query
/// start) starts a negation or a regex. A bare word `name:value` whose name is ASCII letters is
/// a field. Errors become diagnostics and lexing always goes on to the end of the query.
struct QueryLexer {
    let source: SourceText
    var index = 0
    var lexemes: [Lexeme] = []
    var diagnostics: [Diagnostic] = []

    init(_ source: SourceText) { self.source = source }

    var bytes: [UInt8] { source.bytes }

    // MARK: Character classes

    /// `(`, `)`, `"`, `{`, `}`.
    static func isSyntax(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"): true
        default: false
        }
    }

    /// The byte length of the whitespace character at `offset`, or 0. Besides ASCII whitespace
    /// this accepts the Unicode spaces that pasted queries carry (no-break space, ideographic
    /// space, line and paragraph separators...).
    func whitespaceLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        let b0 = bytes[offset]
        switch b0 {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2:
            guard offset + 1 < bytes.count else { return 0 }
            return bytes[offset + 1] == 0x85 || bytes[offset + 1] == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard offset + 2 < bytes.count else { return 0 }
            let b1 = bytes[offset + 1]
            let b2 = bytes[offset + 2]
            switch (b0, b1) {
            case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0  // U+1680
            case (0xE2, 0x80): return (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0
            case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0  // U+205F
            case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0  // U+3000
            default: return 0
            }
        default: return 0
        }
    }

    /// True at the end of the query, at whitespace, or at a syntax character.
    func isBoundary(_ offset: Int) -> Bool {
        offset >= bytes.count || Self.isSyntax(bytes[offset]) || whitespaceLength(at: offset) > 0
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    // MARK: Diagnostics

    mutating func error(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        diagnostics.append(
            Diagnostic(code: code, severity: .error, message: message, span: source.span(start, end), help: help))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        diagnostics.append(
            Diagnostic(code: code, severity: .warning, message: message, span: source.span(start, end), help: help))
    }

    mutating func append(_ kind: Lexeme.Kind, _ start: Int, _ end: Int) {
        lexemes.append(Lexeme(kind: kind, start: start, end: end))
    }

    // MARK: Lexing

    mutating func lex() -> [Lexeme] {
        var atOperandStart = true
        while index < bytes.count {
            let space = whitespaceLength(at: index)
            if space > 0 {
                index += space
                atOperandStart = true
                continue
            }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "("):
                index += 1
                append(.leftParen, start, index)
                atOperandStart = true
            case UInt8(ascii: ")"):
                index += 1
                append(.rightParen, start, index)
                atOperandStart = true
            case UInt8(ascii: "\""):
                lexPhrase()
                atOperandStart = false
            case UInt8(ascii: "{"):
                lexExact()
                atOperandStart = false
            case UInt8(ascii: "}"):
                index += 1
                error(.unbalancedBrace, "'}' without a matching '{'", start, index, help: "exact terms look like {Apple} or {\"Big Bang\"}")
                append(.invalid, start, index)
            case UInt8(ascii: "-") where atOperandStart:
                index += 1
                append(.minus(touching: index < bytes.count && whitespaceLength(at: index) == 0), start, index)
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

    /// Reads a quoted string whose `"` is at `from`, resolving `\"` and `\\`; returns the
    /// content and the offset after the closing quote, or nil when the quote is never closed.
    func readQuoted(from: Int) -> (QuotedText, end: Int)? {
        var content: [UInt8] = []
        var offsets: [Int]?
        var i = from + 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                offsets?.append(i)  // the end of the content
                return (QuotedText(text: String(decoding: content, as: UTF8.self), contentStart: from + 1, sourceOffsets: offsets), i + 1)
            }
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count,
                bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "\\")
            {
                if offsets == nil { offsets = Array((from + 1)..<i) }
                offsets?.append(i)
                content.append(bytes[i + 1])
                i += 2
                continue
            }
            offsets?.append(i)
            content.append(byte)
            i += 1
        }
        return nil
    }

    /// `"..."`; an unterminated quote is an error at the opening quote and takes the rest of
    /// the query (there is no telling where the phrase was meant to end).
    mutating func lexPhrase() {
        let start = index
        guard let (content, end) = readQuoted(from: index) else {
            error(.unbalancedQuote, "this quote is never closed", start, start + 1, help: "add the closing \", or write \\\" for a quote character")
            append(.invalid, start, bytes.count)
            index = bytes.count
            return
        }
        index = end
        append(.phrase(content), start, end)
    }

    /// `{word}` or `{"a phrase"}`.
    mutating func lexExact() {
        let start = index
        var i = index + 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            guard let (content, end) = readQuoted(from: i) else {
                error(.unbalancedQuote, "this quote is never closed", i, i + 1, help: "add the closing \"")
                append(.invalid, start, bytes.count)
                index = bytes.count
                return
            }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "}") else {
                error(.unbalancedBrace, "'{' without a matching '}'", start, start + 1, help: "close it right after the phrase: {\"Big Bang\"}")
                append(.invalid, start, end)
                index = end
                return
            }
            index = end + 1
            if content.text.isEmpty {
                error(.emptyExact, "'{}' has nothing inside", start, index, help: "write the exact word inside, e.g. {Apple}")
                append(.invalid, start, index)
                return
            }
            append(.exact(content, quoted: true), start, index)
            return
        }
        while !isBoundary(i) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            index = i + 1
            if i == start + 1 {
                error(.emptyExact, "'{}' has nothing inside", start, index, help: "write the exact word inside, e.g. {Apple}")
                append(.invalid, start, index)
                return
            }
            let content = QuotedText(text: source.slice(start + 1, i), contentStart: start + 1, sourceOffsets: nil)
            append(.exact(content, quoted: false), start, index)
            return
        }
        recoverFromOpenBrace(start: start, stoppedAt: i)
    }

    /// A `{` whose word stops before a `}`: report it once, and when a `}` closes it a few words
    /// later (`{Big Bang}`), take those words with it and suggest the quoted form.
    private mutating func recoverFromOpenBrace(start: Int, stoppedAt stop: Int) {
        var j = stop
        while j < bytes.count, !Self.isSyntax(bytes[j]) { j += 1 }
        let empty = source.slice(start + 1, j).allSatisfy(\.isWhitespace)
        if j < bytes.count, bytes[j] == UInt8(ascii: "}"), empty {
            index = j + 1
            error(.emptyExact, "'{}' has nothing inside", start, index, help: "write the exact word inside, e.g. {Apple}")
            append(.invalid, start, index)
            return
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: "}") {
            let words = source.slice(start + 1, j).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            index = j + 1
            error(
                .unbalancedBrace, "'{' is not closed before the space: {} holds one word or one quoted phrase", start, start + 1,
                help: "to match several words exactly, quote them: {\"\(words)\"}")
            append(.invalid, start, index)
            return
        }
        error(.unbalancedBrace, "'{' without a matching '}'", start, start + 1, help: "exact terms look like {Apple} or {\"Big Bang\"}")
        append(.invalid, start, stop)
        index = stop
    }

    /// `/pattern/flags`: ends at the first `/` not escaped as `\/` (`\\` is an escaped
    /// backslash); spaces belong to it. Flags are `i`, `s`, `m` and `x`.
    mutating func lexRegex() {
        let start = index
        var i = index + 1
        var pattern: [UInt8] = []
        while i < bytes.count, bytes[i] != UInt8(ascii: "/") {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "/") {
                    pattern.append(UInt8(ascii: "/"))
                } else {
                    pattern.append(contentsOf: bytes[i...(i + 1)])
                }
                i += 2
                continue
            }
            pattern.append(bytes[i])
            i += 1
        }
        guard i < bytes.count else {
            error(.invalidRegex, "this regex is never closed with '/'", start, start + 1, help: "write /pattern/flags, and escape a slash inside it as \\/")
            append(.invalid, start, bytes.count)
            index = bytes.count
            return
        }
        i += 1
        let flagsStart = i
        while !isBoundary(i) { i += 1 }
        index = i
        var ok = true
        var offset = flagsStart
        for flag in source.slice(flagsStart, i) {
            let length = flag.utf8.count
            if !"ismx".contains(flag) {
                error(.invalidRegex, "unknown regex flag '\(flag)'", offset, offset + length, help: "the flags are i (caseless), s (dot matches newline), m (multiline) and x (extended)")
                ok = false
            }
            offset += length
        }
        if pattern.isEmpty {
            error(.invalidRegex, "empty regex", start, flagsStart, help: "write a pattern between the slashes, e.g. /crash(es|ed)?/i")
            ok = false
        }
        guard ok else {
            append(.invalid, start, i)
            return
        }
        append(.regex(pattern: String(decoding: pattern, as: UTF8.self), flags: source.slice(flagsStart, i), patternStart: start + 1), start, i)
    }

    /// A bare word: a field, an operator, `NEAR/n`, or a plain word.
    mutating func lexWord() {
        let start = index
        var nameEnd = index
        while nameEnd < bytes.count, Self.isASCIILetter(bytes[nameEnd]) { nameEnd += 1 }
        if nameEnd > start, nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: ":"), !startsURL(at: start),
            lexField(nameStart: start, nameEnd: nameEnd)
        {
            return
        }
        while !isBoundary(index) { index += 1 }
        let word = source.slice(start, index)
        switch word {
        case "AND": append(.and, start, index)
        case "OR": append(.or, start, index)
        case "NOT": append(.not, start, index)
        case _ where word == "NEAR" || word.hasPrefix("NEAR/"): lexNear(word, start: start)
        default:
            let lower = word.lowercased()
            if lower == "and" || lower == "or" || lower == "not" || lower.hasPrefix("near/") {
                warning(
                    .lowercaseOperator, "'\(word)' is searched as a word; operators are written in upper case", start, index,
                    help: "write \(word.uppercased()) to use it as an operator, or quote it (\"\(word)\") to keep it a word")
            }
            append(.word(word), start, index)
        }
    }

    /// `NEAR/n` or `NEAR/nf`, `n` in 0...255 (leading zeros allowed).
    mutating func lexNear(_ word: String, start: Int) {
        let end = index
        let help = "write NEAR/n or NEAR/nf with n from 0 to 255, e.g. NEAR/3"
        guard word.count > 5 else {
            error(.nearMissingDistance, "NEAR needs a distance", start, end, help: help)
            append(.near(distance: nil, ordered: false), start, end)
            return
        }
        var digits = String(word.dropFirst(5))
        let ordered = digits.hasSuffix("f")
        if ordered { digits.removeLast() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            var fix = help
            if digits.hasSuffix("F"), digits.dropLast().allSatisfy(\.isASCII), Int(digits.dropLast()) != nil {
                fix = "the ordered form is written with a lower-case f: NEAR/\(digits.dropLast())f"
            }
            error(.nearMissingDistance, "'\(word)' is not NEAR/n or NEAR/nf", start, end, help: fix)
            append(.near(distance: nil, ordered: ordered), start, end)
            return
        }
        let trimmed = digits.drop(while: { $0 == "0" })
        guard trimmed.count <= 3, let distance = Int(trimmed.isEmpty ? "0" : String(trimmed)), distance <= 255 else {
            error(.nearDistanceOutOfRange, "NEAR distance \(digits) is outside 0...255", start, end, help: "the largest distance is NEAR/255")
            append(.near(distance: nil, ordered: ordered), start, end)
            return
        }
        append(.near(distance: distance, ordered: ordered), start, end)
    }

    /// True when a URL starts at `offset` (`http://`, `https://`, `www.`, any case).
    func startsURL(at offset: Int) -> Bool {
        func has(_ prefix: String) -> Bool {
            let p = Array(prefix.utf8)
            guard offset + p.count <= bytes.count else { return false }
            for k in 0..<p.count {
                let folded = Self.isASCIILetter(p[k]) ? bytes[offset + k] | 0x20 : bytes[offset + k]
                if folded != p[k] { return false }
            }
            return true
        }
        return has("http://") || has("https://") || has("www.")
    }
}
