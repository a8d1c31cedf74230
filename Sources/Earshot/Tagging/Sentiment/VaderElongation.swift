/// The support overlay's elongation fold: "sooooo" → "so", "goooood" → "good". Runs of three or
/// more of one letter are squeezed to two, then to one, until a word with a valence or a booster
/// increment appears (VADER itself does not fold, so only the overlay does).
enum VaderElongation {
    /// The table index of the folded word, or -1. `word` may hold ASCII capitals (they are
    /// lowered first); words with other bytes are not folded.
    /// - Complexity: O(word length); allocates nothing (the squeezed word is a temporary buffer).
    static func fold(_ word: UnsafeBufferPointer<UInt8>, _ index: SentimentWordIndex.View) -> Int32 {
        guard word.count >= 4, hasLongRun(word) else { return -1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { squeezed in
            for keep in (1...2).reversed() {
                let count = squeeze(word, keeping: keep, into: squeezed)
                let id = index.index(ofLowercase: UnsafeBufferPointer(rebasing: squeezed[0..<count]))
                if id >= 0, !index[Int(id)].flags.isDisjoint(with: [.inLexicon, .boosts, .dampens]) { return id }
            }
            return -1
        }
    }

    /// Writes the lowered word with each run of three or more equal bytes cut to `keep` bytes;
    /// returns how many bytes it wrote.
    private static func squeeze(
        _ word: UnsafeBufferPointer<UInt8>, keeping keep: Int, into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var written = 0
        var start = 0
        while start < word.count {
            let byte = SentimentTable.lowered(word[start])
            var end = start + 1
            while end < word.count, SentimentTable.lowered(word[end]) == byte { end += 1 }
            let length = end - start >= 3 ? keep : end - start
            for _ in 0..<length {
                out[written] = byte
                written += 1
            }
            start = end
        }
        return written
    }

    /// Whether the word is ASCII and has a run of three or more equal (lowered) bytes.
    private static func hasLongRun(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        var run = 0
        var previous: UInt8 = 0
        for byte in word {
            if byte >= 0x80 { return false }
            let lowered = SentimentTable.lowered(byte)
            run = lowered == previous ? run + 1 : 1
            previous = lowered
            if run >= 3 { found = true }
        }
        return found
    }
}
