import EarshotText

/// Turns words, phrases and exact terms into ``TextQuery`` nodes through the tokenizer, with
/// the term-level checks of rules.md §7 and §9 (wildcards, URLs, words with nothing to search).
struct TermBuilder {
    let source: SourceText

    /// A bare word: one token is a term, several a phrase, a URL a `url:` field.
    func word(_ word: String, _ lexeme: Lexeme, _ diagnostics: inout [Diagnostic]) -> QueryNode? {
        let tokens = Tokenizer.tokenizeQueryWord(word)
        if tokens.count == 1, tokens[0].kind == .url {
            let span = source.span(lexeme.start, lexeme.end)
            return .field(FieldQuery(name: .url, path: [], value: tokens[0].exact, exact: false, span: span, valueSpan: span))
        }
        if word.hasSuffix("?"), tokens.last?.hasWildcards == true {
            diagnostics.append(
                Diagnostic(
                    code: .trailingQuestionMark, severity: .warning,
                    message: "'?' at the end of '\(word)' is a wildcard for exactly one character",
                    span: source.span(lexeme.end - 1, lexeme.end), help: "remove the '?' to search the word itself"))
        }
        guard let node = text(tokens, lexeme, quoted: false, exact: false, &diagnostics) else { return nil }
        if tokens.count == 1, !tokens[0].hasWildcards, StopWords.english.contains(tokens[0].folded) {
            diagnostics.append(
                Diagnostic(
                    code: .stopWordTerm, severity: .warning, message: "'\(word)' is a stop word: it matches almost every mention",
                    span: source.span(lexeme.start, lexeme.end), help: "use it inside a phrase, e.g. \"the app\""))
        }
        return node
    }

    /// `{Word}`: compared without folding.
    func exactWord(_ word: String, _ lexeme: Lexeme, _ diagnostics: inout [Diagnostic]) -> QueryNode? {
        text(Tokenizer.tokenizeQueryWord(word), lexeme, quoted: false, exact: true, &diagnostics)
    }

    /// `"a phrase"` or `{"A Phrase"}`.
    func phrase(_ content: String, _ lexeme: Lexeme, exact: Bool, _ diagnostics: inout [Diagnostic]) -> QueryNode? {
        let tokens = Tokenizer.tokenizeQueryWord(content)
        if tokens.contains(where: { $0.kind == .url }) {
            diagnostics.append(
                Diagnostic(
                    code: .urlInPhrase, severity: .error, message: "a URL cannot be part of a phrase",
                    span: source.span(lexeme.start, lexeme.end), help: "use url:HOST/PATH for links"))
            return nil
        }
        return text(tokens, lexeme, quoted: true, exact: exact, &diagnostics)
    }

    private func text(
        _ tokens: [Token], _ lexeme: Lexeme, quoted: Bool, exact: Bool, _ diagnostics: inout [Diagnostic]
    ) -> QueryNode? {
        let whole = source.span(lexeme.start, lexeme.end)
        guard !tokens.isEmpty else {
            diagnostics.append(
                Diagnostic(
                    code: .matchesNothing, severity: .error,
                    message: "\(source.slice(lexeme.start, lexeme.end)) has nothing to search: no word, entity or emoji",
                    span: whole, help: "search punctuation and symbols with a regex, e.g. /!!!/"))
            return nil
        }
        if tokens.count > 1, tokens.contains(where: { $0.kind == .url }) {
            diagnostics.append(
                Diagnostic(code: .urlInPhrase, severity: .error, message: "a URL cannot be part of a phrase", span: whole, help: "use url:HOST/PATH for links"))
            return nil
        }
        var ok = true
        var patterns: [TokenPattern] = []
        let tokenSpans = spans(of: tokens, in: lexeme, quoted: quoted || exact)
        for (token, span) in zip(tokens, tokenSpans) {
            if token.hasWildcards {
                if token.folded.unicodeScalars.contains(where: { Script.isCJKOrThai($0) }) || isLoneWildcardBesideCJK(token, tokens) {
                    diagnostics.append(
                        Diagnostic(
                            code: .wildcardOnCJK, severity: .error, message: "wildcards cannot be used on CJK or Thai characters",
                            span: span, help: "each CJK or Thai character is a word of its own: write the characters you mean"))
                    ok = false
                    continue
                }
                if token.literalCount < 2 {
                    diagnostics.append(
                        Diagnostic(
                            code: .wildcardTooShort, severity: .error,
                            message: "a wildcard word needs at least 2 literal characters", span: span,
                            help: "make it longer, e.g. cr* instead of c*"))
                    ok = false
                    continue
                }
                if token.folded.hasPrefix("*") {
                    diagnostics.append(
                        Diagnostic(
                            code: .leadingWildcard, severity: .warning, message: "a leading '*' is slow: it is checked against every token",
                            span: span))
                }
            }
            patterns.append(
                TokenPattern(
                    kind: patternKind(token.kind), text: exact ? token.exact : token.folded, hasWildcards: token.hasWildcards,
                    exact: exact, span: span))
        }
        guard ok else { return nil }
        return .text(TextQuery(patterns: patterns, quoted: quoted, exact: exact, span: whole))
    }

    /// A token that is only wildcards next to a CJK/Thai token (`音*` splits into `音` and `*`).
    private func isLoneWildcardBesideCJK(_ token: Token, _ tokens: [Token]) -> Bool {
        guard token.literalCount == 0 else { return false }
        return tokens.contains { $0.folded.unicodeScalars.contains(where: Script.isCJKOrThai) }
    }

    private func patternKind(_ kind: TokenKind) -> TokenPattern.Kind {
        switch kind {
        case .mention: .mention
        case .hashtag: .hashtag
        case .cashtag: .cashtag
        case .emoji: .emoji
        case .word, .url: .word
        }
    }

    /// Query spans of the tokens: offsets map back when the word's NFC form has the source's
    /// bytes (almost always); otherwise each token gets the whole lexeme's span.
    private func spans(of tokens: [Token], in lexeme: Lexeme, quoted: Bool) -> [SourceSpan] {
        let contentStart = lexeme.start + (quoted ? 1 : 0)
        let raw = source.slice(contentStart, lexeme.end - (quoted ? 1 : 0))
        guard TextFolding.nfc(raw) == raw, !raw.contains("\\") else {
            return tokens.map { _ in source.span(lexeme.start, lexeme.end) }
        }
        return tokens.map { source.span(contentStart + $0.byteRange.lowerBound, contentStart + $0.byteRange.upperBound) }
    }
}

extension Script {
    static func isCJKOrThai(_ scalar: Unicode.Scalar) -> Bool { isCJK(scalar) || isThai(scalar) }
}
