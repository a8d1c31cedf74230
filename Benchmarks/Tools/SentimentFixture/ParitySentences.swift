import Foundation

/// The sentences of the sentiment parity fixture (`Tests/EarshotTaggingTests/Fixtures/vader-parity.jsonl`,
/// 2,147 English sentences), shared by `SentimentBenchmarks` and `sentiment-driver` so both time
/// and check exactly the sentences the Python reference is timed on.
///
/// ```swift
/// let sentences = ParitySentences.load()   // [] when the fixture is not found
/// ```
public enum ParitySentences {
    /// Reads the fixture next to this source file's repository; empty when it cannot be read.
    public static func load() -> [String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Tests/EarshotTaggingTests/Fixtures/vader-parity.jsonl").standardized
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                return nil
            }
            return object["text"] as? String
        }
    }
}
