/// An immutable hash table from byte-string keys to lists of rule indices, stored in three flat
/// arrays (key bytes, slots, postings) so that 250k rules cost a few allocations, not millions.
///
/// Open addressing with linear probing; FNV-1a hashing; the load factor stays under 1/2.
///
/// ```swift
/// let table = ByteKeyTable(entries: [(Array("spotify".utf8), [0, 3])])
/// Array("spotify".utf8).withUnsafeBufferPointer { table.postings(for: $0) }   // [0, 3]
/// ```
package struct ByteKeyTable: Sendable {
    /// Slot: offset and length of the key in `keyBytes`, range of its postings. Empty when length < 0.
    private struct Slot: Sendable {
        var keyOffset: Int32 = 0
        var keyLength: Int32 = -1
        var postingStart: Int32 = 0
        var postingCount: Int32 = 0
    }

    private let slots: [Slot]
    private let mask: Int
    private let keyBytes: [UInt8]
    private let postingsStorage: [Int32]

    /// Number of distinct keys.
    package let count: Int

    /// Builds the table; entries with equal keys are merged.
    package init(entries: [([UInt8], [Int32])]) {
        var merged: [[UInt8]: [Int32]] = [:]
        for (key, postings) in entries { merged[key, default: []].append(contentsOf: postings) }
        var capacity = 16
        while capacity < merged.count * 2 + 1 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var keyBytes: [UInt8] = []
        var postings: [Int32] = []
        keyBytes.reserveCapacity(merged.keys.reduce(0) { $0 + $1.count })
        for (key, rules) in merged {
            var index = Int(truncatingIfNeeded: Self.hash(key)) & (capacity - 1)
            while slots[index].keyLength >= 0 { index = (index + 1) & (capacity - 1) }
            let unique = Array(Set(rules)).sorted()
            slots[index] = Slot(
                keyOffset: Int32(keyBytes.count), keyLength: Int32(key.count),
                postingStart: Int32(postings.count), postingCount: Int32(unique.count))
            keyBytes.append(contentsOf: key)
            postings.append(contentsOf: unique)
        }
        self.slots = slots
        self.mask = capacity - 1
        self.keyBytes = keyBytes
        self.postingsStorage = postings
        self.count = merged.count
    }

    /// Calls `body` with the postings of `key` (nothing when absent).
    /// - Complexity: O(key length) expected.
    @inline(__always)
    package func forEachPosting(of key: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
        var index = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let slot = slots[index]
            if slot.keyLength < 0 { return }
            if Int(slot.keyLength) == key.count, equalsKey(at: Int(slot.keyOffset), key) {
                let end = Int(slot.postingStart + slot.postingCount)
                for posting in Int(slot.postingStart)..<end { body(postingsStorage[posting]) }
                return
            }
            index = (index + 1) & mask
        }
    }

    /// Calls `body` with the postings of the key `tag` + `rest`, whose ``hash(tag:_:)`` the
    /// caller already has (prefix probes hash every prefix of a token in one pass).
    /// - Complexity: O(key length) expected.
    @inline(__always)
    package func forEachPosting(tag: UInt8, _ rest: UnsafeBufferPointer<UInt8>, hash: UInt64, _ body: (Int32) -> Void) {
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.keyLength < 0 { return }
            if Int(slot.keyLength) == rest.count + 1, equalsKey(at: Int(slot.keyOffset), tag: tag, rest) {
                let end = Int(slot.postingStart + slot.postingCount)
                for posting in Int(slot.postingStart)..<end { body(postingsStorage[posting]) }
                return
            }
            index = (index + 1) & mask
        }
    }

    /// The postings of `key` as an array (tests and tools).
    package func postings(for key: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var result: [Int32] = []
        forEachPosting(of: key) { result.append($0) }
        return result
    }

    /// Approximate heap bytes used.
    package var memoryUsage: Int {
        slots.count * MemoryLayout<Slot>.stride + keyBytes.count + postingsStorage.count * 4
    }

    @inline(__always)
    private func equalsKey(at offset: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        keyBytes.withUnsafeBufferPointer { stored in
            for i in 0..<key.count where stored[offset + i] != key[i] { return false }
            return true
        }
    }

    @inline(__always)
    private func equalsKey(at offset: Int, tag: UInt8, _ rest: UnsafeBufferPointer<UInt8>) -> Bool {
        keyBytes.withUnsafeBufferPointer { stored in
            guard stored[offset] == tag else { return false }
            for i in 0..<rest.count where stored[offset + 1 + i] != rest[i] { return false }
            return true
        }
    }

    @inline(__always)
    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var state = hashSeed
        for byte in bytes { state = hashStep(state, byte) }
        return hashFinish(state)
    }

    /// FNV-1a, in steps so that the hashes of all prefixes of a key come from one pass:
    /// `hash(k) == hashFinish(k.reduce(hashSeed, hashStep))`.
    package static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds one byte to a running FNV-1a state.
    @inline(__always)
    package static func hashStep(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The table hash of a running state.
    @inline(__always)
    package static func hashFinish(_ state: UInt64) -> UInt64 { state ^ (state >> 29) }
}
