// EarshotSyntax: the rule language's front end (rules.md §2–§7, §9).
//
// Owns: reading rules files (`RuleFile.parse`/`load`, YAML or JSON through Yams' node API, with
// every scalar style mapped back to file lines and columns by `QuerySourceMap`), lexing and
// parsing queries (`QueryLexer` → `QueryParser` → `QueryNode`, a value-type AST with a span on
// every node), the syntactic and local checks of §7/§9 with their warnings, the diagnostic
// catalog (`DiagnosticCode`), and rendering diagnostics with carets (`Diagnostic.render`).
//
// Does not own: regex compilation (PCRE2), rule references, duplicate ids and the empty-mention
// check; those need the whole rule set and live in EarshotPlan.
//
// May import: EarshotText (the tokenizer: a query word means "the tokens this word produces")
// and Yams. Nothing above this layer.
//
// Data flow:
//   rules.yaml ──RuleFile.parse──▶ [RuleDefinition] (query text + QuerySourceMap)
//   query ──QueryLexer──▶ [Lexeme] ──QueryParser──▶ QueryNode? + [Diagnostic]
//   Diagnostic.located(in:file:) ──▶ file:line:col ──render()──▶ text with a caret
