import EarshotSyntax
import EarshotTestSupport
import Testing

/// Fixtures/diagnostics/diagnostics.jsonl: each query's first error has this code at this line
/// and column of the query (tests compare codes and positions, never prose).
@Suite("Query diagnostics")
struct DiagnosticsFixtureTests {
    static let cases: [Fixtures.Case] = (try? Fixtures.cases(in: Fixtures.url("diagnostics/diagnostics.jsonl"))) ?? []

    /// The error codes the syntax layer reports (the planner reports the others).
    static let syntaxErrorCodes: [DiagnosticCode] = [
        .emptyQuery, .unbalancedParenthesis, .unbalancedQuote, .unbalancedBrace, .emptyExact, .missingOperand, .loneNegation,
        .doubleNegation, .wildcardTooShort, .wildcardOnCJK, .matchesNothing, .urlInPhrase, .invalidNearOperand, .chainedNear,
        .nearDistanceOutOfRange, .nearMissingDistance, .invalidRegex, .unknownField, .invalidFieldValue, .nestingTooDeep,
    ]

    @Test func fixtureCoversEveryCode() {
        #expect(Self.cases.count >= 40)
        let codes = Set(Self.cases.compactMap { $0[string: "code"] })
        for code in Self.syntaxErrorCodes {
            #expect(codes.contains(code.rawValue), "no fixture case for \(code)")
        }
    }

    @Test(arguments: cases)
    func firstErrorHasCodeAndPosition(_ testCase: Fixtures.Case) throws {
        let parse = QueryParser.parse(try #require(testCase[string: "query"]))
        #expect(parse.node == nil, "\(testCase): an error must leave no node")
        let error = try #require(parse.errors.first, "\(testCase): no error")
        #expect(error.code.rawValue == testCase[string: "code"], "\(testCase): \(error.code) \(error.message)")
        #expect(error.span?.start.line == testCase[int: "line"], "\(testCase)")
        #expect(error.span?.start.column == testCase[int: "column"], "\(testCase)")
        #expect(error.query == testCase[string: "query"])
        #expect(error.help != nil, "\(testCase): errors explain how to fix them")
    }

    // MARK: Several errors in one query

    @Test func everyErrorInAQueryIsReported() {
        let parse = QueryParser.parse("athor:x AND (crash OR {} OR a*")
        #expect(parse.node == nil)
        #expect(parse.errors.map(\.code) == [.unknownField, .unbalancedParenthesis, .emptyExact, .wildcardTooShort])
        #expect(parse.errors.map { $0.span?.start.column } == [1, 13, 23, 29])
    }

    @Test func errorsOfEveryLayerOfTheGrammarAreCollected() {
        // A lexer error, a term error, an operator error and a field error in one query.
        let parse = QueryParser.parse("/x/q spotify © NEAR/300 y OR is:maybe -")
        #expect(
            parse.errors.map(\.code) == [.invalidRegex, .matchesNothing, .nearDistanceOutOfRange, .invalidFieldValue, .loneNegation])
        #expect(parse.errors.map { $0.span?.start.column } == [4, 14, 16, 33, 39])
    }

    @Test func recoveryAfterAStrayParenthesisKeepsReading() {
        let parse = QueryParser.parse("a1) OR b* OR (c1 AND)")
        #expect(parse.errors.map(\.code) == [.unbalancedParenthesis, .wildcardTooShort, .missingOperand])
    }

    @Test func oneReportPerProblem() {
        #expect(QueryParser.parse("OR").errors.count == 1)
        #expect(QueryParser.parse("NOT NOT NOT x1").errors.count == 1)
        #expect(QueryParser.parse("a1 NEAR/2 b1 NEAR/3 c1 NEAR/4 d1").errors.count == 1)
        #expect(QueryParser.parse("{Big Bang}").errors.count == 1)
        #expect(QueryParser.parse("author:(a OR b)").errors.count == 1)
    }

    // MARK: Help texts that carry a concrete fix

    @Test func chainedNearSuggestsTwoNears() throws {
        let error = try #require(QueryParser.parse("crash NEAR/2 spotify NEAR/3 iphone").errors.first)
        #expect(error.help?.contains("(crash NEAR/2 spotify) AND (spotify NEAR/3 iphone)") == true)
    }

    @Test func negatedNearOperandSuggestsNegatingThePair() throws {
        let error = try #require(QueryParser.parse("NOT spotify NEAR/2 crash").errors.first)
        #expect(error.code == .invalidNearOperand)
        #expect(error.help?.contains("NOT (spotify NEAR/2 crash)") == true)
    }

    @Test func fieldGroupSuggestsOneFieldPerValue() throws {
        let error = try #require(QueryParser.parse("author:(a OR b)").errors.first)
        #expect(error.help?.contains("author:a OR author:b") == true)
    }

    @Test func unknownFieldSuggestsTheNearestName() throws {
        for (query, suggestion) in [("athor:x", "author:"), ("lnag:en", "lang:"), ("contry:se", "country:"), ("rul:x", "rule:"), ("hsa:link", "has:")] {
            let error = try #require(QueryParser.parse(query).errors.first)
            #expect(error.code == .unknownField)
            #expect(error.help?.contains("did you mean '\(suggestion)'") == true, "\(query): \(error.help ?? "")")
        }
    }

    @Test func invalidIsAndHasValuesListTheAllowedOnes() throws {
        let isError = try #require(QueryParser.parse("is:answer").errors.first)
        #expect(["reply", "retweet", "quote"].allSatisfy { isError.message.contains($0) })
        let hasError = try #require(QueryParser.parse("has:video").errors.first)
        #expect(["link", "mention", "hashtag", "emoji"].allSatisfy { hasError.message.contains($0) })
    }

    @Test func urlWildcardExplainsSubdomains() throws {
        let error = try #require(QueryParser.parse("url:*.spotify.com").errors.first)
        #expect(error.help?.contains("subdomains") == true)
    }

    @Test func doubleNegationThroughParenthesesPointsAtBothOperators() throws {
        let error = try #require(QueryParser.parse("spotify -(NOT job)").errors.first)
        #expect(error.code == .doubleNegation)
        #expect(error.span?.start.column == 9)
        #expect(error.notes.first?.span?.start.column == 11)
    }

    // MARK: Warnings (rules.md §7)

    @Test(arguments: [
        ("a1 OR b1 c1", DiagnosticCode.mixedAndOr, 4),
        ("a1 b1 OR c1", .mixedAndOr, 7),
        ("a1 OR b1 NOT c1", .mixedAndOr, 4),
        ("spotify and crash", .lowercaseOperator, 9),
        ("spotify Or crash", .lowercaseOperator, 9),
        ("spotify not job", .lowercaseOperator, 9),
        ("spotify near/2 crash", .lowercaseOperator, 9),
        ("spotify Near/2f crash", .lowercaseOperator, 9),
        ("crash?", .trailingQuestionMark, 6),
        ("\"is spotify down?\"", .trailingQuestionMark, 17),
        ("*tify", .leadingWildcard, 1),
        ("spotify #*wrapped", .leadingWildcard, 9),
        ("the", .stopWordTerm, 1),
        ("spotify the", .stopWordTerm, 9),
    ])
    func warnings(query: String, code: DiagnosticCode, column: Int) throws {
        let parse = QueryParser.parse(query)
        #expect(parse.node != nil, "warnings never make a query fail")
        let warning = try #require(parse.diagnostics.first { $0.code == code }, "\(query): \(parse.diagnostics.map(\.code))")
        #expect(warning.severity == .warning)
        #expect(warning.span?.start.column == column)
    }

    @Test(arguments: [
        "a1 OR (b1 c1)", "(a1 b1) OR c1", "a1 AND b1", "a1 OR b1", "\"the app\"", "{The}", "spotify near", "ANDROID OR ORACLE",
        "colo?r", "crash*", "\"rock and roll\"", "spotify NEAR/2 crash",
    ])
    func noFalseWarnings(query: String) {
        let parse = QueryParser.parse(query)
        #expect(parse.node != nil)
        #expect(parse.diagnostics.isEmpty, "\(query): \(parse.diagnostics.map(\.code))")
    }

    @Test func lowercaseOperatorWordsWarnOnce() {
        // `and` is also a stop word: one warning, the operator one, is enough.
        #expect(QueryParser.parse("spotify and crash").diagnostics.map(\.code) == [.lowercaseOperator])
    }
}
