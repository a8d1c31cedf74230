import ArgumentParser
import Earshot

/// `earshot check RULES...`: report every error and warning; exit 2 on any error.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check rules files and report every error and warning.",
        discussion: "Exit status: 0 when every file compiles (warnings allowed), 2 on any error.")

    @Argument(help: ArgumentHelp("Rules files (YAML or JSON).", valueName: "RULES"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one rules file.") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let report = RuleSet.check(contentsOfFile: file)
            DiagnosticPrinter.print(report.diagnostics)
            if report.hasErrors {
                failed = true
            } else {
                Terminal.standardError.write("\(file): ok, \(report.ruleCount) rule\(report.ruleCount == 1 ? "" : "s")\n")
            }
        }
        if failed { throw ExitCode(2) }
    }
}
