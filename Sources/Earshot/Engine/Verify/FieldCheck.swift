import EarshotPlan
import EarshotText

/// Field predicates of rules.md §5 on one mention.
enum FieldCheck {
    static func holds(_ predicate: FieldPredicate, _ analyzed: AnalyzedMention) -> Bool {
        let mention = analyzed.mention
        switch predicate {
        case .author(let literal, let glob, let exact):
            guard let author = mention.author else { return false }
            let handle = author.hasPrefix("@") ? String(author.dropFirst()) : author
            let folded = exact ? TextFolding.nfc(handle) : TextFolding.fold(handle)
            return glob?.matches(folded) ?? (folded == literal)
        case .lang(let wanted, let wholeTag):
            guard let lang = mention.lang?.lowercased() else { return false }
            if wholeTag { return lang == wanted }
            return lang == wanted || lang.hasPrefix(wanted + "-")
        case .source(let wanted, let exact):
            return mention.source.map(exact ? TextFolding.nfc : TextFolding.fold) == wanted
        case .country(let wanted, let exact):
            return mention.country.map(exact ? TextFolding.nfc : TextFolding.fold) == wanted
        case .url(let wanted):
            return analyzed.urls.contains { URLParts($0)?.satisfies(wanted) ?? false }
        case .flag(let flag):
            switch flag {
            case "reply": return mention.isReply
            case "retweet": return mention.isRetweet
            case "quote": return mention.isQuote
            default: return false
            }
        case .has(let what):
            switch what {
            case "link": return !analyzed.urls.isEmpty
            case "mention": return analyzed.hasMention
            case "hashtag": return analyzed.hasHashtag
            case "emoji": return analyzed.hasEmoji
            default: return false
            }
        case .path(let path, let matcher):
            guard let root = mention.root else { return false }
            return root.values(atPath: path[...]).contains { matcher.matches($0) }
        }
    }
}
