import ArgumentParser
import Earshot

/// How matched mentions are tagged (tagging.md): issue pack, sentiment lexicon, detail.
struct TaggingOptions: ParsableArguments {
    @Flag(name: .customLong("no-tagging"), help: "Turn all tagging off: annotations carry rules and tags only.")
    var noTagging = false

    @Option(
        name: .customLong("issue-pack"),
        help: ArgumentHelp("Rules file that replaces the built-in issue pack (rules with tags.issue_type).", valueName: "FILE"))
    var issuePack: String?

    @Option(
        name: .customLong("sentiment-lexicon"),
        help: "Sentiment lexicon: support (VADER plus the support overlay, the default) or vader (VADER alone).")
    var sentimentLexicon = SentimentLexiconChoice.support

    @Flag(name: .customLong("sentiment-detail"), help: "Add pos, neu and neg proportions to the sentiment.")
    var sentimentDetail = false

    /// The tagger for `--brand`/`--handle`, or `nil` with `--no-tagging`; prints diagnostics and
    /// exits 2 when the issue pack has errors.
    func makeTagger(brand: String, handle: String) throws -> Tagger? {
        guard !noTagging else { return nil }
        var setup = TaggingSetup(brand: brand, handle: handle)
        setup.issuePackPath = issuePack
        setup.lexicon = sentimentLexicon.lexicon
        do {
            return try setup.makeTagger()
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(2)
        }
    }
}

/// The values of `--sentiment-lexicon`.
enum SentimentLexiconChoice: String, ExpressibleByArgument, CaseIterable {
    case support
    case vader

    var lexicon: SentimentLexicon {
        switch self {
        case .support: .vaderWithSupportOverlay
        case .vader: .vader
        }
    }
}
