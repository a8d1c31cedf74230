import ArgumentParser
import Earshot

/// How input lines are read and mapped to mention fields.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input"), help: "Input preset: generic, x-v2 or reddit.")
    var preset = InputPreset.generic

    @Option(name: .customLong("text-field"), help: ArgumentHelp("Text field path (repeatable), e.g. data.text.", valueName: "PATH"))
    var textFields: [String] = []

    @Option(name: .customLong("field"), help: ArgumentHelp("Map a canonical field to a path, e.g. author=user.screen_name.", valueName: "NAME=PATH"))
    var fields: [String] = []

    @Option(help: "Value of source: for every mention (default: the input's own, else the preset name).")
    var source: String?

    @Option(name: .customLong("max-line-bytes"), help: "Longest accepted line; longer lines are rejected whole.")
    var maxLineBytes = 16 << 20

    func validate() throws {
        if maxLineBytes < 2 { throw ValidationError("--max-line-bytes must be at least 2.") }
        _ = try fieldMapping()
    }

    func fieldMapping() throws -> FieldMapping {
        var overrides: [CanonicalField: [String]] = [:]
        for entry in fields {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ValidationError("--field wants NAME=PATH, got '\(entry)'.")
            }
            guard let name = CanonicalField(rawValue: parts[0]) else {
                let known = CanonicalField.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--field: unknown field '\(parts[0])'; known fields: \(known).")
            }
            overrides[name] = Self.path(parts[1])
        }
        return FieldMapping(
            preset: preset, textFields: textFields.map(Self.path), fieldOverrides: overrides, source: source)
    }

    private static func path(_ dotted: String) -> [String] {
        dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}
