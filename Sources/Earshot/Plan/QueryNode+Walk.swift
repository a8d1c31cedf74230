import EarshotSyntax

extension QueryNode {
    /// Every node of the tree, depth first.
    var allNodes: [QueryNode] {
        switch self {
        case .text, .regex, .field, .ruleReference: return [self]
        case .not(let negation): return [self] + negation.operand.allNodes
        case .and(let group): return [self] + group.operands.flatMap(\.allNodes)
        case .or(let group): return [self] + group.operands.flatMap(\.allNodes)
        case .near(let near): return [self] + near.left.allNodes + near.right.allNodes
        }
    }

    /// The `rule:` references in the tree.
    var ruleReferences: [RuleReference] {
        allNodes.compactMap { if case .ruleReference(let reference) = $0 { reference } else { nil } }
    }

    /// The regexes in the tree.
    var regexes: [RegexQuery] {
        allNodes.compactMap { if case .regex(let regex) = $0 { regex } else { nil } }
    }
}

extension PlannedRuleSet {
    /// The JSON paths of every `field:a.b.c=…` query, relative to the mention root: what the
    /// stream must keep when it reads a line (everything else can be skipped unbuilt).
    package var jsonFieldPaths: [[String]] {
        var paths = Set<[String]>()
        for rule in rules {
            for node in rule.query.allNodes {
                if case .field(let field) = node, field.name == .field { paths.insert(field.path) }
            }
        }
        return paths.sorted { $0.joined(separator: ".") < $1.joined(separator: ".") }
    }
}
