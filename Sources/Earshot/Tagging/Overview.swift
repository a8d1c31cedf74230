// EarshotTagging: what a matched mention is about and how it feels (tagging.md).
//
// Owns: the sentiment scorer (VADER family, lexicon resources under Resources/), the issue-type
// classifier (an issue pack compiled with the ordinary rule engine), and kind / needs_response /
// priority.
//
// May import: EarshotText, EarshotSyntax, EarshotPlan, EarshotEngine. Never Stream or above.
