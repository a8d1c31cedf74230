/// The `includes.users` lookup of the X API v2 preset on a scanned line: the username of the
/// first user whose id is the one asked for, as ``XV2Preset`` finds it in a ``JSONValue``
/// (`includes.users` an array of user objects, or one user object). Shared by `earshot match`
/// (``ScannedMentionReader``) and the report's reader.
///
/// ```swift
/// let users = ScannedUsers()
/// let names = users.usernames(of: "5", nil, includes: fields[includesSlot], users: fields[usersSlot], in: line)
/// ```
package struct ScannedUsers: Sendable {
    /// The members read of one user; its scan stops once both are found.
    private let tree = FieldTree(paths: [["id"], ["username"]])
    private let idSlot: Int
    private let usernameSlot: Int

    package init() {
        idSlot = tree.slot(["id"])
        usernameSlot = tree.slot(["username"])
    }

    /// The usernames of the first users whose ids are `first` and `second` (nil where there is
    /// none or no id was asked for), in one pass over the users.
    /// - Parameters:
    ///   - includes: the scanned `includes` member; `users`: its `users` member.
    /// - Returns: `nil` when `includes` is an array (the full parser crosses it) or a user
    ///   object spells `id` or `username` with escapes: the line needs the full parser.
    package func usernames(
        of first: String?, _ second: String?, includes: ScannedValue, users: ScannedValue,
        in line: UnsafeBufferPointer<UInt8>
    ) -> (first: String?, second: String?)? {
        var found: (first: String??, second: String??) = (first == nil ? .some(nil) : nil, second == nil ? .some(nil) : nil)
        guard found.first == nil || found.second == nil else { return (nil, nil) }
        switch includes.kind {
        case .object: break
        case .array: return nil
        default: return (nil, nil)
        }
        var declined = false
        func check(_ user: ScannedValue) {
            guard !declined, found.first == nil || found.second == nil, user.kind == .object else { return }
            guard let members = tree.scan(line, object: user) else {
                declined = true
                return
            }
            let id = members[idSlot]
            if found.first == nil, let first, id.textEquals(first, in: line) {
                found.first = .some(members[usernameSlot].scalarText(in: line))
            }
            if found.second == nil, let second, id.textEquals(second, in: line) {
                found.second = .some(members[usernameSlot].scalarText(in: line))
            }
        }
        if users.kind == .array { FieldTree.forEachElement(of: users, in: line, check) } else { check(users) }
        return declined ? nil : (found.first ?? nil, found.second ?? nil)
    }
}

extension ScannedValue {
    /// Whether ``scalarText(in:)`` is `text`, without allocating for a plain string.
    func textEquals(_ text: String, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        if let content = plainContent(in: line) { return content.elementsEqual(text.utf8) }
        return scalarText(in: line) == text
    }
}
