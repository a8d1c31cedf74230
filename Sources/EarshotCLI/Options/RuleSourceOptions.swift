import ArgumentParser
import Earshot

/// Where the matching rules come from: `--rules FILE`, or the built-in pack for a brand.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Rules file (YAML or JSON).", valueName: "FILE"))
    var rules: String?

    @Option(help: "Brand name for the built-in rule pack (used when --rules is not given).")
    var brand = DefaultRulePack.defaultBrand

    @Option(help: "Support handle for the built-in rule pack, without @.")
    var handle = DefaultRulePack.defaultHandle

    func validate() throws {
        if rules != nil, brand != DefaultRulePack.defaultBrand || handle != DefaultRulePack.defaultHandle {
            throw ValidationError("--brand and --handle apply to the built-in pack; they cannot be used with --rules.")
        }
    }

    /// Loads and compiles the rules, printing diagnostics and exiting 2 on errors.
    func load() throws -> RuleSet {
        do {
            if let rules {
                return try RuleSet(contentsOfFile: rules)
            }
            return try RuleSet.defaultPack(brand: brand, handle: handle)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
