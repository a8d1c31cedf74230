// The Earshot facade: one import for library users.
//
// Data flow (one folder per layer under Sources/Earshot):
//   Text    tokenizer and folding: how a mention becomes tokens (rules.md §1)
//   Syntax  rules files, query lexer/parser, AST, diagnostics with carets
//   Regex   the PCRE2 wrapper (JIT, match and depth limits)
//   Plan    rule references resolved, semantic checks, the checked rule set
//   Engine  evaluation: the reference evaluator (the oracle) and the fast matcher
//   Tagging sentiment, issue type (an issue pack of rules), kind, needs-response, priority
//   Stream  JSONL framing, presets, byte-exact annotation splicing, bad-input accounting
//   Report  aggregation of annotated output, spike detection
//   API     this facade: RuleSet, DefaultRulePack, TaggingSetup
@_exported import EarshotStream
@_exported import EarshotSyntax
@_exported import EarshotTagging
@_exported import EarshotReport
@_exported import EarshotText
@_exported import struct EarshotEngine.QueryExplanation
