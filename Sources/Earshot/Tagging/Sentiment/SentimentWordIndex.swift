/// The scorer's read-only copy of a lexicon: the ``SentimentTable``'s words in a table keyed
/// the way the splitter keys a word (``VaderWordKey``: first eight bytes inline in the slot,
/// with the word's index, flags and length), a bit filter in front of it, per word the facts
/// the heuristics test (valence, flags with the booster increment), the key words, the phrases
/// as word indices and the emoji descriptions (``EmojiTable``), in memory this object allocates
/// once and frees when it goes. The hot path reads it through a ``View`` of plain pointers: no
/// bounds checks and no reference counting per word.
///
/// `@unchecked Sendable`: the buffers are written only in `init` and never after, so any number
/// of threads may read them; they live as long as the object, which ``withView(_:)`` keeps alive.
final class SentimentWordIndex: @unchecked Sendable {
    /// What the heuristics know about one word.
    struct Facts {
        /// Lexicon valence (0 when the word has none; see ``Flags/inLexicon``).
        var valence: Double
        /// The word's flags (its booster increment among them).
        var flags: Flags

        /// Booster (+) or dampener (−) increment; 0 for other words.
        @inline(__always)
        var booster: Double { flags.booster }
    }

    /// Yes/no facts about a word.
    struct Flags: OptionSet {
        var rawValue: UInt8
        /// Has a lexicon valence.
        static let inLexicon = Flags(rawValue: 1)
        /// A negation word.
        static let negates = Flags(rawValue: 2)
        /// The first word of an idiom or degree phrase.
        static let startsPhrase = Flags(rawValue: 4)
        /// The last word of a support-overlay phrase.
        static let endsOverlayPhrase = Flags(rawValue: 8)
        /// "but", which sets off VADER's contrast rule.
        static let contrasts = Flags(rawValue: 16)
        /// A booster: increment +``VaderConstants/boosterIncrement``.
        static let boosts = Flags(rawValue: 32)
        /// A dampener: increment −``VaderConstants/boosterIncrement``.
        static let dampens = Flags(rawValue: 64)
        /// A word after the first of an idiom or degree phrase.
        static let continuesPhrase = Flags(rawValue: 128)
        /// The flags of words that can have a valence.
        static let mayScore: Flags = [.inLexicon, .endsOverlayPhrase]

        /// The booster (+) or dampener (−) increment these flags stand for; 0 for other words.
        @inline(__always)
        var booster: Double {
            contains(.boosts)
                ? VaderConstants.boosterIncrement : contains(.dampens) ? -VaderConstants.boosterIncrement : 0
        }
    }

    /// An idiom or phrase: its words are `phraseWords[start..<start + count]`.
    struct Phrase {
        var start: Int32
        var count: Int32
        var valence: Double
    }

    /// One slot of the word table: a word's first eight lowercase bytes (``VaderWordKey``) and
    /// what the lookup returns, packed in one word: the word index (bits 0–23), its ``Flags``
    /// (24–31), its length in bytes (32–47) and where its further chunks start in
    /// ``Storage/tails`` (48–63). An empty slot is all zeros (no key is empty).
    struct Slot {
        var key: UInt64
        var packed: UInt64

        static let lengthMask: UInt64 = 0xFFFF << 32
    }

    /// Every buffer of the index, and the key words; allocated once, at a fixed address.
    struct Storage {
        /// The word table: open addressing with linear probing, a power of two of slots, at
        /// most half full, indexed by the top bits of the key's hash.
        let slots: UnsafeBufferPointer<Slot>
        /// 64 minus the number of bits of a slot index.
        let shift: UInt64
        /// One bit per hash value's top ``filterBits`` bits, set when some word has it: most
        /// words not in the table are turned away here, in 16 KB that stay in the L1 cache,
        /// without reading the (much larger) slots.
        let filter: UnsafeBufferPointer<UInt64>
        /// The chunks after the first of the words longer than eight bytes, one word after the other.
        let tails: UnsafeBufferPointer<UInt64>
        let facts: UnsafeBufferPointer<Facts>
        /// The words the heuristics test by name.
        let keys: SentimentLexiconData.KeyWords
        /// VADER's idioms, its degree phrases ("kind of") and the overlay's phrases, in that order.
        let phrases: UnsafeBufferPointer<Phrase>
        /// Where the degree phrases and the overlay's phrases start in ``phrases``.
        let degreeStart: Int, overlayStart: Int
        /// The word indices of every phrase, one after the other.
        let phraseWords: UnsafeBufferPointer<Int32>
        /// Fold elongated words (overlay only).
        let foldsElongation: Bool
        /// What each ASCII byte is to the word splitter (``ByteClass``), indexed by the byte.
        let byteClasses: UnsafeBufferPointer<UInt8>
        /// VADER's emoji descriptions (``EmojiTable``).
        let emoji: EmojiTable
    }

    /// What an ASCII byte is to the word splitter: bits of a ``Storage/byteClasses`` entry.
    enum ByteClass {
        /// Python whitespace.
        static let space: UInt8 = 1
        /// One of `string.punctuation`.
        static let punctuation: UInt8 = 2
        /// `!` (counted by bit shift: bit 2).
        static let exclamation: UInt8 = 4
        /// `?` (bit 3).
        static let question: UInt8 = 8
    }

    /// The index as the hot path reads it: one pointer to its ``Storage``, cheap to pass around.
    /// Valid only inside ``SentimentWordIndex/withView(_:)``.
    struct View {
        let storage: UnsafePointer<Storage>

        /// The words the heuristics test by name.
        var keys: SentimentLexiconData.KeyWords { storage.pointee.keys }
        /// Fold elongated words (overlay only).
        var foldsElongation: Bool { storage.pointee.foldsElongation }

        /// VADER's idioms (`SPECIAL_CASES`).
        var specialCases: UnsafeBufferPointer<Phrase> {
            UnsafeBufferPointer(rebasing: storage.pointee.phrases[0..<storage.pointee.degreeStart])
        }
        /// VADER's degree phrases.
        var boosterPhrases: UnsafeBufferPointer<Phrase> {
            UnsafeBufferPointer(rebasing: storage.pointee.phrases[storage.pointee.degreeStart..<storage.pointee.overlayStart])
        }
        /// The overlay's phrases, in file order.
        var overlayPhrases: UnsafeBufferPointer<Phrase> {
            UnsafeBufferPointer(rebasing: storage.pointee.phrases[storage.pointee.overlayStart...])
        }

        /// Word `k` of `phrase`.
        @inline(__always)
        func word(_ k: Int, of phrase: Phrase) -> Int { Int(storage.pointee.phraseWords[Int(phrase.start) + k]) }

        /// The ``ByteClass`` bits of an ASCII byte.
        @inline(__always)
        func byteClass(_ byte: UInt8) -> UInt8 { storage.pointee.byteClasses[Int(byte)] }

        /// The UTF-8 description of an emoji (one code point), or `nil` when it has none.
        @inline(__always)
        func emojiDescription(_ scalar: UInt32) -> UnsafeBufferPointer<UInt8>? {
            storage.pointee.emoji.description(scalar)
        }

        /// The length in bytes of the longest emoji description.
        var longestEmojiDescription: Int { storage.pointee.emoji.longestDescription }

        /// The facts of the word with index `id` (≥ 0).
        @inline(__always)
        subscript(id: Int) -> Facts { storage.pointee.facts[id] }

        /// The index and flags of the word whose key is the `length` bytes in `chunks`
        /// (``VaderWordKey``: lowercase, zero-padded), or -1 and no flags.
        /// - Complexity: O(length) expected; one slot compare for most words.
        @inline(__always)
        func lookup(_ chunks: UnsafePointer<UInt64>, length: Int) -> (id: Int32, flags: Flags) {
            let hash = VaderWordKey.hash(chunks, chunkCount: VaderWordKey.chunkCount(length))
            return lookup(chunks, length: length, hash: hash)
        }

        /// ``lookup(_:length:)`` when the caller has hashed the key already (`hash`).
        @inline(__always)
        func lookup(_ chunks: UnsafePointer<UInt64>, length: Int, hash: UInt64) -> (id: Int32, flags: Flags) {
            let parts = storage.pointee
            let chunkCount = VaderWordKey.chunkCount(length)
            let mask = parts.slots.count - 1
            let wanted = UInt64(truncatingIfNeeded: length) << 32
            let first = chunks[0]
            let bit = hash >> (64 - SentimentWordIndex.filterBits)
            if parts.filter[Int(truncatingIfNeeded: bit >> 6)] & (1 &<< (bit & 63)) == 0 { return (-1, []) }
            var slot = Int(truncatingIfNeeded: hash >> parts.shift)
            while true {
                let entry = parts.slots[slot]
                if entry.packed == 0 { return (-1, []) }
                if entry.key == first, entry.packed & Slot.lengthMask == wanted,
                    chunkCount == 1 || tailsEqual(chunks, chunkCount, at: Int(truncatingIfNeeded: entry.packed >> 48))
                {
                    return (
                        Int32(truncatingIfNeeded: entry.packed & 0xFF_FFFF),
                        Flags(rawValue: UInt8(truncatingIfNeeded: entry.packed >> 24))
                    )
                }
                slot = (slot + 1) & mask
            }
        }

        /// Whether chunks 1… of a key equal the tail stored from `start`.
        private func tailsEqual(_ chunks: UnsafePointer<UInt64>, _ chunkCount: Int, at start: Int) -> Bool {
            let tails = storage.pointee.tails
            for k in 1..<chunkCount where tails[start + k - 1] != chunks[k] { return false }
            return true
        }

        /// The index of a word given as its lowercase bytes, or -1.
        func index(ofLowercase word: UnsafeBufferPointer<UInt8>) -> Int32 {
            guard !word.isEmpty else { return -1 }
            let chunkCount = VaderWordKey.chunkCount(word.count)
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: chunkCount) { chunks in
                guard let base = chunks.baseAddress else { return -1 }
                VaderWordKey.fill(word, lowering: false, into: base)
                return lookup(base, length: word.count).id
            }
        }
    }

    private let view: View

    /// Copies a lexicon's table and phrases; marks the last words of the overlay's phrases.
    init(
        _ table: SentimentTable, keys: SentimentLexiconData.KeyWords,
        phrases lists: [[SentimentLexiconData.Phrase]], foldsElongation: Bool, emoji: [UInt32: String]
    ) {
        precondition(lists.count == 3, "idioms, degree phrases, overlay phrases")
        let overlayPhraseEnds = Set(lists[2].compactMap(\.words.last))
        let phraseTails = Set(lists[0..<2].joined().flatMap { $0.words.dropFirst() })
        func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
        }
        let facts = table.entries.enumerated().map { index, entry in
            var flags: Flags = []
            if entry.valence != nil { flags.insert(.inLexicon) }
            if entry.negates { flags.insert(.negates) }
            if entry.startsPhrase { flags.insert(.startsPhrase) }
            if phraseTails.contains(index) { flags.insert(.continuesPhrase) }
            if overlayPhraseEnds.contains(index) { flags.insert(.endsOverlayPhrase) }
            if index == keys.but { flags.insert(.contrasts) }
            if entry.booster > 0 { flags.insert(.boosts) } else if entry.booster < 0 { flags.insert(.dampens) }
            precondition(flags.booster == entry.booster, "booster increments are ±VaderConstants.boosterIncrement")
            return Facts(valence: entry.valence ?? 0, flags: flags)
        }
        var phrases: [Phrase] = []
        var words: [Int32] = []
        for phrase in lists.joined() {
            phrases.append(Phrase(start: Int32(words.count), count: Int32(phrase.words.count), valence: phrase.valence))
            words.append(contentsOf: phrase.words.map { Int32($0) })
        }
        let classes = (0..<128).map { byte -> UInt8 in
            let byte = UInt8(byte)
            if VaderText.isASCIISpace(byte) { return ByteClass.space }
            guard VaderText.isASCIIPunctuation(byte) else { return 0 }
            return ByteClass.punctuation | (byte == 0x21 ? ByteClass.exclamation : byte == 0x3F ? ByteClass.question : 0)
        }
        let (slots, shift, tails, filter) = SentimentWordIndex.slots(
            of: table, flags: facts.map(\.flags))
        let storage = UnsafeMutablePointer<Storage>.allocate(capacity: 1)
        storage.initialize(
            to: Storage(
                slots: copy(slots), shift: shift, filter: copy(filter), tails: copy(tails), facts: copy(facts),
                keys: keys, phrases: copy(phrases), degreeStart: lists[0].count,
                overlayStart: lists[0].count + lists[1].count, phraseWords: copy(words),
                foldsElongation: foldsElongation, byteClasses: copy(classes), emoji: EmojiTable(emoji)))
        view = View(storage: storage)
    }

    /// The number of hash bits ``Storage/filter`` has one bit for.
    static let filterBits: UInt64 = 17

    /// The word table of ``Storage/slots``, its shift, the tails of its long words and its filter.
    private static func slots(of table: SentimentTable, flags: [Flags]) -> (
        slots: [Slot], shift: UInt64, tails: [UInt64], filter: [UInt64]
    ) {
        let count = table.entries.count
        precondition(count < 1 << 24, "word indices fit in 24 bits")
        var bits = 4
        while 1 << bits < count * 2 { bits += 1 }
        var slots = [Slot](repeating: Slot(key: 0, packed: 0), count: 1 << bits)
        var tails: [UInt64] = []
        var filter = [UInt64](repeating: 0, count: 1 << (filterBits - 6))
        var chunks: [UInt64] = []
        for id in 0..<count {
            let bytes = Array(table.arena[Int(table.keyStarts[id])..<Int(table.keyStarts[id + 1])])
            // A token is never empty, so an empty key could never be found.
            guard !bytes.isEmpty else { continue }
            precondition(bytes.count < 1 << 16, "word lengths fit in 16 bits")
            chunks = [UInt64](repeating: 0, count: VaderWordKey.chunkCount(bytes.count))
            chunks.withUnsafeMutableBufferPointer { chunks in
                bytes.withUnsafeBufferPointer { bytes in
                    guard let base = chunks.baseAddress else { return }
                    VaderWordKey.fill(bytes, lowering: false, into: base)
                }
            }
            precondition(tails.count < 1 << 16, "tails fit in 16 bits")
            let packed =
                UInt64(id) | UInt64(flags[id].rawValue) << 24 | UInt64(bytes.count) << 32 | UInt64(tails.count) << 48
            tails.append(contentsOf: chunks.dropFirst())
            let hash = chunks.withUnsafeBufferPointer { chunks in
                chunks.baseAddress.map { VaderWordKey.hash($0, chunkCount: chunks.count) } ?? 0
            }
            let bit = hash >> (64 - filterBits)
            filter[Int(bit >> 6)] |= 1 << (bit & 63)
            var slot = Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
            while slots[slot].packed != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Slot(key: chunks[0], packed: packed)
        }
        return (slots, UInt64(64 - bits), tails, filter)
    }

    deinit {
        let storage = view.storage.pointee
        storage.slots.deallocate()
        storage.tails.deallocate()
        storage.filter.deallocate()
        storage.facts.deallocate()
        storage.phrases.deallocate()
        storage.phraseWords.deallocate()
        storage.byteClasses.deallocate()
        storage.emoji.deallocate()
        view.storage.deallocate()
    }

    /// Calls `body` with the index's pointers, keeping the index alive meanwhile; they must not
    /// escape `body`.
    @inline(__always)
    func withView<Result>(_ body: (View) -> Result) -> Result {
        withExtendedLifetime(self) { body(view) }
    }
}
