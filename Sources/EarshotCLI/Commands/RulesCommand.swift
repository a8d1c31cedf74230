import ArgumentParser
import Earshot

/// `earshot rules --print-default`: print the built-in rule pack so users can copy and edit it.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Show the built-in rule pack.")

    @Flag(name: .customLong("print-default"), help: "Print the built-in rule pack as YAML.")
    var printDefault = false

    @Option(help: "Brand name to fill into the pack.")
    var brand = DefaultRulePack.defaultBrand

    @Option(help: "Support handle to fill into the pack, without @.")
    var handle = DefaultRulePack.defaultHandle

    func validate() throws {
        if !printDefault { throw ValidationError("Say what to show: --print-default.") }
    }

    func run() throws {
        Terminal.standardOutput.write(try DefaultRulePack.yaml(brand: brand, handle: handle))
    }
}
