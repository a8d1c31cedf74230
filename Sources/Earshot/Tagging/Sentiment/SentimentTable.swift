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
    private(set) var slots: [UInt64]
    /// Start of each word's bytes in `arena`; `keyStarts[i + 1]` ends it.
    private(set) var keyStarts: [Int32] = [0]
    /// The words' lowercase UTF-8 bytes, one after the other.
    private(set) var arena: [UInt8] = []
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
        let found = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                keyStarts.withUnsafeBufferPointer { keyStarts in
                    SentimentTable.probe(
                        word, hash: SentimentTable.hash(word), foldingASCII: false, slots: slots, keyStarts: keyStarts,
                        arena: arena)
                }
            }
        }
        return found < 0 ? nil : Int(found)
    }

    /// Finds a word in the table's storage: the index of the key equal to `word` (with its ASCII
    /// capitals lowered when `fold` is set; `hash` is then the hash of the lowered bytes), or -1.
    ///
    /// Keys are lowercase: a key with capitals is never found by a folding probe, as in VADER,
    /// which looks up lowercased words.
    /// - Complexity: O(word length) expected.
    @inline(__always)
    static func probe(
        _ word: UnsafeBufferPointer<UInt8>, hash: UInt64, foldingASCII fold: Bool, slots: UnsafeBufferPointer<UInt64>,
        keyStarts: UnsafeBufferPointer<Int32>, arena: UnsafeBufferPointer<UInt8>
    ) -> Int32 {
        let tag = hash & 0xFFFF_FFFF
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
                    for k in 0..<word.count where arena[start + k] != (fold ? lowered(word[k]) : word[k]) {
                        same = false
                        break
                    }
                    if same { return Int32(candidate) }
                }
            }
            slot = (slot + 1) & mask
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

    /// FNV-1a's starting value.
    static var hashSeed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// One byte into an FNV-1a hash.
    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
    }

    /// FNV-1a over the bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hashSeed
        for byte in bytes { hash = SentimentTable.hash(hash, byte) }
        return hash
    }
}
