/// One word of a sentence as VADER's heuristics see it: its table index, its flags and, once
/// scored, its valence. Sixteen bytes, kept in a buffer that lives only while a text is scored.
struct VaderWord {
    /// The word's index in ``SentimentTable``, or -1 when the table does not know it.
    var id: Int32
    /// ALL CAPS (Python's `str.isupper`: some cased letter, no lowercase one).
    var isUpper: Bool
    /// Contains "n't" (after lowercasing), which negates like a negation word.
    var hasNT: Bool
    /// The word's flags in the index (none when the table does not know it), read at lookup.
    var flags: SentimentWordIndex.Flags
    /// The valence the heuristics give the word (filled by ``VaderScorer``).
    var sentiment: Double = 0
}
