extension QueryLexer {
    /// Lexes `name:value` (rules.md §2, §5, §9) whose name (ASCII letters) ends at `nameEnd`
    /// (the colon). Returns false when nothing follows the colon (`note:` is a plain word).
    ///
    /// The value is `"quoted"` (spaces and `:` allowed), `{exact}`, or unquoted up to the next
    /// whitespace or `)`. For `field:`, the part after `path=` may be quoted or exact on its own
    /// (`field:user.location="New York"`). A group (`author:(a OR b)`) is an error.
    mutating func lexField(nameStart: Int, nameEnd: Int) -> Bool {
        let valueStart = nameEnd + 1
        guard valueStart < bytes.count, whitespaceLength(at: valueStart) == 0, bytes[valueStart] != UInt8(ascii: ")") else {
            return false
        }
        let name = source.slice(nameStart, nameEnd)
        if bytes[valueStart] == UInt8(ascii: "(") {
            lexFieldGroup(name: name, nameStart: nameStart, groupStart: valueStart)
            return true
        }
        var prefix = ""
        var partStart = valueStart
        if name.lowercased() == "field" {
            var p = valueStart
            while p < bytes.count, whitespaceLength(at: p) == 0,
                ![UInt8(ascii: ")"), UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "{")].contains(bytes[p])
            {
                p += 1
            }
            if p < bytes.count, bytes[p] == UInt8(ascii: "=") {
                prefix = source.slice(valueStart, p + 1)
                partStart = p + 1
            }
        }
        func emit(_ value: String, end: Int, exact: Bool, quoted: Bool) {
            let field = FieldLexeme(name: name, value: prefix + value, valueStart: valueStart, valueEnd: end, exact: exact, quoted: quoted)
            append(.field(field), nameStart, end)
            index = end
        }
        if partStart < bytes.count, bytes[partStart] == UInt8(ascii: "\"") {
            guard let (content, end) = readQuoted(from: partStart) else {
                error(.unbalancedQuote, "this quote is never closed", partStart, partStart + 1, help: "add the closing \"")
                append(.invalid, nameStart, bytes.count)
                index = bytes.count
                return true
            }
            emit(content.text, end: end, exact: false, quoted: true)
            return true
        }
        if partStart < bytes.count, bytes[partStart] == UInt8(ascii: "{") {
            var j = partStart + 1
            while !isBoundary(j) { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "}") else {
                error(.unbalancedBrace, "'{' without a matching '}'", partStart, partStart + 1, help: "an exact value looks like \(name):{Value}")
                append(.invalid, nameStart, j)
                index = j
                return true
            }
            if j == partStart + 1 {
                error(.emptyExact, "'{}' has nothing inside", partStart, j + 1, help: "write the exact value inside, e.g. \(name):{Value}")
                append(.invalid, nameStart, j + 1)
                index = j + 1
                return true
            }
            emit(source.slice(partStart + 1, j), end: j + 1, exact: true, quoted: false)
            return true
        }
        var end = partStart
        while end < bytes.count, whitespaceLength(at: end) == 0, bytes[end] != UInt8(ascii: ")") { end += 1 }
        emit(source.slice(partStart, end), end: end, exact: false, quoted: false)
        return true
    }

    /// `author:(a OR b)`: one error at the `(`, suggesting `author:a OR author:b`; the group
    /// is skipped so its words are not read as operands.
    private mutating func lexFieldGroup(name: String, nameStart: Int, groupStart: Int) {
        var depth = 0
        var i = groupStart
        var end = bytes.count
        scan: while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                guard let (_, after) = readQuoted(from: i) else { break scan }
                i = after
                continue
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    end = i + 1
                    break scan
                }
            default:
                break
            }
            i += 1
        }
        let inner = source.slice(groupStart + 1, max(groupStart + 1, end - 1))
        let words = inner.split(whereSeparator: \.isWhitespace).map(String.init)
        let alternatives = words.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let simple =
            words.count % 2 == 1 && words.enumerated().allSatisfy { $0.offset % 2 == 0 || $0.element == "OR" }
            && alternatives.allSatisfy { word in !word.contains(where: { "()\"".contains($0) }) && word != "OR" }
        let help =
            simple && alternatives.count > 1
            ? "write \(alternatives.map { "\(name):\($0)" }.joined(separator: " OR ")) instead: a field takes one value"
            : "a field takes one value: write one field per value and join them with OR, e.g. \(name):a OR \(name):b"
        error(.invalidFieldValue, "a field value cannot be a group", groupStart, end, help: help)
        append(.invalid, nameStart, end)
        index = end
    }
}
