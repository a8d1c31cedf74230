import ArgumentParser
import Earshot

/// `earshot match`: stream JSONL mentions through the matcher and tag the matches (stream.md).
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Annotate JSON Lines mentions with the rules they match, and tag the matches.",
        discussion: """
            Reads FILES (or stdin; `-` is stdin) and writes each accepted line with an "earshot" member \
            added: the matching rules and, for matched mentions, issue type, sentiment, kind and \
            needs_response. The run summary goes to stderr. Without --rules the built-in support pack \
            for --brand/--handle is used. Exit status: 0 ok, 1 nothing matched with --only-matched, \
            2 usage, rules or I/O error, or a bad line with --on-error fail; 130/143 on SIGINT/SIGTERM.
            """)

    @OptionGroup var ruleSource: RuleSourceOptions
    @OptionGroup var tagging: TaggingOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var alerting: AlertOptions

    @Option(help: ArgumentHelp("Matching threads (default: all cores). Output stays in input order.", valueName: "N"))
    var threads: Int?

    @Argument(help: ArgumentHelp("Input files; `-` or nothing means stdin.", valueName: "FILES"))
    var files: [String] = []

    func validate() throws {
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be between 1 and 256.") }
    }

    func run() throws {
        var configuration = try MatchConfiguration.from(input: input, output: output, threads: threads)
        configuration.sentimentDetail = tagging.sentimentDetail
        let ruleSet = try ruleSource.load()
        let tagger = try tagging.makeTagger(brand: ruleSource.brand, handle: ruleSource.handle)
        if alerting.alerts != nil, tagger == nil, alerting.alertBy == "issue_type" {
            throw ValidationError("--alerts per issue type needs tagging; drop --no-tagging or use --alert-by rule.")
        }
        let pipeline = MatchPipeline(matcher: ruleSet.streamMatcher, configuration: configuration, tagger: tagger)
        var run = StreamRun(pipeline: pipeline, configuration: configuration, output: output, files: files, ruleIDs: ruleSet.ruleIDs)
        run.onMention = try alerting.makeMonitor()
        try run.run()
    }
}

extension OnErrorPolicy: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension InputPreset: ExpressibleByArgument {}
