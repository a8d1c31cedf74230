import ArgumentParser
import Earshot

/// Where the matching rules come from: `--rules FILE`, or the built-in pack for a brand.
/// `--brand` and `--handle` also fill in the built-in issue pack, and `--handle` decides which
/// mentions are `direct`, so both apply with `--rules` too.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Rules file (YAML or JSON).", valueName: "FILE"))
    var rules: String?

    @Option(help: "Brand name for the built-in rule and issue packs.")
    var brand = DefaultRulePack.defaultBrand

    @Option(help: "The brand's support handle, without @: fills in the built-in packs and marks direct mentions.")
    var handle = DefaultRulePack.defaultHandle

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
