import EarshotText

/// Decides a mention's ``MentionKind`` from the preset's flags and the configured handle.
///
/// The checks run in this order, the first that holds decides:
/// 1. a retweet or a quote is a `repost` (a repost of a message to the handle is still a repost:
///    the person reposting did not write to the brand);
/// 2. `direct` when the mention replies to the handle (`in_reply_to`) or contains `@handle`;
/// 3. `reply` when it is a reply to someone else;
/// 4. otherwise `mention`.
///
/// ```swift
/// let kinds = KindClassifier(handle: "SpotifyCares")
/// kinds.kind(of: AnalyzedMention(Mention(text: "@SpotifyCares help")))   // .direct
/// ```
public struct KindClassifier: Sendable, Hashable {
    /// The handle, folded, without `@`.
    let foldedHandle: String

    /// - Parameter handle: the brand's support handle, with or without `@`.
    public init(handle: String) {
        self.foldedHandle = TextFolding.fold(KindClassifier.withoutAt(handle))
    }

    /// The kind of one mention.
    public func kind(of mention: AnalyzedMention) -> MentionKind {
        let flags = mention.mention
        if flags.isRetweet || flags.isQuote { return .repost }
        if isAddressedToHandle(mention) { return .direct }
        if flags.isReply { return .reply }
        return .mention
    }

    /// Whether the author is the handle itself (the brand's own posts never need a response).
    public func isWrittenByHandle(_ mention: AnalyzedMention) -> Bool {
        guard let author = mention.mention.author else { return false }
        return isHandle(author)
    }

    /// Whether the mention replies to the handle or names it with `@`.
    func isAddressedToHandle(_ mention: AnalyzedMention) -> Bool {
        if let target = mention.mention.inReplyTo, isHandle(target) { return true }
        return mention.text.tokens.contains { $0.kind == .mention && $0.folded == foldedHandle }
    }

    func isHandle(_ name: String) -> Bool {
        !foldedHandle.isEmpty && TextFolding.fold(KindClassifier.withoutAt(name)) == foldedHandle
    }

    static func withoutAt(_ name: String) -> String {
        name.hasPrefix("@") ? String(name.dropFirst()) : name
    }
}
