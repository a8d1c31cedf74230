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
        let processors = [processor] + (1..<threads).map { _ in processor.replica() }
        for count in 1...70 {
            let lines = (0..<count).map { index in
                LineBatch.Line(
                    number: index + 1, bytes: Array(#"{"id":"\#(index)","text":"spotify \#(index)"}"#.utf8), oversizedBytes: 0)
            }
            let results = ParallelLines.process(lines, with: processors)
            #expect(results.count == count)
            let ids = results.compactMap { result -> String? in
                guard case .mention(_, _, let mention, _)? = result?.0 else { return nil }
                return mention.id
            }
            #expect(ids == (0..<count).map(String.init), "batch of \(count) on \(threads) threads")
        }
    }
}
