/// Every word the scorer knows, in one compact open-addressing hash table keyed by the word's
/// lowercase UTF-8 bytes: its lexicon valence, its booster increment, whether it negates, and
/// whether it can start one of VADER's idioms. Built once; a lookup hashes the token's bytes
/// (lowering ASCII letters on the fly) and compares them in place, with no String made.
struct SentimentTable: Sendable {
    /// What the table knows about one word.
    struct Entry: Sendable {
        /// Lexicon valence, when the word is in the lexicon.
        var valence: Double?
        /// Booster (+) or dampener (−) increment; 0 for other words.
        var booster: Double = 0
        /// A negation word.
        var negates = false
        /// The first word of an idiom or degree phrase (`SPECIAL_CASES`, "kind of"): a quick filter.
        var startsPhrase = false
    }

    /// Per slot: the word's index in the high 32 bits and the low 32 bits of its hash in the low
    /// ones, or `UInt64.max` when empty; capacity is a power of two. One load rejects most misses.
    private var slots: [UInt64]
    /// Start of each word's bytes in `arena`; `keyStarts[i + 1]` ends it.
    private var keyStarts: [Int32] = [0]
    private var arena: [UInt8] = []
    private(set) var entries: [Entry] = []
    private var hashes: [UInt64] = []

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: .max, count: capacity)
    }

    /// The index of `word`, adding it when new.
    @discardableResult
    mutating func insert(_ word: String) -> Int {
        let bytes = Array(word.utf8)
        if let existing = bytes.withUnsafeBufferPointer({ self.index(of: $0) }) { return existing }
        if entries.count * 2 >= slots.count { grow() }
        let index = entries.count
        arena.append(contentsOf: bytes)
        keyStarts.append(Int32(arena.count))
        entries.append(Entry())
        let hash = bytes.withUnsafeBufferPointer(SentimentTable.hash)
        hashes.append(hash)
        place(index, hash: hash)
        return index
    }

    /// The index of a word given as its exact UTF-8 bytes, or `nil`.
    func index(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let found = probe(word, foldingASCII: false)
        return found < 0 ? nil : Int(found)
    }

    /// The index of the word whose bytes equal `word` with its ASCII capitals lowered, or -1.
    ///
    /// Keys are lowercase (a key with capitals is never found, as in VADER, which looks up
    /// lowercased words), so this also serves bytes that are already lowercase.
    /// - Complexity: O(word length) expected.
    @inline(__always)
    func index(foldingASCII word: UnsafeBufferPointer<UInt8>) -> Int32 {
        probe(word, foldingASCII: true)
    }

    @inline(__always)
    private func probe(_ word: UnsafeBufferPointer<UInt8>, foldingASCII fold: Bool) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash ^= UInt64(fold ? SentimentTable.lowered(byte) : byte)
            hash &*= 0x0100_0000_01b3
        }
        let tag = hash & 0xFFFF_FFFF
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                keyStarts.withUnsafeBufferPointer { keyStarts in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let packed = slots[slot]
                        if packed == .max { return -1 }
                        if packed & 0xFFFF_FFFF == tag {
                            let candidate = Int(packed >> 32)
                            let start = Int(keyStarts[candidate])
                            if Int(keyStarts[candidate + 1]) - start == word.count {
                                var same = true
                                for k in 0..<word.count
                                where arena[start + k] != (fold ? SentimentTable.lowered(word[k]) : word[k]) {
                                    same = false
                                    break
                                }
                                if same { return Int32(candidate) }
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The index of a word given as a String (table building and tests).
    func index(of word: String) -> Int? {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { index(of: $0) }
    }

    subscript(index: Int) -> Entry {
        get { entries[index] }
        set { entries[index] = newValue }
    }

    /// An ASCII capital lowered; any other byte as is.
    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != .max { slot = (slot + 1) & mask }
        slots[slot] = UInt64(index) << 32 | (hash & 0xFFFF_FFFF)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: .max, count: slots.count * 2)
        for (index, hash) in hashes.enumerated() { place(index, hash: hash) }
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0100_0000_01b3
        }
        return hash
    }
}
