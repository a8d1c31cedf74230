/// Which members of a line's JSON to build. The parser still reads and validates every byte, but
/// values outside these paths are skipped without allocating; a path that crosses an array keeps
/// that member in every element (`includes.users.username`). An X API v2 payload is ~1 KB of which
/// the matcher needs a few fields, so this roughly halves the cost of reading a line.
///
/// ```swift
/// let keep = JSONKeep(paths: [["data", "text"], ["includes", "users", "id"]])
/// ```
package final class JSONKeep: Sendable {
    /// Keep the whole value at this point.
    let keepsAll: Bool
    /// Member name bytes → what to keep below it.
    let children: [(name: [UInt8], keep: JSONKeep)]

    /// A tree from paths; an empty path keeps everything.
    package convenience init(paths: [[String]]) {
        self.init(paths: paths[...].map { $0[...] })
    }

    private init(paths: [ArraySlice<String>]) {
        keepsAll = paths.contains { $0.isEmpty }
        var groups: [String: [ArraySlice<String>]] = [:]
        var order: [String] = []
        if !keepsAll {
            for path in paths {
                guard let head = path.first else { continue }
                if groups[head] == nil { order.append(head) }
                groups[head, default: []].append(path.dropFirst())
            }
        }
        children = order.map { (Array($0.utf8), JSONKeep(paths: groups[$0] ?? [])) }
    }

    /// Keeps everything.
    package static let everything = JSONKeep(paths: [[]])

    /// The subtree for a member name, given as raw (unescaped) bytes.
    func child(named name: UnsafeBufferPointer<UInt8>) -> JSONKeep? {
        for entry in children where entry.name.count == name.count {
            var same = true
            for i in 0..<name.count where entry.name[i] != name[i] {
                same = false
                break
            }
            if same { return entry.keep }
        }
        return nil
    }
}

extension JSONKeep {
    /// The paths a keep tree holds (for merging and copying).
    package var paths: [[String]] {
        if keepsAll { return [[]] }
        return children.flatMap { name, keep in keep.paths.map { [String(decoding: name, as: UTF8.self)] + $0 } }
    }

    /// A tree that also keeps `path`.
    package convenience init(merging tree: JSONKeep, path: [String]) {
        self.init(paths: tree.paths + [path])
    }
}
