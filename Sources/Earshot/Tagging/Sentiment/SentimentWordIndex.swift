/// The scorer's read-only copy of a lexicon: the ``SentimentTable``'s slots and keys, per word
/// the facts the heuristics test (valence, booster increment, flags), the key words and the
/// phrases as word indices, in memory this object allocates once and frees when it goes. The
/// hot path reads it through a ``View`` of plain pointers: no bounds checks and no reference
/// counting per word.
///
/// `@unchecked Sendable`: the buffers are written only in `init` and never after, so any number
/// of threads may read them; they live as long as the object, which ``withView(_:)`` keeps alive.
final class SentimentWordIndex: @unchecked Sendable {
    /// What the heuristics know about one word.
    struct Facts {
        /// Lexicon valence (0 when the word has none; see ``Flags/inLexicon``).
        var valence: Double
        /// Booster (+) or dampener (−) increment; 0 for other words.
        var booster: Double
        var flags: Flags
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
    }

    /// An idiom or phrase: its words are `phraseWords[start..<start + count]`.
    struct Phrase {
        var start: Int32
        var count: Int32
        var valence: Double
    }

    /// Every buffer of the index, and the key words; allocated once, at a fixed address.
    struct Storage {
        let slots: UnsafeBufferPointer<UInt64>
        let keyStarts: UnsafeBufferPointer<Int32>
        let arena: UnsafeBufferPointer<UInt8>
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

        /// The facts of the word with index `id` (≥ 0).
        @inline(__always)
        subscript(id: Int) -> Facts { storage.pointee.facts[id] }

        /// The index of the word equal to `word` with its ASCII capitals lowered, or -1.
        /// - Parameter hash: ``SentimentTable/hash(_:)`` of the lowered bytes.
        @inline(__always)
        func index(foldingASCII word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            let parts = storage.pointee
            return SentimentTable.probe(
                word, hash: hash, foldingASCII: true, slots: parts.slots, keyStarts: parts.keyStarts, arena: parts.arena)
        }

        /// The index of a word given as lowercase bytes, or -1.
        func index(ofLowercase word: UnsafeBufferPointer<UInt8>) -> Int32 {
            let parts = storage.pointee
            return SentimentTable.probe(
                word, hash: SentimentTable.hash(word), foldingASCII: false, slots: parts.slots,
                keyStarts: parts.keyStarts, arena: parts.arena)
        }
    }

    private let view: View

    /// Copies a lexicon's table and phrases; marks the last words of the overlay's phrases.
    init(
        _ table: SentimentTable, keys: SentimentLexiconData.KeyWords,
        phrases lists: [[SentimentLexiconData.Phrase]], foldsElongation: Bool
    ) {
        precondition(lists.count == 3, "idioms, degree phrases, overlay phrases")
        let overlayPhraseEnds = Set(lists[2].compactMap(\.words.last))
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
            if overlayPhraseEnds.contains(index) { flags.insert(.endsOverlayPhrase) }
            return Facts(valence: entry.valence ?? 0, booster: entry.booster, flags: flags)
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
        let storage = UnsafeMutablePointer<Storage>.allocate(capacity: 1)
        storage.initialize(
            to: Storage(
                slots: copy(table.slots), keyStarts: copy(table.keyStarts), arena: copy(table.arena), facts: copy(facts),
                keys: keys, phrases: copy(phrases), degreeStart: lists[0].count,
                overlayStart: lists[0].count + lists[1].count, phraseWords: copy(words),
                foldsElongation: foldsElongation, byteClasses: copy(classes)))
        view = View(storage: storage)
    }

    deinit {
        let storage = view.storage.pointee
        storage.slots.deallocate()
        storage.keyStarts.deallocate()
        storage.arena.deallocate()
        storage.facts.deallocate()
        storage.phrases.deallocate()
        storage.phraseWords.deallocate()
        storage.byteClasses.deallocate()
        view.storage.deallocate()
    }

    /// Calls `body` with the index's pointers, keeping the index alive meanwhile; they must not
    /// escape `body`.
    @inline(__always)
    func withView<Result>(_ body: (View) -> Result) -> Result {
        withExtendedLifetime(self) { body(view) }
    }
}
