import EarshotText
import Foundation
import Yams

extension RuleFile {
    /// Reads and parses a rules file (YAML, or JSON which is YAML too). Every problem becomes a
    /// diagnostic with the file's line and column; the file value is nil only when nothing
    /// usable could be read.
    ///
    /// ```swift
    /// let (file, diagnostics) = RuleFile.load(path: "rules.yaml")
    /// ```
    public static func load(path: String) -> (file: RuleFile?, diagnostics: [Diagnostic]) {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                return (nil, [Diagnostic(code: .invalidRulesFile, severity: .error, message: "the file is not UTF-8 text", file: path)])
            }
            return parse(source: text, path: path)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            return (nil, [Diagnostic(code: .invalidRulesFile, severity: .error, message: "cannot read the rules file: \(reason)", file: path)])
        }
    }

    /// Parses rules from YAML or JSON text.
    /// - Parameter path: the name shown in diagnostics.
    public static func parse(source: String, path: String) -> (file: RuleFile?, diagnostics: [Diagnostic]) {
        var reader = RuleFileReader(source: source, path: path)
        let rules = reader.read()
        return (rules.map { RuleFile(path: path, source: source, rules: $0) }, reader.diagnostics)
    }
}

/// Walks the YAML node tree of a rules file (rules.md §6).
struct RuleFileReader {
    let source: String
    let path: String
    /// The file's lines (split once; turned into Characters only where a query needs them).
    let sourceLines: [Substring]
    var diagnostics: [Diagnostic] = []

    /// Rule ids: `[A-Za-z0-9_.-]{1,128}`.
    static func isValidID(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)) }
    }
    static let maxQueryBytes = 64 * 1024

    init(source: String, path: String) {
        self.source = source
        self.path = path
        self.sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at node: Node?, rule: String? = nil, help: String? = nil) {
        diagnostics.append(
            Diagnostic(
                code: code, severity: .error, message: message, file: path, ruleID: rule,
                location: node?.mark.map { FileLocation(line: $0.line, column: $0.column) }, help: help))
    }

    mutating func read() -> [RuleDefinition]? {
        let root: Node?
        do {
            // The basic resolver tags every plain scalar as a string: no implicit-type regexes run
            // per scalar (the slowest part of reading large files), and rules files only need strings.
            root = try Yams.compose(yaml: source, .basic)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, path: path))
            return nil
        } catch {
            diagnostics.append(Diagnostic(code: .invalidRulesFile, severity: .error, message: "\(error)", file: path))
            return nil
        }
        guard let root, let top = root.mapping else {
            error(.invalidRulesFile, "a rules file is a mapping with 'version: 1' and 'rules:'", at: root)
            return nil
        }
        let members = self.members(of: top, known: ["version", "rules"], rule: nil)
        let version = members["version"]
        if version?.scalar?.string != "1" {
            error(.unsupportedVersion, "'version' must be 1", at: version ?? root, help: "start the file with 'version: 1'")
        }
        guard let rulesNode = members["rules"] else {
            error(.invalidRulesFile, "the file has no 'rules:' list", at: root)
            return []
        }
        guard let sequence = rulesNode.sequence else {
            error(.invalidRulesFile, "'rules' must be a list", at: rulesNode)
            return []
        }
        var rules: [RuleDefinition] = []
        for node in sequence {
            if let rule = readRule(node) { rules.append(rule) }
        }
        return rules
    }

    mutating func readRule(_ node: Node) -> RuleDefinition? {
        guard let mapping = node.mapping else {
            error(.invalidRulesFile, "each rule is a mapping with 'id' and 'query'", at: node)
            return nil
        }
        let fields = members(of: mapping, known: ["id", "query", "tags", "examples", "enabled"], rule: mapping.first?.value.scalar?.string)
        let idNode = fields["id"]
        guard let idNode, let id = idNode.scalar?.string, Self.isValidID(id) else {
            error(
                .invalidRuleID, "a rule needs an 'id' of 1-128 letters, digits, '_', '.' or '-'", at: idNode ?? node,
                rule: idNode?.scalar?.string)
            return nil
        }
        guard let queryNode = fields["query"], let scalar = queryNode.scalar else {
            error(.missingQuery, "rule '\(id)' has no 'query' string", at: fields["query"] ?? node, rule: id)
            return nil
        }
        let query = scalar.string
        if query.utf8.count > Self.maxQueryBytes {
            error(.queryTooLong, "the query is \(query.utf8.count) bytes; the limit is 64 KiB", at: queryNode, rule: id)
            return nil
        }
        var enabled = true
        if let enabledNode = fields["enabled"] {
            switch enabledNode.scalar?.string.lowercased() {
            case "true"?: enabled = true
            case "false"?: enabled = false
            default: error(.invalidRulesFile, "'enabled' must be true or false", at: enabledNode, rule: id)
            }
        }
        let examples = fields["examples"]?.mapping.map { members(of: $0, known: ["match", "nomatch"], rule: id) } ?? [:]
        return RuleDefinition(
            id: id, query: query, tags: readTags(fields["tags"], rule: id),
            matchExamples: readExamples(examples["match"], rule: id),
            nomatchExamples: readExamples(examples["nomatch"], rule: id), enabled: enabled,
            location: idNode.mark.map { FileLocation(line: $0.line, column: $0.column) },
            querySourceMap: sourceMap(of: queryNode, query: query))
    }

    /// A mapping's members by key text, reporting unknown keys. Keys are compared as plain
    /// strings: Yams' `Node` equality resolves tags, which is slow on large files.
    mutating func members(of mapping: Node.Mapping, known: Set<String>, rule: String?) -> [String: Node] {
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, known.contains(name) else {
                error(.invalidRulesFile, "unknown key '\(key.scalar?.string ?? "?")'", at: key, rule: rule)
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func readTags(_ node: Node?, rule: String) -> [(key: String, value: String)] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            error(.invalidRulesFile, "'tags' must be a mapping of names to values", at: node, rule: rule)
            return []
        }
        var tags: [(key: String, value: String)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let text = value.scalar?.string else {
                error(.invalidRulesFile, "tag values must be strings, numbers or booleans", at: value, rule: rule)
                continue
            }
            tags.append((name, text))
        }
        return tags
    }

    mutating func readExamples(_ node: Node?, rule: String) -> [RuleExample] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            error(.invalidRulesFile, "examples must be lists", at: node, rule: rule)
            return []
        }
        return sequence.compactMap { item in
            if let text = item.scalar?.string { return .text(text) }
            if item.mapping != nil { return .object(Self.json(item)) }
            error(.invalidRulesFile, "an example is a string or a mention object", at: item, rule: rule)
            return nil
        }
    }

    /// A YAML node as JSON (scalars by their resolved tag).
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let bool = Bool.construct(from: scalar) { return .bool(bool) }
                if let int = Int.construct(from: scalar) { return .number(Double(int)) }
                if let double = Double.construct(from: scalar) { return .number(double) }
                if scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty { return .null }
            }
            return .string(scalar.string)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { members[key.scalar?.string ?? ""] = json(value) }
            return .object(members)
        case .sequence(let sequence):
            return .array(sequence.map(json))
        case .alias:
            return .null
        }
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        var location: FileLocation?
        var message = "\(error)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            location = FileLocation(line: mark.line, column: mark.column)
            message = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
        default:
            break
        }
        return Diagnostic(
            code: .invalidRulesFile, severity: .error, message: "not valid YAML: \(message)", file: path, location: location)
    }
}
