import ArgumentParser
import Earshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The part `earshot match` and `earshot tag` share: open `--rejects`, run the pipeline over the
/// inputs, print the summary and map the ending to an exit status (stream.md).
struct StreamRun {
    let pipeline: MatchPipeline
    let configuration: MatchConfiguration
    let output: OutputOptions
    let files: [String]
    /// Rule ids by index, for the regex-limit report.
    let ruleIDs: [String]
    /// Per-mention callback (live alerts), in input order.
    var onMention: ((ObservedMention) -> Void)?

    func run() throws {
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
        let inputs: [InputSource] = files.isEmpty ? [.standardInput] : files.map { $0 == "-" ? .standardInput : .file($0) }
        let result: (summary: RunSummary, ending: RunEnding)
        do {
            var observer = RunObserver()
            let showProgress = ProgressLine.isWanted(files: files, quiet: output.quiet)
            if showProgress { observer.progress = ProgressLine.draw }
            observer.mention = onMention
            result = try pipeline.run(
                inputs: inputs, outputDescriptor: STDOUT_FILENO, rejectsDescriptor: rejectsDescriptor,
                observer: observer,
                diagnostics: { Terminal.standardError.write((showProgress ? "\r\u{1B}[K" : "") + $0 + "\n") })
        } catch {
            Terminal.standardError.write("earshot: \(error)\n")
            throw ExitCode(2)
        }
        try finish(result.summary, result.ending)
    }

    private func finish(_ summary: RunSummary, _ ending: RunEnding) throws {
        if !output.quiet || ending != .completed {
            for (index, hits) in summary.regexLimitHits.sorted(by: { $0.key < $1.key }) {
                Terminal.standardError.write(
                    "earshot: rule \(ruleIDs[index]): regex hit the PCRE2 limit on \(hits) mention\(hits == 1 ? "" : "s") (counted as no match)\n")
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
}

extension MatchConfiguration {
    /// The configuration from the shared stream options.
    static func from(input: InputOptions, output: OutputOptions, threads: Int?) throws -> MatchConfiguration {
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
