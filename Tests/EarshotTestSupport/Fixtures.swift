import Foundation

/// Finds and reads the repository's `Fixtures/` files from tests.
public enum Fixtures {
    /// The repository root, found from this file's path (Tests/EarshotTestSupport/Fixtures.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The URL of a path relative to `Fixtures/`.
    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(relativePath)
    }

    /// Every `.jsonl` file in a `Fixtures/` subfolder, sorted by name.
    public static func jsonlFiles(in folder: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: url(folder), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// One fixture case: its group (file stem), line number and decoded object.
    public struct Case: Sendable, CustomStringConvertible {
        /// The file stem, e.g. `near` for `near.jsonl`.
        public var group: String
        /// The case name (`name` member), unique within its file.
        public var name: String
        /// 1-based line in the file.
        public var line: Int
        /// The decoded JSON object.
        public var object: [String: FixtureValue]
        public var description: String { "\(group)/\(name) (line \(line))" }

        /// A string member, or nil.
        public subscript(string key: String) -> String? {
            if case .string(let s)? = object[key] { return s }
            return nil
        }

        /// A boolean member, or nil.
        public subscript(bool key: String) -> Bool? {
            if case .bool(let b)? = object[key] { return b }
            return nil
        }

        /// An integer member, or nil.
        public subscript(int key: String) -> Int? {
            if case .number(let n)? = object[key] { return Int(n) }
            return nil
        }
    }

    /// Decodes every non-blank line of a JSONL fixture file as an object with a unique `name`,
    /// keeping the cases that `EARSHOT_TEST` allows.
    public static func cases(in file: URL) throws -> [Case] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let group = file.deletingPathExtension().lastPathComponent
        var seen = Set<String>()
        var result: [Case] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let value = try JSONDecoder().decode(FixtureValue.self, from: Data(line.utf8))
            guard case .object(let object) = value else {
                throw FixtureError("\(file.lastPathComponent):\(offset + 1): not a JSON object")
            }
            guard case .string(let name)? = object["name"] else {
                throw FixtureError("\(file.lastPathComponent):\(offset + 1): no \"name\"")
            }
            guard seen.insert(name).inserted else {
                throw FixtureError("\(file.lastPathComponent):\(offset + 1): duplicate case name \(name)")
            }
            result.append(Case(group: group, name: name, line: offset + 1, object: object))
        }
        return result.filter { TestFilter.current.allows(names: [$0.name, "\($0.group)/\($0.name)", $0.group]) }
    }
}

/// A JSON value decoded from a fixture.
public enum FixtureValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([FixtureValue])
    case object([String: FixtureValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([FixtureValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: FixtureValue].self))
        }
    }

    /// The value as JSON text (for feeding lines to the CLI or the stream layer).
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): return FixtureValue.quote(s)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { FixtureValue.quote($0) + ":" + (members[$0]?.jsonText ?? "null") }
                .joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A malformed fixture.
public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// `EARSHOT_TEST=name,-name` narrows fixture-driven tests to some cases (or leaves some out).
/// A name may be a case name, `group/name`, or a whole group (file stem).
public struct TestFilter: Sendable {
    var include: Set<String>
    var exclude: Set<String>

    /// The filter from the environment.
    public static let current: TestFilter = {
        let raw = ProcessInfo.processInfo.environment["EARSHOT_TEST"] ?? ""
        var include = Set<String>()
        var exclude = Set<String>()
        for item in raw.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if item.hasPrefix("-") { exclude.insert(String(item.dropFirst())) } else { include.insert(item) }
        }
        return TestFilter(include: include, exclude: exclude)
    }()

    /// Whether a case known by any of `names` passes the filter.
    public func allows(names: [String]) -> Bool {
        if names.contains(where: exclude.contains) { return false }
        return include.isEmpty || names.contains(where: include.contains)
    }
}
