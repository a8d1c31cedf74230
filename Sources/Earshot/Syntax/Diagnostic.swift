/// A line and column in a rules file (both 1-based; columns count Characters).
public struct FileLocation: Sendable, Hashable, Codable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a file location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// How bad a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable {
    /// The rules cannot be compiled.
    case error
    /// The rules compile, but probably do not mean what the author thinks.
    case warning
}

/// A stable, machine-readable diagnostic code (`missing-operand`, `reference-cycle`, ...).
///
/// New codes can be added without breaking anyone's `switch` (like `Errno`).
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kebab-case code name.
    public var rawValue: String
    /// Creates a code from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A secondary place a diagnostic points at ("the cycle goes through here").
public struct DiagnosticNote: Sendable, Hashable {
    /// What this place has to do with the diagnostic.
    public var message: String
    /// The rule the place is in, if any.
    public var ruleID: String?
    /// The span inside that rule's query, if any.
    public var span: SourceSpan?
    /// The place in the rules file, if known.
    public var location: FileLocation?
    /// That rule's query text, for rendering a caret.
    public var query: String?

    /// Creates a note.
    public init(
        message: String, ruleID: String? = nil, span: SourceSpan? = nil, location: FileLocation? = nil,
        query: String? = nil
    ) {
        self.message = message
        self.ruleID = ruleID
        self.span = span
        self.location = location
        self.query = query
    }
}

/// One error or warning about a rules file: data first, rendered once by ``render(color:)``.
///
/// ```swift
/// let d = Diagnostic(code: .missingOperand, severity: .error, message: "AND needs a right operand")
/// print(d.render())
/// ```
public struct Diagnostic: Sendable, Hashable, Error {
    /// Stable code.
    public var code: DiagnosticCode
    /// Error or warning.
    public var severity: Severity
    /// One-line human message.
    public var message: String
    /// The rules file path, if the query came from a file.
    public var file: String?
    /// The rule id, if known.
    public var ruleID: String?
    /// The query the span points into.
    public var query: String?
    /// The offending part of the query.
    public var span: SourceSpan?
    /// Where ``span``'s start is in the rules file (or the rule's own place for file-level errors).
    public var location: FileLocation?
    /// A suggestion such as "did you mean `author:`?".
    public var help: String?
    /// Other places involved.
    public var notes: [DiagnosticNote]

    /// Creates a diagnostic.
    public init(
        code: DiagnosticCode, severity: Severity, message: String, file: String? = nil,
        ruleID: String? = nil, query: String? = nil, span: SourceSpan? = nil,
        location: FileLocation? = nil, help: String? = nil, notes: [DiagnosticNote] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.file = file
        self.ruleID = ruleID
        self.query = query
        self.span = span
        self.location = location
        self.help = help
        self.notes = notes
    }
}

/// Thrown when a rules file has at least one error; carries every diagnostic, warnings included.
public struct CompileFailure: Error, Sendable, Hashable {
    /// All diagnostics, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
