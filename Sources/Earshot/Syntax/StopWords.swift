/// English stop words that `check` warns about when one is a whole term: alone, they match
/// nearly every English mention. The list is short on purpose (function words only).
enum StopWords {
    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "her",
        "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "she",
        "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we",
        "were", "what", "when", "which", "who", "will", "with", "you", "your",
    ]
}
