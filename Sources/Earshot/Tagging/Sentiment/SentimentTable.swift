/// Every word the scorer knows, in one compact open-addressing hash table keyed by the word's
/// lowercase UTF-8 bytes: its lexicon valence, its booster increment, whether it negates. Built
/// once; a lookup hashes the token's bytes and compares them in place, with no String made.
struct SentimentTable: Sendable {
    /// What the table knows about one word.
    struct Entry: Sendable {
        /// Lexicon valence, when the word is in the lexicon.
        var valence: Double?
        /// Booster (+) or dampener (−) increment; 0 for other words.
        var booster: Double = 0
        /// A negation word.
        var negates = false
    }

    /// Word index of each slot, or -1 when empty; capacity is a power of two.
    private var slots: [Int32]
    /// Start of each word's bytes in `arena`; `keyStarts[i + 1]` ends it.
    private var keyStarts: [Int32] = [0]
    private var arena: [UInt8] = []
    private(set) var entries: [Entry] = []
    private var hashes: [UInt64] = []

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
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

    /// The index of a word given as lowercase UTF-8 bytes, or `nil`.
    func index(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: SentimentTable.hash(word)) & mask
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return nil }
            let start = Int(keyStarts[Int(candidate)])
            let end = Int(keyStarts[Int(candidate) + 1])
            if end - start == word.count {
                var same = true
                for i in 0..<word.count where arena[start + i] != word[i] {
                    same = false
                    break
                }
                if same { return Int(candidate) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The index of a word given as a String (table building and tests).
    func index(of word: String) -> Int? {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { index(of: UnsafeBufferPointer($0)) }
    }

    subscript(index: Int) -> Entry {
        get { entries[index] }
        set { entries[index] = newValue }
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
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
