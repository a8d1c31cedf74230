import EarshotText

/// The result of parsing one query: a tree when there is no error, and every diagnostic.
public struct QueryParse: Sendable, Hashable {
    /// The query tree; nil exactly when ``diagnostics`` holds at least one error.
    public var node: QueryNode?
    /// Errors and warnings in query order, each carrying the query text and its span.
    public var diagnostics: [Diagnostic]

    /// Creates a parse result.
    public init(node: QueryNode?, diagnostics: [Diagnostic]) {
        self.node = node
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

/// Recursive-descent parser for the rule language (rules.md §2–§5, §7, §9).
///
/// Precedence, tightest first: parentheses, prefix `NOT`/`-`, `NEAR/n`, `AND` (explicit or
/// juxtaposed; `a NOT b` is `a AND NOT b`), `OR`. AND and OR chains come out flat. After an
/// error the parser recovers at the next operand or closing parenthesis and keeps going, so one
/// pass reports every problem in a query. Nesting deeper than ``nestingLimit`` is an error,
/// never a stack overflow.
///
/// ```swift
/// let parse = QueryParser.parse("spotify (crash* OR \"keeps closing\") -job")
/// parse.node?.description   // (spotify AND (crash* OR "keeps closing") AND NOT job)
/// QueryParser.parse("spotify AND").errors.first?.code   // .missingOperand, caret on AND
/// ```
public struct QueryParser {
    /// Deepest nesting of parentheses and prefix negations accepted.
    public static let nestingLimit = 256

    let source: SourceText
    let lexemes: [Lexeme]
    var index = 0
    var depth = 0
    var diagnostics: [Diagnostic]
    /// Set once nesting went too deep: parsing stops and nothing more is reported.
    var abandoned = false

    /// Parses a query into a tree and diagnostics (errors and syntax warnings).
    ///
    /// - Parameter query: the query text (at most a few KiB in practice; any input is safe).
    /// - Returns: the tree (nil when any error was found) and every diagnostic, sorted by
    ///   position, each with ``Diagnostic/query`` set so it can be rendered with a caret.
    public static func parse(_ query: String) -> QueryParse {
        let source = SourceText(query)
        var lexer = QueryLexer(source)
        let lexemes = lexer.lex()
        var parser = QueryParser(source: source, lexemes: lexemes, diagnostics: lexer.diagnostics)
        let node = parser.parseQuery()
        var seen = Set<DiagnosticKey>()
        let diagnostics = parser.diagnostics.enumerated()
            .sorted { ($0.element.span?.start.offset ?? 0, $0.offset) < ($1.element.span?.start.offset ?? 0, $1.offset) }
            .compactMap { entry -> Diagnostic? in
                guard seen.insert(DiagnosticKey(entry.element)).inserted else { return nil }
                var diagnostic = entry.element
                diagnostic.query = query
                diagnostic.notes = diagnostic.notes.map { note in
                    var note = note
                    if note.span != nil, note.query == nil { note.query = query }
                    return note
                }
                return diagnostic
            }
        let hasError = diagnostics.contains { $0.severity == .error }
        return QueryParse(node: hasError ? nil : node, diagnostics: diagnostics)
    }

    /// Two reports of the same problem at the same place are one diagnostic.
    private struct DiagnosticKey: Hashable {
        var code: DiagnosticCode
        var start: Int?
        var end: Int?
        init(_ diagnostic: Diagnostic) {
            code = diagnostic.code
            start = diagnostic.span?.start.offset
            end = diagnostic.span?.end.offset
        }
    }

    // MARK: Grammar

    /// query := or (')' or)*  — a stray `)` is reported and parsing goes on after it.
    mutating func parseQuery() -> QueryNode? {
        guard !lexemes.isEmpty else {
            if !diagnostics.contains(where: { $0.severity == .error }) {
                error(.emptyQuery, "the query is empty", 0, 0, help: "write at least one word, e.g. spotify")
            }
            return nil
        }
        var node = parseOr()
        while let stray = peek, !abandoned {
            index += 1
            node = nil
            if stray.kind == .rightParen {
                error(.unbalancedParenthesis, "')' without a matching '('", stray, help: "remove it, or add the '(' it closes")
            } else {
                error(.missingOperand, "unexpected \(describe(stray))", stray, help: "remove it")
            }
            // Go on as if the ')' were not there: an AND or OR after it joins what came before.
            if let next = peek, next.kind == .or || next.kind == .and {
                index += 1
                guard canStartOperand(peek) else {
                    error(.missingOperand, "\(describe(next)) needs an operand on its right", next, help: "write something after \(describe(next)), or remove it")
                    continue
                }
            }
            if canStartOperand(peek) { _ = parseOr() }
        }
        return node
    }

    /// or := and ('OR' and)*
    mutating func parseOr() -> QueryNode? {
        let (first, firstJoined) = parseAnd()
        var operands: [QueryNode?] = [first]
        var mixed = firstJoined
        var firstOr: Lexeme?
        while let op = peek, op.kind == .or, !abandoned {
            index += 1
            if firstOr == nil { firstOr = op }
            guard canStartOperand(peek) else {
                error(.missingOperand, "OR needs an operand on its right", op, help: "write something after OR, or remove it")
                operands.append(nil)
                continue
            }
            let (next, joined) = parseAnd()
            operands.append(next)
            mixed = mixed || joined
        }
        let node = combine(operands, or: true)
        if mixed, let firstOr, let node {
            // Spell out the reading for queries short enough to show it.
            let reading = node.span.end.offset - node.span.start.offset <= 200 ? ", so this reads as \(node)" : ""
            warning(
                .mixedAndOr, "AND and OR are mixed without parentheses", firstOr.start, firstOr.end,
                help: "AND binds tighter than OR\(reading); add parentheses to say which grouping you mean")
        }
        return node
    }

    /// and := near (('AND')? near)*  — returns whether several operands were joined (for the
    /// mixed AND/OR warning).
    mutating func parseAnd() -> (QueryNode?, joined: Bool) {
        var operands: [QueryNode?] = []
        if let op = peek, op.kind == .or || op.kind == .and {
            error(.missingOperand, "\(describe(op)) needs an operand on its left", op, help: "write something before \(describe(op)), or remove it")
            guard op.kind == .and else { return (nil, false) }  // parseOr takes the OR
            index += 1
            operands.append(nil)
        }
        if canStartOperand(peek) { operands.append(parseNear()) }
        while let op = peek, !abandoned {
            switch op.kind {
            case .or, .rightParen:
                return (combine(operands, or: false), operands.count > 1)
            case .and:
                index += 1
                guard canStartOperand(peek) else {
                    error(.missingOperand, "AND needs an operand on its right", op, help: "write something after AND, or remove it")
                    operands.append(nil)
                    continue
                }
                operands.append(parseNear())
            case .near:
                // Reached only when no left operand came before the NEAR (`a AND NEAR/2 b`).
                index += 1
                error(.missingOperand, "NEAR needs an operand on its left", op, help: "NEAR compares two operands: a NEAR/3 b")
                if canStartOperand(peek) { _ = parseUnary() }
                operands.append(nil)
            default:
                operands.append(parseNear())
            }
        }
        return (combine(operands, or: false), operands.count > 1)
    }

    /// near := unary ('NEAR/n' unary)?  — a second NEAR is a chained-NEAR error.
    mutating func parseNear() -> QueryNode? {
        let left = parseUnary()
        guard let op = peek, case .near(let distance, let ordered) = op.kind else { return left }
        index += 1
        guard canStartOperand(peek) else {
            error(.missingOperand, "NEAR needs an operand on its right", op, help: "NEAR compares two operands: a NEAR/3 b")
            return nil
        }
        let right = parseUnary()
        var chained = false
        while let extra = peek, case .near = extra.kind, !abandoned {
            index += 1
            let third = canStartOperand(peek) ? parseUnary() : nil
            guard !chained else { continue }
            chained = true
            error(
                .chainedNear, "NEAR cannot be chained: each NEAR compares exactly two operands", extra,
                help: chainHelp(left: left, first: op, middle: right, second: extra, right: third))
        }
        guard !chained, let left, let right else { return nil }
        let leftOK = checkNearOperand(left, near: op, other: right, isLeft: true)
        let rightOK = checkNearOperand(right, near: op, other: left, isLeft: false)
        guard leftOK, rightOK, let distance else { return nil }
        return .near(
            Proximity(left: left, right: right, distance: distance, ordered: ordered, span: left.span.union(right.span)))
    }

    /// unary := ('NOT' | '-') unary | primary
    mutating func parseUnary() -> QueryNode? {
        guard let op = peek, op.isNegation else { return parsePrimary() }
        index += 1
        let name = op.kind == .not ? "NOT" : "'-'"
        if case .minus(touching: false) = op.kind {
            error(.loneNegation, "'-' must touch what it negates", op, help: "write -word without a space, or remove the '-'")
            return nil
        }
        guard canStartOperand(peek) else {
            error(.loneNegation, "\(name) has nothing to negate", op, help: "write what to exclude right after it: NOT job, -job")
            return nil
        }
        if let next = peek, next.isNegation {
            var last = next
            while let more = peek, more.isNegation {
                last = more
                index += 1
            }
            error(
                .doubleNegation, "double negation", op.start, last.end,
                help: "a double negation cancels out: negate once, or not at all")
            if canStartOperand(peek) { _ = parseUnary() }
            return nil
        }
        guard enter(op) else { return nil }
        defer { depth -= 1 }
        guard let operand = parseUnary() else { return nil }
        if case .not(let inner) = operand {
            let innerStart = inner.span.start.offset
            let innerLength = source.bytes[innerStart] == UInt8(ascii: "-") ? 1 : 3
            error(
                .doubleNegation, "double negation through parentheses", op.start, op.end,
                help: "a double negation cancels out: negate once, or not at all",
                notes: [DiagnosticNote(message: "negated again here", span: source.span(innerStart, innerStart + innerLength))])
            return nil
        }
        return .not(Negation(operand: operand, span: source.span(op.start, operand.span.end.offset)))
    }

    /// primary := '(' or ')' | word | phrase | exact | regex | field
    mutating func parsePrimary() -> QueryNode? {
        guard let lexeme = peek else { return nil }
        index += 1
        switch lexeme.kind {
        case .leftParen:
            guard enter(lexeme) else { return nil }
            defer { depth -= 1 }
            if let close = peek, close.kind == .rightParen {
                index += 1
                error(.missingOperand, "empty parentheses", lexeme.start, close.end, help: "put a condition between them, or remove them")
                return nil
            }
            let inner = parseOr()
            guard let close = peek, close.kind == .rightParen else {
                error(.unbalancedParenthesis, "this '(' is never closed", lexeme, help: "add the closing ')'")
                return nil
            }
            index += 1
            return inner.map { reparenthesized($0, lexeme.start, close.end) }
        case .rightParen:
            error(.unbalancedParenthesis, "')' without a matching '('", lexeme, help: "remove it, or add the '(' it closes")
            return nil
        case .and, .or, .near:
            error(.missingOperand, "\(describe(lexeme)) needs an operand on its left", lexeme, help: "write something before \(describe(lexeme)), or remove it")
            return nil
        case .not, .minus:
            index -= 1
            return parseUnary()
        case .invalid:
            return nil
        case .word(let word):
            return TermBuilder(source: source).word(word, lexeme, &diagnostics)
        case .phrase(let text):
            return TermBuilder(source: source).phrase(text, lexeme, exact: false, &diagnostics)
        case .exact(let text, let quoted):
            return quoted
                ? TermBuilder(source: source).phrase(text, lexeme, exact: true, &diagnostics)
                : TermBuilder(source: source).exactWord(text, lexeme, &diagnostics)
        case .regex(let pattern, let flags, let patternStart):
            return .regex(
                RegexQuery(
                    pattern: pattern, flags: Set(flags), span: source.span(lexeme.start, lexeme.end),
                    patternStart: source.position(patternStart)))
        case .field(let field):
            return FieldBuilder(source: source).field(field, lexeme, &diagnostics)
        }
    }
}
