import Dispatch
import EarshotTagging
import EarshotText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a run ended.
public enum RunEnding: Sendable, Hashable {
    /// All input was read.
    case completed
    /// stdout was closed by its reader: stop quietly.
    case brokenPipe
    /// `--on-error fail` stopped at this line.
    case failedOnBadLine(lineNumber: Int, rejection: LineRejection)
    /// `--strict` found an input that already has the annotation member.
    case annotationKeyConflict(lineNumber: Int)
    /// A signal (SIGINT/SIGTERM) asked to stop.
    case interrupted(signal: Int32)
}

/// An input of the run: a file path or standard input.
public enum InputSource: Sendable, Hashable {
    /// Standard input (`-`).
    case standardInput
    /// A file.
    case file(String)
}

/// The `earshot match` loop: frame lines, map fields, match, splice, write, account for every
/// line. Single-threaded; output is flushed whenever the input has no more bytes waiting, so
/// a trickling input gets each line out before the next one arrives.
///
/// ```swift
/// let pipeline = MatchPipeline(matcher: matcher, configuration: MatchConfiguration())
/// let (summary, ending) = try pipeline.run(inputs: [.standardInput], outputDescriptor: STDOUT_FILENO,
///                                          rejectsDescriptor: nil) { print($0) }
/// ```
public struct MatchPipeline: Sendable {
    private let processor: LineProcessor
    /// One processor per worker thread when `threads > 1`: `processor` and replicas of it.
    private let workerProcessors: WorkerProcessors
    private let configuration: MatchConfiguration
    private let ruleCount: Int

    /// Creates a pipeline over a matcher.
    /// - Parameter tagger: tags matched mentions (issue type, sentiment, kind, needs-response);
    ///   `nil` turns tagging off.
    public init(matcher: any MentionMatcher, configuration: MatchConfiguration, tagger: Tagger? = nil) {
        let processor = LineProcessor(matcher: matcher, configuration: configuration, tagger: tagger)
        self.processor = processor
        self.workerProcessors = WorkerProcessors(processor, count: configuration.threads)
        self.configuration = configuration
        self.ruleCount = matcher.ruleIDs.count
    }

    /// Runs over `inputs` in order.
    /// - Parameters:
    ///   - outputDescriptor: where result lines go (stdout).
    ///   - rejectsDescriptor: where reject records go (`--rejects FILE`), if anywhere.
    ///   - diagnostics: receives stderr lines (rejection reasons).
    /// - Throws: ``InputError`` when an input cannot be opened or read, or a write fails.
    ///   - observer: progress and per-mention callbacks (none by default).
    public func run(
        inputs: [InputSource], outputDescriptor: Int32, rejectsDescriptor: Int32?,
        observer: RunObserver = RunObserver(), diagnostics: @escaping (String) -> Void
    ) throws -> (summary: RunSummary, ending: RunEnding) {
        let clock = ContinuousClock()
        let started = clock.now
        var state = RunState(ruleCount: ruleCount)
        state.observer = observer
        state.started = started
        state.lastProgress = started
        state.totalBytes = observer.progress == nil ? nil : MatchPipeline.totalBytes(of: inputs)
        let output = OutputSink(fileDescriptor: outputDescriptor)
        let rejects = RejectLog(
            sink: rejectsDescriptor.map { OutputSink(fileDescriptor: $0) },
            printLimit: configuration.reasonsToPrint, diagnostics: diagnostics)
        var ending = RunEnding.completed
        do {
            for input in inputs where ending == .completed {
                ending = try run(input: input, output: output, rejects: rejects, state: &state)
            }
            try output.flush()
            try rejects.flush()
        } catch WriteFailure.brokenPipe {
            ending = .brokenPipe
        } catch WriteFailure.io(let code) {
            throw InputError(message: "write failed: " + String(cString: strerror(code)))
        }
        if configuration.format == .count, ending != .brokenPipe {
            try? writeCounts(state.summary, to: output)
        }
        state.summary.elapsedSeconds = (clock.now - started).seconds
        if let progress = observer.progress { progress(state.progress(final: true)) }
        return (state.summary, ending)
    }

    /// The summed size of the inputs when all are regular files (else `nil`: no percentage).
    static func totalBytes(of inputs: [InputSource]) -> Int? {
        var total = 0
        for input in inputs {
            guard case .file(let path) = input else { return nil }
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            total += Int(info.st_size)
        }
        return total
    }

    private func run(input: InputSource, output: OutputSink, rejects: RejectLog, state: inout RunState) throws
        -> RunEnding
    {
        let descriptor: Int32
        switch input {
        case .standardInput: descriptor = STDIN_FILENO
        case .file(let path):
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw InputError(message: "\(path): " + String(cString: strerror(errno)))
            }
        }
        defer { if case .file = input { close(descriptor) } }
        var reader = LineReader(fileDescriptor: descriptor, maxLineBytes: configuration.maxLineBytes)
        var lineNumber = 0
        var ending = RunEnding.completed
        var batch = LineBatch()
        var inFlight: BatchInFlight?
        let parallel = configuration.threads > 1
        let keepMentions = state.observer.mention != nil
        let matching = DispatchQueue(label: "earshot.matching")
        do {
            try reader.forEachLine(
                shouldStop: { StopSignal.pending != 0 },
                onLine: { framed in
                    guard ending == .completed else { return false }
                    lineNumber += 1
                    state.bytesRead += framed.byteCount + 1
                    if parallel {
                        batch.append(framed, number: lineNumber)
                        if batch.isFull {
                            // Match this batch while the previous one is written out.
                            let started = BatchInFlight.start(batch.take(), with: workerProcessors, keepMentions: keepMentions, on: matching)
                            if let previous = inFlight { ending = try account(previous, output: output, rejects: rejects, state: &state) }
                            inFlight = started
                        }
                    } else {
                        ending = try handle(framed, lineNumber: lineNumber, output: output, rejects: rejects, state: &state)
                    }
                    if ending == .completed, StopSignal.pending != 0 { ending = .interrupted(signal: StopSignal.pending) }
                    return ending == .completed
                },
                onDrained: {
                    // Nothing more is waiting: finish what was read so a trickling input is not held back.
                    if ending == .completed, let previous = inFlight {
                        inFlight = nil
                        ending = try account(previous, output: output, rejects: rejects, state: &state)
                    }
                    if ending == .completed, !batch.isEmpty {
                        ending = try account(
                            BatchInFlight.start(batch.take(), with: workerProcessors, keepMentions: keepMentions, on: matching), output: output, rejects: rejects,
                            state: &state)
                    }
                    try output.flush()
                })
        } catch let error as ReadError {
            let name: String
            if case .file(let path) = input { name = path } else { name = "stdin" }
            throw InputError(message: "\(name): \(error)")
        }
        // A batch still in flight was read and matched: write it unless the run already failed.
        if let pending = inFlight {
            switch ending {
            case .completed: ending = try account(pending, output: output, rejects: rejects, state: &state)
            case .interrupted: _ = try account(pending, output: output, rejects: rejects, state: &state)
            case .brokenPipe, .failedOnBadLine, .annotationKeyConflict: break
            }
        }
        if ending == .completed, StopSignal.pending != 0 { ending = .interrupted(signal: StopSignal.pending) }
        return ending
    }

    private func handle(
        _ framed: FramedLine, lineNumber: Int, output: OutputSink, rejects: RejectLog, state: inout RunState
    ) throws -> RunEnding {
        switch framed {
        case .oversized(let byteCount):
            return try rejectOversized(byteCount, lineNumber: lineNumber, output: output, rejects: rejects, state: &state)
        case .line(let bytes):
            let outcome = processor.process(bytes, keepingMention: state.observer.mention != nil, into: &output.buffer)
            return try account(outcome, lineNumber: lineNumber, raw: bytes, output: output, rejects: rejects, state: &state)
        }
    }

    /// Accounts for a batch's lines and writes their output strictly in input order (waiting
    /// for its matching to finish), stopping at the first line that ends the run.
    private func account(_ batch: BatchInFlight, output: OutputSink, rejects: RejectLog, state: inout RunState) throws
        -> RunEnding
    {
        let lines = batch.batch.lines
        let chunks = batch.results()
        return try batch.batch.bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            for chunk in chunks {
                var outputStart = 0
                for (position, outcome) in chunk.outcomes.enumerated() {
                    let line = lines[index]
                    index += 1
                    let outputEnd = chunk.outputEnds[position]
                    let ending: RunEnding
                    if let outcome {
                        output.buffer.append(contentsOf: chunk.output[outputStart..<outputEnd])
                        ending = try account(
                            outcome, lineNumber: line.number, raw: UnsafeBufferPointer(rebasing: bytes[line.range]),
                            output: output, rejects: rejects, state: &state)
                    } else {
                        ending = try rejectOversized(
                            line.oversizedBytes ?? 0, lineNumber: line.number, output: output, rejects: rejects, state: &state)
                    }
                    outputStart = outputEnd
                    if ending != .completed { return ending }
                }
            }
            return .completed
        }
    }

    private func rejectOversized(
        _ byteCount: Int, lineNumber: Int, output: OutputSink, rejects: RejectLog, state: inout RunState
    ) throws -> RunEnding {
        state.summary.input += 1
        let rejection = LineRejection(.lineTooLong, "\(byteCount) bytes is over --max-line-bytes \(configuration.maxLineBytes)")
        return try reject(rejection, lineNumber: lineNumber, raw: nil, output: output, rejects: rejects, state: &state)
    }

    /// Counts one processed line (its output, if any, is already in the sink's buffer).
    private func account(
        _ outcome: LineOutcome, lineNumber: Int, raw bytes: UnsafeBufferPointer<UInt8>, output: OutputSink,
        rejects: RejectLog, state: inout RunState
    ) throws -> RunEnding {
        switch outcome {
        case .blank:
            state.summary.blank += 1
        case .keyConflict:
            state.summary.input += 1
            state.summary.rejected += 1
            return .annotationKeyConflict(lineNumber: lineNumber)
        case .rejected(let rejection):
            state.summary.input += 1
            return try reject(rejection, lineNumber: lineNumber, raw: bytes, output: output, rejects: rejects, state: &state)
        case .mention(let matched, let match, let mention, let tags):
            state.summary.input += 1
            state.record(match)
            if matched { state.summary.matched += 1 }
            if let observe = state.observer.mention {
                observe(
                    ObservedMention(
                        lineNumber: lineNumber, mention: mention,
                        ruleIDs: match.ruleIndices.map { processor.matcher.ruleIDs[$0] }, tags: tags))
            }
            state.reportProgressIfDue()
            if configuration.format == .count || (configuration.onlyMatched && !matched) {
                state.summary.unmatched += 1
            } else {
                state.summary.output += 1
            }
            try output.flushIfFull()
        }
        return .completed
    }

    private func reject(
        _ rejection: LineRejection, lineNumber: Int, raw: UnsafeBufferPointer<UInt8>?, output: OutputSink,
        rejects: RejectLog, state: inout RunState
    ) throws -> RunEnding {
        state.summary.rejected += 1
        state.summary.rejectedByReason[rejection.reason, default: 0] += 1
        switch configuration.onError {
        case .fail:
            try output.flush()
            return .failedOnBadLine(lineNumber: lineNumber, rejection: rejection)
        case .pass:
            if let raw {
                output.buffer.append(contentsOf: raw)
                output.buffer.append(0x0A)
            }
            try rejects.record(lineNumber: lineNumber, rejection: rejection, raw: raw ?? UnsafeBufferPointer(start: nil, count: 0))
        case .skip:
            try rejects.record(lineNumber: lineNumber, rejection: rejection, raw: raw ?? UnsafeBufferPointer(start: nil, count: 0))
        }
        return .completed
    }

    private func writeCounts(_ summary: RunSummary, to output: OutputSink) throws {
        var out: [UInt8] = Array(#"{"in":"#.utf8)
        JSONText.appendInt(summary.input, to: &out)
        out.append(contentsOf: Array(#","matched":"#.utf8))
        JSONText.appendInt(summary.matched, to: &out)
        out.append(contentsOf: Array(#","rules":{"#.utf8))
        for (index, count) in summary.matchesPerRule.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(processor.matcher.ruleIDs[index], to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendInt(count, to: &out)
        }
        out.append(contentsOf: Array("}}\n".utf8))
        output.buffer.append(contentsOf: out)
        try output.flush()
    }
}

/// Mutable counters of a run.
private struct RunState {
    var summary = RunSummary()
    var observer = RunObserver()
    var bytesRead = 0
    var totalBytes: Int?
    var started = ContinuousClock.now
    var lastProgress = ContinuousClock.now
    /// Lines since the clock was last read (reading it every line would cost more than it tells).
    var linesSinceCheck = 0

    /// Calls the progress observer when its interval has passed.
    mutating func reportProgressIfDue() {
        guard let progress = observer.progress else { return }
        linesSinceCheck += 1
        guard linesSinceCheck >= 64 else { return }
        linesSinceCheck = 0
        let now = ContinuousClock.now
        guard now - lastProgress >= observer.progressInterval else { return }
        lastProgress = now
        progress(self.progress(final: false))
    }

    func progress(final: Bool) -> RunProgress {
        RunProgress(
            bytesRead: bytesRead, totalBytes: totalBytes, lines: summary.input, matched: summary.matched,
            elapsedSeconds: (ContinuousClock.now - started).seconds, isFinal: final)
    }

    init(ruleCount: Int) {
        summary.matchesPerRule = Array(repeating: 0, count: ruleCount)
    }

    mutating func record(_ match: MentionMatch) {
        for index in match.ruleIndices { summary.matchesPerRule[index] += 1 }
        for index in match.regexLimitHits { summary.regexLimitHits[index, default: 0] += 1 }
    }
}

/// An input or output could not be used; the run exits 2 with this message.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String
    public var description: String { message }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
