import ArgumentParser
import Earshot

/// `earshot tag`: tag every line (issue type, sentiment, kind, needs_response) with no rules.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag every JSON Lines mention with issue type, sentiment, kind and needs_response.",
        discussion: """
            Like `earshot match` without rules: every accepted line gets an "earshot" member with \
            tags, issue_type, sentiment, kind and needs_response (no "rules"). The issue type comes \
            from the built-in issue pack for --brand/--handle, or --issue-pack FILE.
            """)

    @Option(help: "Brand name for the built-in issue pack.")
    var brand = DefaultRulePack.defaultBrand

    @Option(help: "The brand's support handle, without @: fills in the issue pack and marks direct mentions.")
    var handle = DefaultRulePack.defaultHandle

    @OptionGroup var tagging: TaggingOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Tagging threads (default: all cores). Output stays in input order.", valueName: "N"))
    var threads: Int?

    @Argument(help: ArgumentHelp("Input files; `-` or nothing means stdin.", valueName: "FILES"))
    var files: [String] = []

    func validate() throws {
        if tagging.noTagging { throw ValidationError("--no-tagging makes no sense for `earshot tag`.") }
        if output.onlyMatched { throw ValidationError("--only-matched needs rules; use `earshot match`.") }
        if output.spans { throw ValidationError("--spans needs rules; use `earshot match --spans`.") }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be between 1 and 256.") }
    }

    func run() throws {
        var configuration = try MatchConfiguration.from(input: input, output: output, threads: threads)
        configuration.sentimentDetail = tagging.sentimentDetail
        configuration.tagEveryMention = true
        let tagger = try tagging.makeTagger(brand: brand, handle: handle)
        let pipeline = MatchPipeline(matcher: NoRulesMatcher(), configuration: configuration, tagger: tagger)
        try StreamRun(pipeline: pipeline, configuration: configuration, output: output, files: files, ruleIDs: []).run()
    }
}
