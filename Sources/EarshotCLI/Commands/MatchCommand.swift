import ArgumentParser
import Earshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `earshot match`: stream JSONL mentions through the matcher (stream.md).
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Annotate JSON Lines mentions with the rules they match.",
        discussion: """
            Reads FILES (or stdin; `-` is stdin) and writes each accepted line with an "earshot" member \
            added. The run summary goes to stderr. Without --rules the built-in support pack for \
            --brand/--handle is used. Exit status: 0 ok, 1 nothing matched with --only-matched, \
            2 usage, rules or I/O error, or a bad line with --on-error fail; 130/143 on SIGINT/SIGTERM.
            """)

    @OptionGroup var ruleSource: RuleSourceOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Matching threads (default: all cores). Output stays in input order.", valueName: "N"))
    var threads: Int?

    @Argument(help: ArgumentHelp("Input files; `-` or nothing means stdin.", valueName: "FILES"))
    var files: [String] = []

    func validate() throws {
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be between 1 and 256.") }
    }

    func run() throws {
        let configuration = try makeConfiguration()
        let ruleSet = try ruleSource.load()
        var rejectsDescriptor: Int32?
        if let path = output.rejects {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else {
                Terminal.standardError.write("earshot: cannot open --rejects \(path): \(String(cString: strerror(errno)))\n")
                throw ExitCode(2)
            }
            rejectsDescriptor = fd
        }
        defer { if let fd = rejectsDescriptor { close(fd) } }
        SignalHandling.install()
        let pipeline = MatchPipeline(matcher: ruleSet.streamMatcher, configuration: configuration)
        let inputs: [InputSource] = files.isEmpty ? [.standardInput] : files.map { $0 == "-" ? .standardInput : .file($0) }
        let result: (summary: RunSummary, ending: RunEnding)
        do {
            result = try pipeline.run(
                inputs: inputs, outputDescriptor: STDOUT_FILENO, rejectsDescriptor: rejectsDescriptor,
                diagnostics: { Terminal.standardError.write($0 + "\n") })
        } catch {
            Terminal.standardError.write("earshot: \(error)\n")
            throw ExitCode(2)
        }
        try finish(result.summary, result.ending, ruleSet: ruleSet, configuration: configuration)
    }

    private func finish(_ summary: RunSummary, _ ending: RunEnding, ruleSet: RuleSet, configuration: MatchConfiguration) throws {
        if !output.quiet || ending != .completed {
            for (index, hits) in summary.regexLimitHits.sorted(by: { $0.key < $1.key }) {
                Terminal.standardError.write(
                    "earshot: rule \(ruleSet.ruleIDs[index]): regex hit the PCRE2 limit on \(hits) mention\(hits == 1 ? "" : "s") (counted as no match)\n")
            }
        }
        if !output.quiet, ending != .brokenPipe {
            Terminal.standardError.write(summary.line + "\n")
        }
        switch ending {
        case .completed:
            if configuration.onlyMatched, summary.matched == 0 { throw ExitCode(1) }
        case .brokenPipe:
            return
        case .failedOnBadLine(let line, let rejection):
            Terminal.standardError.write("earshot: line \(line): \(rejection.reason.rawValue): \(rejection.detail) (--on-error fail)\n")
            throw ExitCode(2)
        case .annotationKeyConflict(let line):
            Terminal.standardError.write(
                "earshot: line \(line): the input already has a top-level \"\(configuration.annotationKey)\" member (--strict); choose another --key\n")
            throw ExitCode(2)
        case .interrupted(let signal):
            throw ExitCode(128 + signal)
        }
    }

    private func makeConfiguration() throws -> MatchConfiguration {
        var configuration = MatchConfiguration()
        configuration.mapping = try input.fieldMapping()
        configuration.maxLineBytes = input.maxLineBytes
        configuration.annotationKey = output.key
        configuration.strict = output.strict
        configuration.onlyMatched = output.onlyMatched
        configuration.includeSpans = output.spans
        configuration.format = output.format
        configuration.onError = output.onError
        configuration.threads = threads ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        return configuration
    }
}

extension OnErrorPolicy: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension InputPreset: ExpressibleByArgument {}
