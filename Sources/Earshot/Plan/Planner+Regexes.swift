import EarshotRegex
import EarshotSyntax

extension Planner {
    /// Compiles each regex of a query. PCRE2's error becomes an `invalid-regex` diagnostic with
    /// a caret at PCRE2's offset; a regex without a required literal of 3+ characters warns.
    mutating func compileRegexes(in node: QueryNode, rule index: Int) -> [Int: CompiledRegex] {
        let rule = file.rules[index]
        var compiled: [Int: CompiledRegex] = [:]
        for regex in node.regexes {
            let flags = RegexFlags(regex.flags)
            do {
                compiled[regex.span.start.offset] = try CompiledRegex(
                    pattern: regex.pattern, flags: flags, limits: configuration.regexLimits)
            } catch {
                let position = Self.queryPosition(ofPatternByte: error.offset, in: regex, query: rule.query)
                report(
                    Diagnostic(
                        code: .invalidRegex, severity: .error, message: "PCRE2 rejects this regex: \(error.message)",
                        span: Self.caret(at: position, in: rule.query),
                        help: "PCRE2 stopped at byte \(error.offset) of the pattern"
                    ).located(in: rule, file: file.path), rule: index)
                continue
            }
            let literal = RegexLiteralAnalysis.longestRequiredLiteral(pattern: regex.pattern, flags: flags)
            if (literal?.count ?? 0) < 3 {
                report(
                    Diagnostic(
                        code: .regexWithoutLiteral, severity: .warning,
                        message: "this regex has no literal of 3+ characters: it must run on every mention",
                        span: regex.span,
                        help: "add a literal the matches must contain, or AND the regex with a word"
                    ).located(in: rule, file: file.path), rule: index)
            }
        }
        return compiled
    }

    /// Maps a byte offset in a regex's pattern to its position in the query: the pattern starts
    /// at `patternStart`, and each `\/` of the query is one `/` of the pattern.
    static func queryPosition(ofPatternByte patternOffset: Int, in regex: RegexQuery, query: String) -> SourcePosition {
        let bytes = Array(query.utf8)
        var source = regex.patternStart.offset
        var consumed = 0
        while consumed < patternOffset, source < bytes.count {
            let escapedSlash = bytes[source] == UInt8(ascii: "\\") && source + 1 < bytes.count && bytes[source + 1] == UInt8(ascii: "/")
            source += escapedSlash ? 2 : 1
            consumed += 1
        }
        return position(ofByte: source, from: regex.patternStart, in: bytes)
    }

    /// The line and Character column of byte `offset`, counting from a known position.
    static func position(ofByte offset: Int, from start: SourcePosition, in bytes: [UInt8]) -> SourcePosition {
        let lower = min(start.offset, bytes.count)
        let upper = min(max(offset, lower), bytes.count)
        let between = String(decoding: bytes[lower..<upper], as: UTF8.self)
        var line = start.line
        var column = start.column
        for character in between {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourcePosition(offset: upper, line: line, column: column)
    }
}
