import EarshotPlan
import EarshotRegex

/// Every rule's ``VerifyNode`` tree laid out in flat arrays linked by integer indices, so that
/// evaluating a rule reads plain structs in place: no node box is retained or released per visit.
///
/// A rule `a AND (b OR c)` becomes the nodes `[seq a, seq b, seq c, or(children 0..<2), and(children 2..<4)]`
/// with `children == [1, 2, 0, 3]` and the rule's root at node 4.
struct FlatProgram: Sendable {
    /// What a node does.
    enum Op: UInt8, Sendable {
        /// `patterns[first ..< first + count]` occur consecutively.
        case sequence
        /// `regexes[first]` matches the NFC text.
        case regex
        /// `fields[first]` holds.
        case field
        /// Rule `first` matches.
        case reference
        /// Node `first` does not hold.
        case not
        /// Every node of `children[first ..< first + count]` holds.
        case and
        /// Some node of `children[first ..< first + count]` holds.
        case or
        /// `nears[first]` holds.
        case near
        /// Never true.
        case never
    }

    /// One node: an operation and the range or index it applies to.
    struct Node: Sendable {
        var op: Op
        var first: Int32
        var count: Int32
    }

    /// A NEAR node's operands (each a list of alternative sequences) and distance.
    struct Near: Sendable {
        var left: [[VerifyPattern]]
        var right: [[VerifyPattern]]
        var distance: Int
        var ordered: Bool
    }

    private(set) var nodes: [Node] = []
    /// The root node of each rule.
    private(set) var roots: [Int32] = []
    private(set) var children: [Int32] = []
    private(set) var patterns: [VerifyPattern] = []
    private(set) var regexes: [CompiledRegex] = []
    private(set) var fields: [FieldPredicate] = []
    private(set) var nears: [Near] = []

    /// Lays out the tree of each rule (index = rule index).
    init(_ trees: [VerifyNode]) {
        roots.reserveCapacity(trees.count)
        for tree in trees { roots.append(append(tree)) }
    }

    /// Appends a tree's nodes (children first) and returns the index of its root.
    private mutating func append(_ tree: VerifyNode) -> Int32 {
        switch tree {
        case .sequence(let sequence):
            let first = Int32(patterns.count)
            patterns.append(contentsOf: sequence)
            return add(.sequence, first, Int32(sequence.count))
        case .regex(let regex):
            regexes.append(regex)
            return add(.regex, Int32(regexes.count - 1), 0)
        case .field(let predicate):
            fields.append(predicate)
            return add(.field, Int32(fields.count - 1), 0)
        case .reference(let rule):
            return add(.reference, Int32(rule), 0)
        case .not(let inner):
            return add(.not, append(inner), 0)
        case .and(let operands):
            let indices = operands.map { append($0) }
            children.append(contentsOf: indices)
            return add(.and, Int32(children.count - indices.count), Int32(indices.count))
        case .or(let operands):
            let indices = operands.map { append($0) }
            children.append(contentsOf: indices)
            return add(.or, Int32(children.count - indices.count), Int32(indices.count))
        case .near(let left, let right, let distance, let ordered):
            nears.append(Near(left: left, right: right, distance: distance, ordered: ordered))
            return add(.near, Int32(nears.count - 1), 0)
        case .never:
            return add(.never, 0, 0)
        }
    }

    private mutating func add(_ op: Op, _ first: Int32, _ count: Int32) -> Int32 {
        nodes.append(Node(op: op, first: first, count: count))
        return Int32(nodes.count - 1)
    }
}
