import EarshotText

/// Turns words, phrases and exact terms into ``TextQuery`` nodes through the tokenizer (a query
/// word means "the tokens this word produces"), with the term-level checks of rules.md §7 and
/// §9: wildcards, URLs, words with nothing to search, and the term warnings.
struct TermBuilder {
    let source: SourceText

    /// A bare word: one token is a term, several a phrase, a single URL token a `url:` field.
    func word(_ word: String, _ lexeme: Lexeme, _ diagnostics: inout [Diagnostic]) -> QueryNode? {
        let tokens = Tokenizer.tokenizeQueryWord(word)
        let content = QuotedText(text: word, contentStart: lexeme.start, sourceOffsets: nil)
        if tokens.count == 1, tokens[0].kind == .url {
            let field = FieldLexeme(
                name: "url", value: tokens[0].exact, valueStart: lexeme.start, valueEnd: lexeme.end, exact: false, quoted: false)
            return FieldBuilder(source: source).field(field, lexeme, &diagnostics, pasted: true)
        }
        guard let node = text(tokens, content, lexeme, quoted: false, exact: false, &diagnostics) else { return nil }
        let lower = word.lowercased()
        let operatorLike = lower == "and" || lower == "or" || lower == "not"  // already warned by the lexer
        if tokens.count == 1, !tokens[0].hasWildcards, !operatorLike, StopWords.english.contains(tokens[0].folded) {
            diagnostics.append(
                Diagnostic(
                    code: .stopWordTerm, severity: .warning,
                    message: "'\(word)' is a stop word: on its own it matches almost every English mention",
                    span: source.span(lexeme.start, lexeme.end),
                    help: "use it inside a phrase, e.g. \"\(word) app\", or remove it"))
        }
        return node
    }

    /// `{Word}`: compared without folding.
    func exactWord(_ content: QuotedText, _ lexeme: Lexeme, _ diagnostics: inout [Diagnostic]) -> QueryNode? {
        let tokens = Tokenizer.tokenizeQueryWord(content.text)
        if tokens.contains(where: { $0.kind == .url }) {
            urlError(lexeme, &diagnostics, inBraces: true)
            return nil
        }
        return text(tokens, content, lexeme, quoted: false, exact: true, &diagnostics)
    }

    /// `"a phrase"` or `{"A Phrase"}`.
    func phrase(_ content: QuotedText, _ lexeme: Lexeme, exact: Bool, _ diagnostics: inout [Diagnostic]) -> QueryNode? {
        let tokens = Tokenizer.tokenizeQueryWord(content.text)
        if tokens.contains(where: { $0.kind == .url }) {
            urlError(lexeme, &diagnostics, inBraces: exact)
            return nil
        }
        return text(tokens, content, lexeme, quoted: true, exact: exact, &diagnostics)
    }

    private func urlError(_ lexeme: Lexeme, _ diagnostics: inout [Diagnostic], inBraces: Bool) {
        diagnostics.append(
            Diagnostic(
                code: .urlInPhrase, severity: .error,
                message: inBraces ? "a URL cannot be part of an exact term" : "a URL cannot be part of a phrase",
                span: source.span(lexeme.start, lexeme.end),
                help: "match links with url:HOST/PATH (e.g. url:open.spotify.com/track), joined to the words with AND"))
    }

    private func text(
        _ tokens: [Token], _ content: QuotedText, _ lexeme: Lexeme, quoted: Bool, exact: Bool,
        _ diagnostics: inout [Diagnostic]
    ) -> QueryNode? {
        let whole = source.span(lexeme.start, lexeme.end)
        guard !tokens.isEmpty else {
            diagnostics.append(
                Diagnostic(
                    code: .matchesNothing, severity: .error,
                    message: "\(source.slice(lexeme.start, lexeme.end)) matches nothing: it has no word, entity or emoji to search",
                    span: whole, help: "punctuation and symbols are not tokens; search them with a regex, e.g. /!!!/"))
            return nil
        }
        if tokens.count > 1, tokens.contains(where: { $0.kind == .url }) {
            diagnostics.append(
                Diagnostic(
                    code: .urlInPhrase, severity: .error, message: "a URL cannot be part of a phrase", span: whole,
                    help: "put a space around the link, or match it with url:HOST/PATH"))
            return nil
        }
        var ok = true
        var patterns: [TokenPattern] = []
        let tokenSpans = spans(of: tokens, content: content, lexeme: lexeme)
        for (token, span) in zip(tokens, tokenSpans) {
            if token.hasWildcards {
                if let problem = wildcardProblem(token, tokens, span) {
                    diagnostics.append(problem)
                    ok = false
                    continue
                }
                if token.folded.hasPrefix("*") {
                    diagnostics.append(
                        Diagnostic(
                            code: .leadingWildcard, severity: .warning,
                            message: "a leading '*' is slow: it is checked against every token of every mention", span: span,
                            help: "start with at least two letters if you can, e.g. spotify* instead of *tify"))
                }
                if token.folded.hasSuffix("?") {
                    let end = span.end.offset
                    diagnostics.append(
                        Diagnostic(
                            code: .trailingQuestionMark, severity: .warning,
                            message: "the '?' at the end of this word is a wildcard for exactly one character",
                            span: source.span(max(span.start.offset, end - 1), end),
                            help: "remove the '?' to search the word itself (a pasted question?)"))
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

    /// The error for a wildcard token, if any (rules.md §9 "Wildcards").
    private func wildcardProblem(_ token: Token, _ tokens: [Token], _ span: SourceSpan) -> Diagnostic? {
        if token.folded.unicodeScalars.contains(where: Script.isCJKOrThai) || isLoneWildcardBesideCJK(token, tokens) {
            return Diagnostic(
                code: .wildcardOnCJK, severity: .error, message: "wildcards cannot be used on CJK or Thai characters",
                span: span, help: "each CJK or Thai character is a word of its own: write out the characters you mean")
        }
        if token.literalCount < 2 {
            return Diagnostic(
                code: .wildcardTooShort, severity: .error,
                message: "a wildcard word needs at least 2 literal characters (sigils do not count)", span: span,
                help: "make it longer, e.g. cr* instead of c*; a lone * would match every token")
        }
        return nil
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

    /// Query spans of the tokens. Token byte ranges point into the NFC content; they map back
    /// through escapes when NFC left the content unchanged (almost always), and otherwise each
    /// token gets the whole lexeme's span.
    private func spans(of tokens: [Token], content: QuotedText, lexeme: Lexeme) -> [SourceSpan] {
        guard TextFolding.nfc(content.text).utf8.elementsEqual(content.text.utf8) else {
            return tokens.map { _ in source.span(lexeme.start, lexeme.end) }
        }
        return tokens.map {
            source.span(
                content.sourceOffset(ofContentByte: $0.byteRange.lowerBound),
                content.sourceOffset(ofContentByte: $0.byteRange.upperBound))
        }
    }
}

extension Script {
    static func isCJKOrThai(_ scalar: Unicode.Scalar) -> Bool { isCJK(scalar) || isThai(scalar) }
}
