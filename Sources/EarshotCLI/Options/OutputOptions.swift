import ArgumentParser
import Earshot

/// What is written, and what happens to bad lines.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("only-matched"), help: "Write only mentions that matched at least one rule.")
    var onlyMatched = false

    @Flag(help: "Add the byte spans that satisfied each rule.")
    var spans = false

    @Option(help: "Output format: jsonl, tsv or count.")
    var format = OutputFormat.jsonl

    @Option(help: "Name of the annotation member.")
    var key = "earshot"

    @Flag(help: "Fail when an input line already has the annotation member.")
    var strict = false

    @Option(name: .customLong("on-error"), help: "Bad input lines: skip, pass or fail.")
    var onError = OnErrorPolicy.skip

    @Option(help: ArgumentHelp("Write rejected lines here as JSON records.", valueName: "FILE"))
    var rejects: String?

    @Flag(help: "No summary line.")
    var quiet = false

    func validate() throws {
        if key.isEmpty { throw ValidationError("--key must not be empty.") }
    }
}
