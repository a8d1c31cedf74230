import ArgumentParser
import Earshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `earshot explain [RULES] [TEXT]`: why a mention matched, and why it got its tags.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which rules match a mention, which words satisfied each part, and why it was tagged so.",
        discussion: """
            earshot explain RULES 'text'     explain a text against a rules file
            earshot explain 'text'           against the built-in pack (--brand/--handle)
            earshot explain RULES < m.json   a JSON mention on stdin (read with --input)
            A lone argument is taken as RULES when it names an existing .yaml, .yml or .json file. \
            Matched words are highlighted when stdout is a terminal.
            """)

    @Argument(help: ArgumentHelp("A rules file (optional) and the text (optional; else a JSON mention on stdin).", valueName: "RULES TEXT"))
    var arguments: [String] = []

    @Option(help: "Brand name for the built-in packs.")
    var brand = DefaultRulePack.defaultBrand

    @Option(help: "The brand's support handle, without @.")
    var handle = DefaultRulePack.defaultHandle

    @OptionGroup var tagging: TaggingOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if arguments.count > 2 { throw ValidationError("Give at most RULES and TEXT (quote the text).") }
    }

    func run() throws {
        let (rulesPath, text) = splitArguments()
        let ruleSet: RuleSet
        do throws(CompileFailure) {
            if let rulesPath {
                ruleSet = try RuleSet(contentsOfFile: rulesPath)
            } else {
                ruleSet = try RuleSet.defaultPack(brand: brand, handle: handle)
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(2)
        }
        let mention = try readMention(text)
        let tagger = try tagging.makeTagger(brand: brand, handle: handle)
        let explanation = ruleSet.explain(mention, tagger: tagger)
        let renderer = ExplanationRenderer(highlight: Terminal.standardOutput.isTerminal && getenv("NO_COLOR") == nil)
        Terminal.standardOutput.write(renderer.render(explanation, ruleCount: ruleSet.ruleIDs.count))
        if explanation.matchedRules.isEmpty { throw ExitCode(1) }
    }

    /// RULES and TEXT from the positional arguments.
    private func splitArguments() -> (rules: String?, text: String?) {
        switch arguments.count {
        case 2: return (arguments[0], arguments[1])
        case 1 where Self.looksLikeRulesFile(arguments[0]): return (arguments[0], nil)
        case 1: return (nil, arguments[0])
        default: return (nil, nil)
        }
    }

    private static func looksLikeRulesFile(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else { return false }
        return access(argument, R_OK) == 0
    }

    /// The text as a mention, or the JSON mention on stdin.
    private func readMention(_ text: String?) throws -> Mention {
        if let text { return Mention(text: text) }
        if Terminal.standardInput.isTerminal {
            Terminal.standardError.write("earshot: reading a JSON mention from stdin (or give TEXT)…\n")
        }
        let bytes = Terminal.readAllStandardInput()
        do {
            return try input.fieldMapping().mention(fromJSON: bytes.trimmingJSONWhitespace())
        } catch let rejection as LineRejection {
            Terminal.standardError.write("earshot: stdin: \(rejection.reason.rawValue): \(rejection.detail)\n")
            throw ExitCode(2)
        }
    }
}

extension Array where Element == UInt8 {
    /// Without leading and trailing JSON whitespace (a mention file usually ends with `\n`).
    func trimmingJSONWhitespace() -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(self[first...last])
    }
}
