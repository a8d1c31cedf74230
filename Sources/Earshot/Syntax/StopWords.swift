/// The documented English stop-word list (rules.md §7): `check` warns when one of these is a
/// whole term on its own (`the`, `spotify the`), because it matches nearly every English
/// mention. Inside a phrase (`"the app"`) or `{}` they are fine. The list is short on purpose:
/// articles, pronouns, auxiliaries, conjunctions and prepositions only, no content words.
enum StopWords {
    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "her",
        "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "she",
        "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we",
        "were", "what", "when", "which", "who", "will", "with", "you", "your",
    ]
}
