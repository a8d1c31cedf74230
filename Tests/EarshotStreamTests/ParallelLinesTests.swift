import Testing

@testable import EarshotStream

/// The parallel batch path: every batch size splits into chunks without losing, repeating or
/// reordering a line (a batch of 10 lines on 2 threads has empty trailing chunks).
@Suite("Parallel batches")
struct ParallelLinesTests {
    @Test("every batch size from 1 to 70 on 1–4 threads keeps every line, in order", arguments: [1, 2, 3, 4])
    func everySize(threads: Int) {
        var configuration = MatchConfiguration()
        configuration.threads = threads
        let processor = LineProcessor(matcher: SubstringMatcher(), configuration: configuration)
        let processors = WorkerProcessors(processor, count: threads)
        for count in 1...70 {
            var batch = LineBatch()
            for index in 0..<count {
                let line = Array(#"{"id":"\#(index)","text":"spotify \#(index)"}"#.utf8)
                line.withUnsafeBufferPointer { batch.append(.line($0), number: index + 1) }
            }
            let chunks = ParallelLines.process(batch, with: processors, keepMentions: true)
            let outcomes = chunks.flatMap(\.outcomes)
            #expect(outcomes.count == count)
            let ids = outcomes.compactMap { outcome -> String? in
                guard case .mention(_, _, let mention, _)? = outcome else { return nil }
                return mention.id
            }
            // Each line's output is its own line, spliced, in order.
            let written = chunks.flatMap { chunk in
                zip([0] + chunk.outputEnds.dropLast(), chunk.outputEnds).map { String(decoding: chunk.output[$0..<$1], as: UTF8.self) }
            }
            #expect(written.count == count)
            #expect(written.enumerated().allSatisfy { index, text in text.hasPrefix(#"{"id":"\#(index)","#) && text.hasSuffix("}\n") })
            #expect(ids == (0..<count).map(String.init), "batch of \(count) on \(threads) threads")
        }
    }

    @Test("an over-long line keeps its place and writes nothing; mentions are dropped unless asked for")
    func oversizedAndDroppedMentions() {
        var configuration = MatchConfiguration()
        configuration.threads = 2
        let processor = LineProcessor(matcher: SubstringMatcher(), configuration: configuration)
        var batch = LineBatch()
        let line = Array(#"{"id":"1","text":"spotify"}"#.utf8)
        line.withUnsafeBufferPointer { batch.append(.line($0), number: 1) }
        batch.append(.oversized(byteCount: 99), number: 2)
        line.withUnsafeBufferPointer { batch.append(.line($0), number: 3) }
        let chunks = ParallelLines.process(batch, with: WorkerProcessors(processor, count: 2), keepMentions: false)
        let outcomes = chunks.flatMap(\.outcomes)
        #expect(outcomes.count == 3 && outcomes[1] == nil)
        let lengths = chunks.flatMap { chunk in zip([0] + chunk.outputEnds.dropLast(), chunk.outputEnds).map { $1 - $0 } }
        #expect(lengths[0] > line.count && lengths[1] == 0 && lengths[2] == lengths[0])
        for outcome in [outcomes[0], outcomes[2]] {
            guard case .mention(let matched, _, let mention, _)? = outcome else {
                Issue.record("not a mention")
                continue
            }
            #expect(matched && mention == .empty)
        }
    }
}
