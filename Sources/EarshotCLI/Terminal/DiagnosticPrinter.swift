import Earshot

/// Prints diagnostics to stderr (colored on a terminal) with a one-line tally.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        let color = Terminal.colorDiagnostics
        for diagnostic in diagnostics {
            Terminal.standardError.write(diagnostic.render(color: color) + "\n")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            Terminal.standardError.write(
                "earshot: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        }
    }
}
