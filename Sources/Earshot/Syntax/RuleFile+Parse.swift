import EarshotText
import Foundation
import Yams

extension RuleFile {
    /// Reads and parses a rules file (YAML, or JSON, which is YAML too). A file that cannot be
    /// read becomes a diagnostic like any other problem.
    ///
    /// ```swift
    /// let (file, diagnostics) = RuleFile.load(path: "rules.yaml")
    /// for d in diagnostics { print(d.render()) }
    /// ```
    /// - Returns: the rules that could be read (nil when nothing usable could be read) and every
    ///   file-level diagnostic, each with the file path and, where known, line and column.
    public static func load(path: String) -> (file: RuleFile?, diagnostics: [Diagnostic]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            return (nil, [Diagnostic(code: .invalidRulesFile, severity: .error, message: "cannot read the rules file: \(reason)", file: path)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [Diagnostic(code: .invalidRulesFile, severity: .error, message: "the rules file is not UTF-8 text", file: path)])
        }
        return parse(source: text, path: path)
    }

    /// Parses rules from YAML or JSON text (rules.md §6), reporting every file-level problem:
    /// invalid YAML (with its line and column), a wrong `version`, unknown keys, invalid ids,
    /// missing or over-long queries, malformed tags, examples or `enabled`.
    ///
    /// Queries are not parsed here; each rule carries a ``QuerySourceMap`` so query diagnostics
    /// can be placed in the file with ``Diagnostic/located(in:file:)``.
    ///
    /// ```swift
    /// let (file, diagnostics) = RuleFile.parse(source: "version: 1\nrules:\n  - id: a\n    query: spotify\n", path: "r.yaml")
    /// file?.rules.first?.query   // "spotify"
    /// ```
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
    /// The file's lines without terminators (`\n`, `\r\n` or `\r`).
    let sourceLines: [Substring]
    var diagnostics: [Diagnostic] = []

    /// The most UTF-8 bytes a query may have.
    static let maxQueryBytes = 64 * 1024

    /// Rule ids: `[A-Za-z0-9_.-]{1,128}`.
    static func isValidID(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.utf8.allSatisfy {
                QueryLexer.isASCIILetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
            }
    }

    init(source: String, path: String) {
        self.source = source
        self.path = path
        self.sourceLines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at node: Node?, rule: String? = nil, help: String? = nil) {
        diagnostics.append(
            Diagnostic(
                code: code, severity: .error, message: message, file: path, ruleID: rule, location: location(of: node?.mark),
                help: help))
    }

    mutating func read() -> [RuleDefinition]? {
        let root: Node?
        do {
            // The basic resolver tags every plain scalar as a string: no implicit-type regexes run
            // per scalar (the slowest part of reading large files); types are read where needed.
            root = try Yams.compose(yaml: source, .basic)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
            return nil
        } catch {
            diagnostics.append(Diagnostic(code: .invalidRulesFile, severity: .error, message: "not valid YAML: \(error)", file: path))
            return nil
        }
        guard let root, let top = root.mapping else {
            error(
                .invalidRulesFile, "a rules file is a mapping with 'version: 1' and 'rules:'", at: root,
                help: "start the file with:\nversion: 1\nrules:\n  - id: brand\n    query: spotify")
            return nil
        }
        let members = self.members(of: top, known: ["version", "rules"], rule: nil)
        let version = members["version"]
        if version?.scalar?.string != "1" {
            let found = version?.scalar.map { " (found '\($0.string)')" } ?? ""
            error(.unsupportedVersion, "'version' must be 1\(found)", at: version ?? root, help: "start the file with 'version: 1'")
        }
        guard let rulesNode = members["rules"] else {
            error(.invalidRulesFile, "the file has no 'rules:' list", at: root, help: "add 'rules:' with a list of rules, each with an id and a query")
            return []
        }
        guard let sequence = rulesNode.sequence else {
            if Self.isNull(rulesNode) { return [] }
            error(.invalidRulesFile, "'rules' must be a list", at: rulesNode, help: "write each rule as a list item: '  - id: ...'")
            return []
        }
        return sequence.compactMap { readRule($0) }
    }

    /// One rule; every problem in it is reported, and it is kept only when it has none that
    /// would make it unusable (bad id, missing or over-long query).
    mutating func readRule(_ node: Node) -> RuleDefinition? {
        guard let mapping = node.mapping else {
            error(.invalidRulesFile, "each rule is a mapping with 'id' and 'query'", at: node)
            return nil
        }
        let idText = mapping.first { $0.key.scalar?.string == "id" }?.value.scalar?.string
        let fields = members(of: mapping, known: ["id", "query", "tags", "examples", "enabled"], rule: idText)
        var usable = true
        let idNode = fields["id"]
        let id = idNode?.scalar?.string ?? ""
        if idNode == nil {
            error(.invalidRuleID, "this rule has no 'id'", at: node, help: "give it an id of 1-128 letters, digits, '_', '.' or '-'")
            usable = false
        } else if idNode?.scalar == nil || !Self.isValidID(id) {
            error(
                .invalidRuleID, "invalid rule id '\(id)': ids are 1-128 letters, digits, '_', '.' or '-'", at: idNode,
                rule: idNode?.scalar == nil ? nil : id, help: "e.g. id: crash_reports")
            usable = false
        }
        let ruleName: String? = id.isEmpty ? nil : id
        var query = ""
        let queryNode = fields["query"]
        if let queryNode, let scalar = queryNode.scalar, !Self.isNull(queryNode) {
            query = scalar.string
            if query.utf8.count > Self.maxQueryBytes {
                error(
                    .queryTooLong, "the query is \(query.utf8.count) bytes long; the limit is 65536 bytes (64 KiB)", at: queryNode,
                    rule: ruleName, help: "split it into several rules and combine them with rule:ID references")
                usable = false
            }
        } else {
            let what = queryNode == nil ? "has no 'query'" : "has a 'query' that is not a string"
            error(
                .missingQuery, "rule '\(id)' \(what)", at: queryNode ?? node, rule: ruleName,
                help: "add a query, e.g. query: 'spotify AND crash*'")
            usable = false
        }
        let enabled = readEnabled(fields["enabled"], rule: ruleName)
        let tags = readTags(fields["tags"], rule: ruleName)
        var examples: [String: Node] = [:]
        if let examplesNode = fields["examples"] {
            if let examplesMapping = examplesNode.mapping {
                examples = members(of: examplesMapping, known: ["match", "nomatch"], rule: ruleName)
            } else if !Self.isNull(examplesNode) {
                error(.invalidRulesFile, "'examples' must be a mapping with 'match' and/or 'nomatch' lists", at: examplesNode, rule: ruleName)
            }
        }
        let matchExamples = readExamples(examples["match"], rule: ruleName)
        let nomatchExamples = readExamples(examples["nomatch"], rule: ruleName)
        guard usable, let queryNode else { return nil }
        return RuleDefinition(
            id: id, query: query, tags: tags, matchExamples: matchExamples, nomatchExamples: nomatchExamples,
            enabled: enabled, location: location(of: idNode?.mark), querySourceMap: sourceMap(of: queryNode, query: query))
    }

    /// A mapping's members by key text, reporting unknown keys. Keys are compared as plain
    /// strings: Yams' `Node` equality resolves tags, which is slow on large files.
    mutating func members(of mapping: Node.Mapping, known: Set<String>, rule: String?) -> [String: Node] {
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, known.contains(name) else {
                let listed = known.sorted().map { "'\($0)'" }.joined(separator: ", ")
                error(.invalidRulesFile, "unknown key '\(key.scalar?.string ?? "?")'", at: key, rule: rule, help: "the keys here are \(listed)")
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func readEnabled(_ node: Node?, rule: String?) -> Bool {
        guard let node else { return true }
        switch node.scalar?.string.lowercased() {
        case "true"?: return true
        case "false"?: return false
        default:
            error(.invalidRulesFile, "'enabled' must be true or false", at: node, rule: rule)
            return true
        }
    }

    /// `tags`: a mapping of names to scalars, kept in file order; numbers and booleans become
    /// their text.
    mutating func readTags(_ node: Node?, rule: String?) -> [(key: String, value: String)] {
        guard let node, !Self.isNull(node) else { return [] }
        guard let mapping = node.mapping else {
            error(.invalidRulesFile, "'tags' must be a mapping of names to values", at: node, rule: rule, help: "e.g. tags: {issue_type: app_crash_bug}")
            return []
        }
        var tags: [(key: String, value: String)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(.invalidRulesFile, "a tag name must be a string", at: key, rule: rule)
                continue
            }
            guard let text = value.scalar?.string, !Self.isNull(value) else {
                error(.invalidRulesFile, "tag '\(name)' must have a string, number or boolean value", at: value, rule: rule)
                continue
            }
            tags.append((name, text))
        }
        return tags
    }

    mutating func readExamples(_ node: Node?, rule: String?) -> [RuleExample] {
        guard let node, !Self.isNull(node) else { return [] }
        guard let sequence = node.sequence else {
            error(.invalidRulesFile, "examples must be lists", at: node, rule: rule, help: "e.g. match: [\"Spotify keeps crashing\"]")
            return []
        }
        return sequence.compactMap { item in
            if let text = item.scalar?.string { return .text(text) }
            if item.mapping != nil { return .object(Self.json(item)) }
            error(.invalidRulesFile, "an example is a string or a mention object", at: item, rule: rule)
            return nil
        }
    }

    /// True for a plain `null`, `~` or empty scalar.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A YAML node as JSON: plain scalars become booleans, numbers or null when they spell one
    /// (YAML 1.2 core schema); quoted scalars stay strings.
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            let text = scalar.string
            if isNull(node) { return .null }
            if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
            if isNumber(text), let number = Double(text) { return .number(number) }
            return .string(text)
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

    /// `[-+]?(digits)(.digits)?([eE][-+]?digits)?` (also `.5`): what JSON and YAML both read as a number.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            let count = bytes.prefix(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }).count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// A Yams error as a diagnostic with the file position libyaml reported.
    func diagnostic(for error: YamlError) -> Diagnostic {
        var location: FileLocation?
        var message: String
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            location = self.location(of: mark)
            message = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
        case .reader(let problem, let offset, _, _):
            message = problem
            if let offset { location = locationOfByte(offset) }
        case .duplicatedKeysInMapping(let duplicates, let context):
            location = self.location(of: context.mark)
            message = "duplicate key " + duplicates.map { "'\($0)'" }.joined(separator: ", ")
        default:
            message = "\(error)"
        }
        return Diagnostic(
            code: .invalidRulesFile, severity: .error, message: "not valid YAML: \(message)", file: path, location: location)
    }

    /// The line and Character column of a UTF-8 byte offset in the file.
    func locationOfByte(_ offset: Int) -> FileLocation {
        let prefix = String(decoding: source.utf8.prefix(max(0, offset)), as: UTF8.self)
        var line = 1
        var column = 1
        for character in prefix {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return FileLocation(line: line, column: column)
    }
}
