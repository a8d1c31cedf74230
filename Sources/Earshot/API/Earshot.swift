// The Earshot facade: one import for library users.
//
// Data flow (one folder per layer under Sources/Earshot):
//   Text    tokenizer and folding: how a mention becomes tokens (rules.md §1)
//   Syntax  rules files, query lexer/parser, AST, diagnostics with carets
//   Regex   the PCRE2 wrapper (JIT, match and depth limits)
//   Plan    rule references resolved, semantic checks, the checked rule set
//   Engine  evaluation: the reference evaluator (the oracle) and the fast matcher
//   Stream  JSONL framing, presets, byte-exact annotation splicing, bad-input accounting
//   API     this facade: RuleSet, DefaultRulePack
@_exported import EarshotStream
@_exported import EarshotSyntax
@_exported import EarshotText
