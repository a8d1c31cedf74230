/// The scorer's read-only copy of a ``SentimentTable``: the same slots and keys, and per word
/// the facts the heuristics test (valence, booster increment, flags), in memory this object
/// allocates once and frees when it goes. The hot path reads it through a ``View`` of plain
/// pointers: no bounds checks and no reference counting per word.
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

    /// The index's storage as pointers. Valid only inside ``SentimentWordIndex/withView(_:)``.
    struct View {
        let slots: UnsafeBufferPointer<UInt64>
        let keyStarts: UnsafeBufferPointer<Int32>
        let arena: UnsafeBufferPointer<UInt8>
        let facts: UnsafeBufferPointer<Facts>

        /// The facts of the word with index `id` (≥ 0).
        @inline(__always)
        subscript(id: Int) -> Facts { facts[id] }

        /// The index of the word equal to `word` with its ASCII capitals lowered, or -1.
        /// - Parameter hash: ``SentimentTable/hash(_:)`` of the lowered bytes.
        @inline(__always)
        func index(foldingASCII word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            SentimentTable.probe(word, hash: hash, foldingASCII: true, slots: slots, keyStarts: keyStarts, arena: arena)
        }

        /// The index of a word given as lowercase bytes, or -1.
        func index(ofLowercase word: UnsafeBufferPointer<UInt8>) -> Int32 {
            SentimentTable.probe(
                word, hash: SentimentTable.hash(word), foldingASCII: false, slots: slots, keyStarts: keyStarts,
                arena: arena)
        }
    }

    private let view: View

    /// Copies `table`, marking the last words of `overlayPhrases`.
    init(_ table: SentimentTable, overlayPhraseEnds: Set<Int>) {
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
        view = View(
            slots: copy(table.slots), keyStarts: copy(table.keyStarts), arena: copy(table.arena), facts: copy(facts))
    }

    deinit {
        view.slots.deallocate()
        view.keyStarts.deallocate()
        view.arena.deallocate()
        view.facts.deallocate()
    }

    /// Calls `body` with the index's pointers, keeping the index alive meanwhile; they must not
    /// escape `body`.
    @inline(__always)
    func withView<Result>(_ body: (View) -> Result) -> Result {
        withExtendedLifetime(self) { body(view) }
    }
}
