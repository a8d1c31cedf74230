// EarshotReport: aggregates annotated JSONL (the output of `earshot match`) into reports, and
// detects spikes, both after the fact (`earshot report`) and live (`earshot match --alerts`).
//
// May import: EarshotText and EarshotStream (for its JSON parser). Never the CLI.
