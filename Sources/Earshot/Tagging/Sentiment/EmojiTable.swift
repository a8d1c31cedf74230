extension SentimentWordIndex {
    /// VADER's emoji descriptions by code point, for the emoji pass (``VaderEmoji``): an
    /// open-addressing table of code points (a power of two of slots, at most half full,
    /// indexed by a multiplicative hash) and the descriptions' UTF-8 bytes one after the other.
    ///
    /// Part of the index's ``Storage``: allocated once by `init` and freed by ``deallocate()``
    /// when the index goes, read through plain pointers in between.
    struct EmojiTable {
        /// One slot: a code point (0 when empty; 0 is not an emoji) and where its description lies.
        struct Slot {
            var scalar: UInt32
            var start: UInt32
            var count: UInt32
        }

        private let slots: UnsafeMutableBufferPointer<Slot>
        private let shift: UInt32
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        /// The length in bytes of the longest description.
        let longestDescription: Int

        /// Copies `descriptions` (code point → description).
        init(_ descriptions: [UInt32: String]) {
            var bits: UInt32 = 4
            while 1 << bits < descriptions.count * 2 { bits += 1 }
            slots = .allocate(capacity: 1 << bits)
            slots.initialize(repeating: Slot(scalar: 0, start: 0, count: 0))
            shift = 32 - bits
            var arena: [UInt8] = []
            for (scalar, description) in descriptions.sorted(by: { $0.key < $1.key }) where scalar != 0 {
                var slot = EmojiTable.slot(scalar, shift)
                while slots[slot].scalar != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Slot(scalar: scalar, start: UInt32(arena.count), count: UInt32(description.utf8.count))
                arena.append(contentsOf: description.utf8)
            }
            longestDescription = descriptions.values.map(\.utf8.count).max() ?? 0
            bytes = .allocate(capacity: max(arena.count, 1))
            _ = bytes.initialize(from: arena)
        }

        /// The home slot of a code point.
        @inline(__always)
        private static func slot(_ scalar: UInt32, _ shift: UInt32) -> Int {
            Int((scalar &* 0x9E37_79B1) >> shift)
        }

        /// The description of `scalar`, or `nil`.
        @inline(__always)
        func description(_ scalar: UInt32) -> UnsafeBufferPointer<UInt8>? {
            guard scalar != 0 else { return nil }
            let mask = slots.count - 1
            var slot = EmojiTable.slot(scalar, shift)
            while true {
                let entry = slots[slot]
                if entry.scalar == scalar {
                    return UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.count)])
                }
                if entry.scalar == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }

        /// Frees the table (once, from the index's `deinit`).
        func deallocate() {
            slots.deallocate()
            bytes.deallocate()
        }
    }
}
