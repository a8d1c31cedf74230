/// The object paths whose values a report reads, flattened for ``FieldTree/scan(_:)``: one node
/// per path prefix, the children of a node stored next to each other, member names in one byte
/// pool. Every node is a slot: the scan records where the first occurrence of that member's
/// value is (first occurrence wins, as in ``JSONParser``).
///
/// Paths do not cross arrays: an array is recorded as one value and read with
/// ``FieldTree/forEachElement(of:in:_:)``.
///
/// ```swift
/// let tree = FieldTree(paths: [["data", "created_at"], ["earshot", "rules"]])
/// let createdAt = tree.slot(["data", "created_at"])   // index into ScannedFields
/// ```
package struct FieldTree: Sendable {
    /// One path prefix.
    struct Node: Sendable {
        /// Where its member name is in `names`.
        var nameStart: Int32
        var nameCount: Int32
        /// Its children are nodes `firstChild ..< firstChild + childCount`.
        var firstChild: Int32
        var childCount: Int32
    }

    /// Node 0 is the root (the line's top-level object).
    private(set) var nodes: [Node]
    private(set) var names: [UInt8]
    private let slots: [[String]: Int]

    /// A tree holding every prefix of `paths`.
    package init(paths: [[String]]) {
        // Breadth-first, so that each node's children are contiguous.
        var prefixes: [[String]] = [[]]
        var children: [[String]: [String]] = [:]
        for path in paths {
            for length in stride(from: 1, through: path.count, by: 1) {
                let parent = Array(path[0..<(length - 1)])
                let name = path[length - 1]
                if !(children[parent] ?? []).contains(name) { children[parent, default: []].append(name) }
            }
        }
        var nodes: [Node] = []
        var names: [UInt8] = []
        var slots: [[String]: Int] = [[]: 0]
        var queue = 0
        nodes.append(Node(nameStart: 0, nameCount: 0, firstChild: 0, childCount: 0))
        while queue < prefixes.count {
            let prefix = prefixes[queue]
            let childNames = children[prefix] ?? []
            nodes[queue].firstChild = Int32(nodes.count)
            nodes[queue].childCount = Int32(childNames.count)
            for name in childNames {
                let bytes = Array(name.utf8)
                slots[prefix + [name]] = nodes.count
                nodes.append(Node(nameStart: Int32(names.count), nameCount: Int32(bytes.count), firstChild: 0, childCount: 0))
                names += bytes
                prefixes.append(prefix + [name])
            }
            queue += 1
        }
        self.nodes = nodes
        self.names = names
        self.slots = slots
    }

    /// The slot of a path given to `init` (or of one of its prefixes); 0 is the whole line.
    package func slot(_ path: [String]) -> Int {
        guard let slot = slots[path] else { preconditionFailure("path \(path) is not in the field tree") }
        return slot
    }

    /// The number of slots.
    package var count: Int { nodes.count }
}
