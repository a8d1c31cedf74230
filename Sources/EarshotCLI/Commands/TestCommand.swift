import ArgumentParser
import Earshot

/// `earshot test RULES`: run every rule's `examples` and report failures.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples of every rule.",
        discussion: """
            Each `examples.match` entry must match its rule and each `examples.nomatch` entry must not. \
            Exit status: 0 all pass, 1 some fail, 2 rules error.
            """)

    @Argument(help: ArgumentHelp("Rules file (YAML or JSON); the built-in pack when omitted.", valueName: "RULES"))
    var file: String?

    func run() throws {
        let ruleSet: RuleSet
        do throws(CompileFailure) {
            if let file {
                ruleSet = try RuleSet(contentsOfFile: file)
            } else {
                ruleSet = try RuleSet.defaultPack()
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(2)
        }
        let results = ruleSet.runExamples()
        let failures = results.filter { !$0.passed }
        for failure in failures {
            Terminal.standardOutput.write(failure.report + "\n")
        }
        let summary = "earshot test: \(results.count - failures.count) passed, \(failures.count) failed"
        Terminal.standardOutput.write(summary + "\n")
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
