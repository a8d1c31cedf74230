import EarshotSyntax
import EarshotTestSupport
import Testing

/// Fixtures/diagnostics/diagnostics.jsonl: each query's first error has this code at this
/// line and column of the query (tests compare codes and positions, never prose).
@Suite("Query diagnostics")
struct DiagnosticsFixtureTests {
    static let cases: [Fixtures.Case] = (try? Fixtures.cases(in: Fixtures.url("diagnostics/diagnostics.jsonl"))) ?? []

    @Test func fixtureIsLoaded() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func firstErrorHasCodeAndPosition(_ testCase: Fixtures.Case) throws {
        let parse = QueryParser.parse(try #require(testCase[string: "query"]))
        #expect(parse.node == nil, "\(testCase): an error must leave no node")
        let error = try #require(parse.diagnostics.first { $0.severity == .error }, "\(testCase): no error")
        #expect(error.code.rawValue == testCase[string: "code"], "\(testCase): \(error.code) \(error.message)")
        #expect(error.span?.start.line == testCase[int: "line"], "\(testCase)")
        #expect(error.span?.start.column == testCase[int: "column"], "\(testCase)")
    }

    @Test func everyErrorInAQueryIsReported() {
        let parse = QueryParser.parse("athor:x AND (crash OR {} OR a*")
        let codes = parse.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes.contains(.unknownField))
        #expect(codes.contains(.emptyExact))
        #expect(codes.contains(.wildcardTooShort))
        #expect(codes.contains(.unbalancedParenthesis))
    }

    @Test(arguments: [
        ("a1 OR b1 c1", DiagnosticCode.mixedAndOr),
        ("spotify and crash", .lowercaseOperator),
        ("spotify near/2 crash", .lowercaseOperator),
        ("crash?", .trailingQuestionMark),
        ("*tify", .leadingWildcard),
        ("the", .stopWordTerm),
    ])
    func warnings(query: String, code: DiagnosticCode) {
        let parse = QueryParser.parse(query)
        #expect(parse.node != nil)
        #expect(parse.diagnostics.contains { $0.severity == .warning && $0.code == code })
    }

    @Test func parenthesizedMixIsNotWarned() {
        #expect(QueryParser.parse("a1 OR (b1 c1)").diagnostics.isEmpty)
    }

    @Test func renderShowsCaretUnderTheSpan() {
        let parse = QueryParser.parse("spotify AND")
        let rendered = parse.diagnostics[0].render()
        #expect(rendered.contains("1 | spotify AND"))
        #expect(rendered.contains("  |         ^~~"))
        #expect(rendered.contains("error[missing-operand]"))
    }
}
