// The catalog of diagnostic codes (rules.md §6, §7, §9). Tests compare codes and spans, never prose.
extension DiagnosticCode {
    // MARK: Rules file (§6)
    /// The file is not valid YAML/JSON, or not the documented shape.
    public static let invalidRulesFile = DiagnosticCode(rawValue: "invalid-rules-file")
    /// `version` is missing or not 1.
    public static let unsupportedVersion = DiagnosticCode(rawValue: "unsupported-version")
    /// A rule has no `query`, or it is not a string.
    public static let missingQuery = DiagnosticCode(rawValue: "missing-query")
    /// A rule has no valid `id` (`[A-Za-z0-9_.-]{1,128}`).
    public static let invalidRuleID = DiagnosticCode(rawValue: "invalid-rule-id")
    /// Two rules share an id.
    public static let duplicateRuleID = DiagnosticCode(rawValue: "duplicate-rule-id")
    /// A query is longer than 64 KiB of UTF-8.
    public static let queryTooLong = DiagnosticCode(rawValue: "query-too-long")
    /// `rule:NAME` names no rule.
    public static let unknownRuleReference = DiagnosticCode(rawValue: "unknown-rule-reference")
    /// A chain of `rule:` references deeper than the planner allows.
    public static let referenceTooDeep = DiagnosticCode(rawValue: "reference-too-deep")
    /// Rules reference each other in a cycle.
    public static let referenceCycle = DiagnosticCode(rawValue: "reference-cycle")

    // MARK: Query syntax (§2–§5, §7)
    /// The query is empty or only whitespace.
    public static let emptyQuery = DiagnosticCode(rawValue: "empty-query")
    /// A `(` without `)` or a `)` without `(`.
    public static let unbalancedParenthesis = DiagnosticCode(rawValue: "unbalanced-parenthesis")
    /// A `"` without its closing partner.
    public static let unbalancedQuote = DiagnosticCode(rawValue: "unbalanced-quote")
    /// `{` without `}` or `}` without `{`.
    public static let unbalancedBrace = DiagnosticCode(rawValue: "unbalanced-brace")
    /// `{}` with nothing inside.
    public static let emptyExact = DiagnosticCode(rawValue: "empty-exact")
    /// An operator without its operand (`spotify AND`, `OR crash`).
    public static let missingOperand = DiagnosticCode(rawValue: "missing-operand")
    /// `-` or `NOT` with nothing touching it.
    public static let loneNegation = DiagnosticCode(rawValue: "lone-negation")
    /// `NOT NOT x`, `--x`, `-(NOT x)`.
    public static let doubleNegation = DiagnosticCode(rawValue: "double-negation")
    /// A wildcard token with fewer than 2 literal characters.
    public static let wildcardTooShort = DiagnosticCode(rawValue: "wildcard-too-short")
    /// A wildcard on a CJK or Thai token.
    public static let wildcardOnCJK = DiagnosticCode(rawValue: "wildcard-on-cjk")
    /// A word with nothing to search (`©`, `!!!`).
    public static let matchesNothing = DiagnosticCode(rawValue: "matches-nothing")
    /// A URL inside a phrase.
    public static let urlInPhrase = DiagnosticCode(rawValue: "url-in-phrase")
    /// NEAR operand that is not a term, phrase or OR-group of them.
    public static let invalidNearOperand = DiagnosticCode(rawValue: "invalid-near-operand")
    /// `a NEAR/2 b NEAR/3 c`.
    public static let chainedNear = DiagnosticCode(rawValue: "chained-near")
    /// NEAR distance outside 0...255.
    public static let nearDistanceOutOfRange = DiagnosticCode(rawValue: "near-distance-out-of-range")
    /// `NEAR` without `/n`.
    public static let nearMissingDistance = DiagnosticCode(rawValue: "near-missing-distance")
    /// A regex PCRE2 rejects, an unknown flag, or an unterminated regex.
    public static let invalidRegex = DiagnosticCode(rawValue: "invalid-regex")
    /// `athor:x`.
    public static let unknownField = DiagnosticCode(rawValue: "unknown-field")
    /// A field value that is not allowed (`is:x`, `author:(a OR b)`, `url:*.x.com`, `field:` without `=`).
    public static let invalidFieldValue = DiagnosticCode(rawValue: "invalid-field-value")
    /// The query is true for an empty mention (`NOT job`, `spotify OR -job`).
    public static let matchesEmptyMention = DiagnosticCode(rawValue: "matches-empty-mention")
    /// Nesting deeper than the parser's limit.
    public static let nestingTooDeep = DiagnosticCode(rawValue: "nesting-too-deep")

    // MARK: Warnings (§7)
    /// AND and OR mixed at one level without parentheses.
    public static let mixedAndOr = DiagnosticCode(rawValue: "mixed-and-or")
    /// `and`, `Or`, `not`, `near/2`: operator-like words not in upper case.
    public static let lowercaseOperator = DiagnosticCode(rawValue: "lowercase-operator")
    /// A word ending in `?` (read as a wildcard).
    public static let trailingQuestionMark = DiagnosticCode(rawValue: "trailing-question-mark")
    /// A leading `*` wildcard (slow).
    public static let leadingWildcard = DiagnosticCode(rawValue: "leading-wildcard")
    /// A regex with no literal of 3+ characters (runs on every mention).
    public static let regexWithoutLiteral = DiagnosticCode(rawValue: "regex-without-literal")
    /// A term that is a stop word alone.
    public static let stopWordTerm = DiagnosticCode(rawValue: "stop-word-term")
    /// A rule whose query is identical to another's.
    public static let duplicateRule = DiagnosticCode(rawValue: "duplicate-rule")
    /// A rule the presearch cannot index: it is verified on every mention.
    public static let alwaysVerified = DiagnosticCode(rawValue: "always-verified")
}
