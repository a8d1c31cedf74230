import ArgumentParser
import Earshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `earshot eval --labels FILE`: score the taggers on a labeled set.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score issue type, needs_response, kind and sentiment on a labeled set.",
        discussion: """
            Tags every labeled mention as `earshot tag` does and prints per-label precision, recall \
            and F1, macro-F1 and the confusion matrix for issue type; accuracy for needs_response and \
            kind; accuracy and macro-F1 for sentiment with the support overlay on and off. \
            The bundled set is Fixtures/labeled/support-eval.jsonl; its `test` split is held out.
            """)

    @Option(help: ArgumentHelp("Labeled JSONL file (see Fixtures/labeled/README.md).", valueName: "FILE"))
    var labels: String

    @Option(help: "Which split to score: train, test, blind or all.")
    var split = "test"

    @Option(help: "Output: text or json.")
    var format = "text"

    @Option(help: "Brand name for the built-in issue pack.")
    var brand = DefaultRulePack.defaultBrand

    @Option(help: "The brand's support handle, without @.")
    var handle = DefaultRulePack.defaultHandle

    @OptionGroup var tagging: TaggingOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        guard !split.isEmpty else { throw ValidationError("--split must name a split (train, test, blind) or be all.") }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json.") }
        if tagging.noTagging { throw ValidationError("--no-tagging leaves nothing to evaluate.") }
    }

    func run() throws {
        guard let bytes = readFile(labels) else {
            Terminal.standardError.write("earshot: cannot read --labels \(labels): \(String(cString: strerror(errno)))\n")
            throw ExitCode(2)
        }
        let set: LabeledSet
        do {
            set = try LabeledSet(jsonl: bytes, mapping: try input.fieldMapping())
        } catch let bad as LabeledSet.BadLine {
            Terminal.standardError.write("earshot: \(labels): \(bad)\n")
            throw ExitCode(2)
        }
        guard let tagger = try tagging.makeTagger(brand: brand, handle: handle) else { throw ExitCode(2) }
        let result = Evaluation(set: set, split: split == "all" ? nil : split, tagger: tagger)
        guard result.count > 0 else {
            Terminal.standardError.write("earshot: \(labels) has no items in split \(split)\n")
            throw ExitCode(2)
        }
        let lexicon = tagging.sentimentLexicon
        let text = format == "json"
            ? EvaluationPrinter.json(result, file: labels, split: split, lexicon: lexicon)
            : EvaluationPrinter.text(result, file: labels, split: split, lexicon: lexicon)
        Terminal.standardOutput.write(text)
    }

    private func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
