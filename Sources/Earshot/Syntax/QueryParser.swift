import EarshotText

/// The result of parsing one query: a node when there is no error, and every diagnostic.
public struct QueryParse: Sendable {
    /// The query tree; nil when any error was found.
    public var node: QueryNode?
    /// Errors and warnings, in query order.
    public var diagnostics: [Diagnostic]
}

/// Recursive-descent parser for rules.md §2–§5. Precedence, tightest first: parentheses,
/// prefix `NOT`/`-`, `NEAR/n`, `AND` (explicit or juxtaposed), `OR`. It recovers after an error
/// and keeps going, so one pass reports every problem in a query.
///
/// ```swift
/// let parse = QueryParser.parse("spotify (crash* OR \"keeps closing\") -job")
/// parse.node?.description   // (spotify AND (crash* OR "keeps closing") AND NOT job)
/// ```
public struct QueryParser {
    /// Deepest nesting of parentheses and prefix operators accepted.
    public static let nestingLimit = 256

    let source: SourceText
    var lexemes: [Lexeme]
    var index = 0
    var depth = 0
    var diagnostics: [Diagnostic]
    var failed = false

    /// Parses a query.
    public static func parse(_ query: String) -> QueryParse {
        let source = SourceText(query)
        var lexer = QueryLexer(source)
        let lexemes = lexer.lex()
        var parser = QueryParser(source: source, lexemes: lexemes, diagnostics: lexer.diagnostics)
        let node = parser.parseQuery()
        let hasError = parser.diagnostics.contains { $0.severity == .error }
        let sorted = parser.diagnostics.enumerated().sorted {
            ($0.element.span?.start.offset ?? 0, $0.offset) < ($1.element.span?.start.offset ?? 0, $1.offset)
        }.map { entry -> Diagnostic in
            var diagnostic = entry.element
            diagnostic.query = query
            return diagnostic
        }
        return QueryParse(node: hasError ? nil : node, diagnostics: sorted)
    }

    // MARK: Grammar

    mutating func parseQuery() -> QueryNode? {
        if lexemes.isEmpty {
            if !diagnostics.contains(where: { $0.severity == .error }) {
                error(.emptyQuery, "the query is empty", 0, source.bytes.count)
            }
            return nil
        }
        var node: QueryNode?
        while index < lexemes.count {
            let parsed = parseOr()
            node = node == nil ? parsed : node
            if index < lexemes.count {
                let stray = lexemes[index]
                if stray.kind == .rightParen {
                    error(.unbalancedParenthesis, "')' without a matching '('", stray.start, stray.end)
                } else {
                    error(.missingOperand, "unexpected \(describe(stray))", stray.start, stray.end)
                }
                index += 1
            }
        }
        return node
    }

    mutating func parseOr() -> QueryNode? {
        var operands: [QueryNode?] = [parseAnd()]
        var sawImplicitAnd = lastAndWasUnparenthesized
        var orLexemes: [Lexeme] = []
        while let next = peek, next.kind == .or {
            index += 1
            orLexemes.append(next)
            if atOperandEnd {
                error(.missingOperand, "OR needs an operand on its right", next.start, next.end)
                operands.append(nil)
                break
            }
            operands.append(parseAnd())
            sawImplicitAnd = sawImplicitAnd || lastAndWasUnparenthesized
        }
        if operands.count > 1, sawImplicitAnd, let first = orLexemes.first {
            warning(
                .mixedAndOr, "AND and OR are mixed without parentheses: AND binds tighter", first.start, first.end,
                help: "add parentheses to say which grouping you mean, e.g. a OR (b AND c)")
        }
        lastAndWasUnparenthesized = false
        return combine(operands, or: true)
    }

    /// True when the last parseAnd joined several operands without parentheses around them.
    var lastAndWasUnparenthesized = false

    mutating func parseAnd() -> QueryNode? {
        if let next = peek, next.kind == .or {
            error(.missingOperand, "OR needs an operand on its left", next.start, next.end)
            return nil
        }
        var operands: [QueryNode?] = [parseNear()]
        while let next = peek {
            switch next.kind {
            case .and:
                index += 1
                if atOperandEnd || peek?.kind == .and {
                    error(.missingOperand, "AND needs an operand on its right", next.start, next.end)
                    operands.append(nil)
                    continue
                }
                operands.append(parseNear())
            case .or, .rightParen:
                lastAndWasUnparenthesized = operands.count > 1
                return combine(operands, or: false)
            case .near(_, _):
                index += 1
                error(.chainedNear, "NEAR cannot be chained", next.start, next.end, help: "write (a NEAR/2 b) AND (b NEAR/3 c)")
                _ = parseUnary()
            default:
                operands.append(parseNear())
            }
        }
        lastAndWasUnparenthesized = operands.count > 1
        return combine(operands, or: false)
    }

    mutating func parseNear() -> QueryNode? {
        let leftStart = index
        guard let left = parseUnary() else {
            skipNear()
            return nil
        }
        guard let next = peek, case .near(let distance, let ordered) = next.kind else { return left }
        index += 1
        if atOperandEnd {
            error(.missingOperand, "NEAR needs an operand on its right", next.start, next.end)
            return nil
        }
        guard let right = parseUnary() else { return nil }
        if let after = peek, case .near = after.kind {
            error(.chainedNear, "NEAR cannot be chained", after.start, after.end, help: "write (a NEAR/2 b) AND (b NEAR/3 c)")
            index += 1
            _ = parseUnary()
            return nil
        }
        let leftOK = checkNearOperand(left, at: lexemes[leftStart])
        let rightOK = checkNearOperand(right, at: next)
        guard leftOK, rightOK, let distance else { return nil }
        return .near(Proximity(left: left, right: right, distance: distance, ordered: ordered, span: left.span.union(right.span)))
    }

    mutating func skipNear() {
        if let next = peek, case .near = next.kind {
            index += 1
            _ = parseUnary()
        }
    }

    /// NEAR operands are terms, phrases, or (nested) OR-groups of them.
    mutating func checkNearOperand(_ node: QueryNode, at lexeme: Lexeme) -> Bool {
        func valid(_ node: QueryNode) -> Bool {
            switch node {
            case .text: return true
            case .or(let group): return group.operands.allSatisfy(valid)
            default: return false
            }
        }
        if valid(node) { return true }
        error(
            .invalidNearOperand, "NEAR works on terms, phrases and OR-groups of them, not on \(kindName(node))",
            node.span.start.offset, node.span.end.offset, help: "move the other conditions outside: (a NEAR/3 b) AND c")
        return false
    }

    mutating func parseUnary() -> QueryNode? {
        guard let lexeme = peek else { return nil }
        switch lexeme.kind {
        case .not, .minus:
            index += 1
            if lexeme.kind == .not, atOperandEnd || peek?.kind == .and || peek?.kind == .or {
                error(.loneNegation, "NOT needs something to negate", lexeme.start, lexeme.end)
                return nil
            }
            if let next = peek, next.kind == .not || next.kind == .minus {
                error(.doubleNegation, "double negation", lexeme.start, next.end, help: "a double negation cancels out; remove both")
            }
            guard enter(lexeme) else { return nil }
            defer { depth -= 1 }
            guard let operand = parseUnary() else { return nil }
            if case .not = operand {
                if !diagnostics.contains(where: { $0.code == .doubleNegation && $0.span?.start.offset == lexeme.start }) {
                    error(.doubleNegation, "double negation", lexeme.start, operand.span.start.offset + 1, help: "a double negation cancels out; remove both")
                }
                return nil
            }
            return .not(Negation(operand: operand, span: source.span(lexeme.start, operand.span.end.offset)))
        default:
            return parsePrimary()
        }
    }

    mutating func parsePrimary() -> QueryNode? {
        guard let lexeme = peek else { return nil }
        index += 1
        switch lexeme.kind {
        case .leftParen:
            guard enter(lexeme) else { return nil }
            defer { depth -= 1 }
            if let next = peek, next.kind == .rightParen {
                index += 1
                error(.missingOperand, "empty parentheses", lexeme.start, next.end)
                return nil
            }
            let inner = parseOr()
            guard let close = peek, close.kind == .rightParen else {
                error(.unbalancedParenthesis, "this '(' is never closed", lexeme.start, lexeme.end, help: "add the closing ')'")
                return nil
            }
            index += 1
            guard let inner else { return nil }
            return reparenthesized(inner, lexeme.start, close.end)
        case .rightParen:
            error(.unbalancedParenthesis, "')' without a matching '('", lexeme.start, lexeme.end)
            return nil
        case .and, .or:
            error(.missingOperand, "\(describe(lexeme)) needs an operand on its left", lexeme.start, lexeme.end)
            return nil
        case .near:
            error(.missingOperand, "NEAR needs an operand on its left", lexeme.start, lexeme.end)
            return nil
        case .not, .minus:
            index -= 1
            return parseUnary()
        case .invalid:
            failed = true
            return nil
        case .word(let word):
            return TermBuilder(source: source).word(word, lexeme, &diagnostics)
        case .phrase(let text):
            return TermBuilder(source: source).phrase(text, lexeme, exact: false, &diagnostics)
        case .exact(let text, let quoted):
            if quoted { return TermBuilder(source: source).phrase(text, lexeme, exact: true, &diagnostics) }
            return TermBuilder(source: source).exactWord(text, lexeme, &diagnostics)
        case .regex(let pattern, let flags, let patternStart):
            return .regex(
                RegexQuery(
                    pattern: pattern, flags: Set(flags), span: source.span(lexeme.start, lexeme.end),
                    patternStart: source.position(patternStart)))
        case .field(let name, let value, let valueStart, let valueEnd, let exact):
            return FieldBuilder(source: source).field(name, value, valueStart, valueEnd, exact, lexeme, &diagnostics)
        }
    }

    /// Gives a parenthesized node the span including its parentheses.
    func reparenthesized(_ node: QueryNode, _ start: Int, _ end: Int) -> QueryNode {
        let span = source.span(start, end)
        switch node {
        case .and(var group):
            group.span = span
            return .and(group)
        case .or(var group):
            group.span = span
            return .or(group)
        default:
            return node
        }
    }

    // MARK: Helpers

    var peek: Lexeme? { index < lexemes.count ? lexemes[index] : nil }

    /// True when no operand can follow: end of query or a closing parenthesis.
    var atOperandEnd: Bool { peek == nil || peek?.kind == .rightParen }

    mutating func enter(_ lexeme: Lexeme) -> Bool {
        depth += 1
        if depth > Self.nestingLimit {
            error(.nestingTooDeep, "nesting deeper than \(Self.nestingLimit) levels", lexeme.start, lexeme.end)
            index = lexemes.count
            depth -= 1
            return false
        }
        return true
    }

    mutating func combine(_ operands: [QueryNode?], or: Bool) -> QueryNode? {
        let present = operands.compactMap { $0 }
        guard present.count == operands.count, let first = present.first else { return nil }
        if present.count == 1 { return first }
        var flat: [QueryNode] = []
        for node in present {
            switch (node, or) {
            case (.or(let group), true) where !isParenthesized(node): flat.append(contentsOf: group.operands)
            case (.and(let group), false) where !isParenthesized(node): flat.append(contentsOf: group.operands)
            default: flat.append(node)
            }
        }
        let span = present.dropFirst().reduce(first.span) { $0.union($1.span) }
        return or ? .or(Disjunction(operands: flat, span: span)) : .and(Conjunction(operands: flat, span: span))
    }

    /// A group node is parenthesized when its span starts with `(`.
    func isParenthesized(_ node: QueryNode) -> Bool {
        let offset = node.span.start.offset
        return offset < source.bytes.count && source.bytes[offset] == UInt8(ascii: "(")
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        failed = true
        diagnostics.append(Diagnostic(code: code, severity: .error, message: message, span: source.span(start, end), help: help))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        diagnostics.append(Diagnostic(code: code, severity: .warning, message: message, span: source.span(start, end), help: help))
    }

    func describe(_ lexeme: Lexeme) -> String {
        switch lexeme.kind {
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .near: "NEAR"
        case .leftParen: "'('"
        case .rightParen: "')'"
        default: "'\(source.slice(lexeme.start, lexeme.end))'"
        }
    }

    func kindName(_ node: QueryNode) -> String {
        switch node {
        case .text: "a term"
        case .regex: "a regex"
        case .field: "a field"
        case .ruleReference: "a rule reference"
        case .not: "a negation"
        case .and: "an AND"
        case .or: "an OR-group containing other operators"
        case .near: "another NEAR"
        }
    }
}
