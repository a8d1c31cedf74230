import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Entry point: runs the command and maps outcomes to grep-style exit codes
/// (0 ok, 1 nothing matched / tests failed, 2 usage, rules or I/O error).
@main
enum EarshotMain {
    static func main() {
        do {
            var command = try EarshotCommand.parseAsRoot()
            try command.run()
        } catch {
            let code = EarshotCommand.exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser uses EX_USAGE (64); the stream contract wants 2 for usage errors.
                let message = EarshotCommand.fullMessage(for: error)
                Terminal.standardError.write(message + "\n")
                exit(2)
            }
            EarshotCommand.exit(withError: error)
        }
    }
}

/// The root command.
struct EarshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earshot",
        abstract: "Match social mentions against Boolean listening rules.",
        discussion: """
            Reads JSON Lines on stdin (or FILES) and writes JSON Lines on stdout. \
            Exit status: 0 ok, 1 nothing matched with --only-matched (or tests failed), \
            2 usage, rules or input/output error.
            """,
        version: EarshotVersion.current,
        subcommands: [
            MatchCommand.self, TagCommand.self, ExplainCommand.self, EvalCommand.self, ReportCommand.self, CheckCommand.self,
            TestCommand.self, RulesCommand.self,
        ],
        defaultSubcommand: nil)
}

/// The tool's version string.
enum EarshotVersion {
    static let current = "0.1.0"
}
