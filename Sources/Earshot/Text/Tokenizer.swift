/// The one tokenizer of rules.md §1, used for mention text and for every query word.
///
/// ```swift
/// let text = Tokenizer.tokenize("@SpotifyCares my album is greyed out 😡")
/// text.tokens.map(\.kind)   // [.mention, .word, .word, .word, .word, .word, .word, .emoji]
/// ```
public enum Tokenizer {
    /// Position gap inserted between joined text fields so no phrase or NEAR/255 spans the join.
    public static let fieldJoinPositionGap = 300

    /// Tokenizes one text.
    public static func tokenize(_ text: String) -> TokenizedText {
        tokenize(texts: [text])
    }

    /// Tokenizes several text fields as one text joined with a blank line (rules.md §1.6);
    /// positions jump by ``fieldJoinPositionGap`` at each join.
    public static func tokenize(texts: [String]) -> TokenizedText {
        if texts.count == 1 {
            // One field (the common case): no joined copy of the text or of its tokens.
            let nfc = TextFolding.nfc(texts[0])
            var scanner = TokenScanner(nfc: nfc, byteOffset: 0, firstPosition: 0, wildcards: false)
            scanner.scan()
            return TokenizedText(nfc: nfc, tokens: scanner.tokens, positionCount: scanner.position)
        }
        var nfc = ""
        var tokens: [Token] = []
        var position = 0
        for (index, text) in texts.enumerated() {
            if index > 0 {
                nfc += "\n\n"
                position += fieldJoinPositionGap
            }
            let part = TextFolding.nfc(text)
            var scanner = TokenScanner(nfc: part, byteOffset: nfc.utf8.count, firstPosition: position, wildcards: false)
            scanner.scan()
            tokens.append(contentsOf: scanner.tokens)
            position = scanner.position
            nfc += part
        }
        return TokenizedText(nfc: nfc, tokens: tokens, positionCount: position)
    }

    /// Tokenizes one query word, keeping the wildcard characters `*` and `?` inside word tokens
    /// and entity bodies (`crash*`, `#spotify*`, `colo?r`).
    /// Entity word-view pieces are left out: in a query, `#spotify` means the hashtag only.
    public static func tokenizeQueryWord(_ word: String) -> [Token] {
        var scanner = TokenScanner(nfc: TextFolding.nfc(word), byteOffset: 0, firstPosition: 0, wildcards: true)
        scanner.scan()
        return scanner.tokens.filter { !$0.isEntityBody }
    }
}

extension Token {
    /// True when a query-word token carries `*` or `?` wildcards.
    public var hasWildcards: Bool { folded.contains("*") || folded.contains("?") }

    /// Literal characters of a query-word token: everything but wildcards (sigils are never part
    /// of the text).
    public var literalCount: Int { folded.unicodeScalars.filter { $0 != "*" && $0 != "?" }.count }
}

/// The tokenizer's state machine over classified units.
struct TokenScanner {
    let nfc: String
    let bytes: [UInt8]
    let units: [TextUnit]
    let byteOffset: Int
    let wildcards: Bool
    var position: Int
    var tokens: [Token] = []

    init(nfc: String, byteOffset: Int, firstPosition: Int, wildcards: Bool) {
        self.nfc = nfc
        self.bytes = Array(nfc.utf8)
        self.units = TextUnits.units(of: nfc, wildcards: wildcards)
        // Room for a token every three units (prose averages one per five or six), so the
        // token array is allocated once instead of growing through several copies.
        tokens.reserveCapacity(units.count / 3 + 1)
        self.byteOffset = byteOffset
        self.wildcards = wildcards
        self.position = firstPosition
    }

    mutating func scan() {
        var i = 0
        while i < units.count {
            let unit = units[i]
            if startsURL(at: i) {
                i = scanURL(from: i)
                continue
            }
            switch unit.kind {
            case .word:
                i = scanWord(from: i)
            case .cjk, .thai:
                emitWord(units: [i])
                i += 1
            case .emoji:
                let text = substring(unit.start, unit.end)
                emit(.emoji, start: unit.start, end: unit.end, folded: Emoji.fold(text), exact: String(text))
                i += 1
            case .sigil:
                i = scanEntity(from: i)
            case .space, .transparent, .separator:
                i += 1
            }
        }
    }

    // MARK: Words

    /// A maximal run of word units (format characters skipped); CJK/Thai units end the run.
    mutating func scanWord(from start: Int) -> Int {
        var i = start
        var last = start
        var hasTransparent = false
        while i < units.count {
            let kind = units[i].kind
            if kind == .word {
                last = i
            } else if kind == .transparent {
                hasTransparent = true
            } else {
                break
            }
            i += 1
        }
        if hasTransparent {
            emitWord(units: (start...last).filter { units[$0].kind == .word })
        } else {
            emitWord(from: start, through: last)
        }
        return i
    }

    mutating func emitWord(units run: [Int]) {
        guard let first = run.first, let last = run.last else { return }
        let exact = text(of: run)
        emit(.word, start: units[first].start, end: units[last].end, folded: fold(exact), exact: exact)
    }

    /// A word of consecutive units: its text is one slice of the bytes, and an ASCII word is
    /// lowercased byte by byte (the fast path of ``TextFolding/fold(_:)``).
    mutating func emitWord(from first: Int, through last: Int) {
        let start = units[first].start
        let end = units[last].end
        let (exact, folded): (String, String?) = bytes.withUnsafeBufferPointer { all in
            let slice = UnsafeBufferPointer(rebasing: all[start..<end])
            let exact = String(decoding: slice, as: UTF8.self)
            var upper = false
            for byte in slice {
                if byte >= 0x80 { return (exact, nil) }
                upper = upper || (byte >= 0x41 && byte <= 0x5A)
            }
            guard upper else { return (exact, exact) }
            let lowered = String(unsafeUninitializedCapacity: slice.count) { buffer in
                for i in 0..<slice.count {
                    let byte = slice[i]
                    buffer[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return slice.count
            }
            return (exact, lowered)
        }
        emit(.word, start: start, end: end, folded: folded ?? fold(exact), exact: exact)
    }

    // MARK: Entities

    /// `@name`, `#name`, `$NAME` when the sigil is not preceded by a word character; otherwise
    /// the sigil is a separator.
    mutating func scanEntity(from sigilIndex: Int) -> Int {
        let sigil = units[sigilIndex].byte
        let afterSigil = sigilIndex + 1
        guard !precededByWordCharacter(sigilIndex) else { return afterSigil }
        if sigil == UInt8(ascii: "$") {
            return scanCashtag(sigilIndex)
        }
        var body: [Int] = []
        var hasLetter = false
        var i = afterSigil
        while i < units.count {
            let unit = units[i]
            if unit.isWordCharacter {
                body.append(i)
                hasLetter = hasLetter || unit.isLetter
            } else if unit.kind != .transparent {
                break
            }
            i += 1
        }
        guard hasLetter, let last = body.last else { return afterSigil }
        emitEntity(sigil == UInt8(ascii: "@") ? .mention : .hashtag, sigilIndex: sigilIndex, body: body, end: units[last].end)
        return i
    }

    /// `$` plus 1–10 ASCII letters not followed by another word character.
    mutating func scanCashtag(_ sigilIndex: Int) -> Int {
        var body: [Int] = []
        var i = sigilIndex + 1
        while i < units.count {
            let unit = units[i]
            let wildcard = wildcards && (unit.byte == UInt8(ascii: "*") || unit.byte == UInt8(ascii: "?"))
            if unit.isASCIILetter || wildcard {
                body.append(i)
            } else if unit.kind != .transparent {
                break
            }
            i += 1
        }
        let followedByWord = i < units.count && units[i].isWordCharacter
        let letters = body.filter { units[$0].isASCIILetter }.count
        guard (1...10).contains(body.count), letters >= 1, !followedByWord, let last = body.last else {
            return sigilIndex + 1
        }
        emitEntity(.cashtag, sigilIndex: sigilIndex, body: body, end: units[last].end)
        return i
    }

    /// Emits the entity token and its word view: the body split at CJK/Thai boundaries.
    mutating func emitEntity(_ kind: TokenKind, sigilIndex: Int, body: [Int], end: Int) {
        var pieces: [[Int]] = []
        var current: [Int] = []
        for index in body {
            if units[index].kind == .cjk || units[index].kind == .thai {
                if !current.isEmpty { pieces.append(current) }
                pieces.append([index])
                current = []
            } else {
                current.append(index)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        let exact = text(of: body)
        let entityPosition = position
        tokens.append(
            Token(
                kind: kind, position: entityPosition, width: pieces.count,
                byteRange: byteOffset + units[sigilIndex].start..<byteOffset + end, folded: fold(exact), exact: exact))
        for piece in pieces {
            guard let first = piece.first, let last = piece.last else { continue }
            let pieceText = text(of: piece)
            tokens.append(
                Token(
                    kind: .word, position: position, byteRange: byteOffset + units[first].start..<byteOffset + units[last].end,
                    folded: fold(pieceText), exact: pieceText, isEntityBody: true))
            position += 1
        }
    }

    // MARK: URLs

    func startsURL(at index: Int) -> Bool {
        let unit = units[index]
        guard unit.kind == .word, !precededByWordCharacter(index) else { return false }
        let first = unit.byte | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return false }
        return hasPrefix(at: unit.start, "http://") || hasPrefix(at: unit.start, "https://") || hasPrefix(at: unit.start, "www.")
    }

    func hasPrefix(at offset: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count - offset >= count else { return false }
        for i in 0..<count where bytes[offset + i] | 0x20 != prefix.utf8Start[i] | 0x20 {
            // `|0x20` folds ASCII case; ':' '/' '.' are unchanged by it.
            return false
        }
        return true
    }

    /// A URL runs to the next whitespace, minus trailing punctuation and unmatched closers.
    mutating func scanURL(from start: Int) -> Int {
        var i = start
        while i < units.count, units[i].kind != .space { i += 1 }
        var endUnit = i
        while endUnit > start + 1 {
            let last = units[endUnit - 1]
            let lastText = substring(last.start, last.end)
            if [".", ",", ";", ":", "!", "?", "'", "\"", "’", "”", ">"].contains(lastText) {
                endUnit -= 1
                continue
            }
            if let (open, close) = [("(", ")"), ("[", "]"), ("{", "}")].first(where: { $0.1 == lastText }) {
                let urlText = substring(units[start].start, last.end)
                let opens = urlText.filter { String($0) == open }.count
                let closes = urlText.filter { String($0) == close }.count
                if closes > opens {
                    endUnit -= 1
                    continue
                }
            }
            break
        }
        let text = String(substring(units[start].start, units[endUnit - 1].end))
        emit(.url, start: units[start].start, end: units[endUnit - 1].end, folded: text, exact: text)
        return endUnit
    }

    // MARK: Helpers

    /// True when the nearest non-format unit before `index` is a word character.
    func precededByWordCharacter(_ index: Int) -> Bool {
        var i = index - 1
        while i >= 0 {
            if units[i].kind != .transparent { return units[i].isWordCharacter }
            i -= 1
        }
        return false
    }

    func substring(_ start: Int, _ end: Int) -> Substring {
        let utf8 = nfc.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(from, offsetBy: end - start)
        return nfc[from..<to]
    }

    /// The NFC text of some units, format characters left out.
    func text(of indices: [Int]) -> String {
        var result: [UInt8] = []
        for index in indices where units[index].kind != .transparent {
            result.append(contentsOf: bytes[units[index].start..<units[index].end])
        }
        return String(decoding: result, as: UTF8.self)
    }

    func fold(_ text: String) -> String { TextFolding.fold(text) }

    mutating func emit(_ kind: TokenKind, start: Int, end: Int, folded: String, exact: String) {
        tokens.append(
            Token(kind: kind, position: position, byteRange: byteOffset + start..<byteOffset + end, folded: folded, exact: exact))
        position += 1
    }
}
