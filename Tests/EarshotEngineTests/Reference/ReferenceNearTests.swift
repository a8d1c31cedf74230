import EarshotEngine
import EarshotText
import Testing

/// rules.md §4: proximity, with its four examples and the n / n+1 boundaries.
@Suite("Reference evaluator: NEAR (rules.md §4)")
struct ReferenceNearTests {
    static let specExamplesTable: [Row] = [
        Row("spotify NEAR/2 crash", "spotify crash", true),
        Row("spotify NEAR/2 crash", "spotify app keeps crash", true),
        Row("spotify NEAR/2 crash", "spotify app keeps on crash", false),
        Row("spotify NEAR/2 crash", "crash on spotify", true),
        Row("spotify NEAR/2f crash", "crash on spotify", false),
        Row("spotify NEAR/2f crash", "spotify on crash", true),
    ]

    static let boundariesTable: [Row] = [
        // Exactly n tokens between: match; n+1: no match. Either order.
        Row("spotify NEAR/0 crash", "spotify crash", true),
        Row("spotify NEAR/0 crash", "spotify x crash", false),
        Row("spotify NEAR/0 crash", "crash spotify", true),
        Row("spotify NEAR/1 crash", "spotify x crash", true),
        Row("spotify NEAR/1 crash", "spotify x y crash", false),
        Row("spotify NEAR/3 crash", "crash a b c spotify", true),
        Row("spotify NEAR/3 crash", "crash a b c d spotify", false),
        Row("spotify NEAR/03 crash", "crash a b c spotify", true),
        Row("spotify NEAR/3f crash", "crash a b c spotify", false),
        // Some pair is enough, whichever occurrences.
        Row("spotify NEAR/1 crash", "spotify a b c d crash x spotify", true),
        // Every token kind counts for distance: emoji, URLs, entities.
        Row("spotify NEAR/1 crash", "spotify 😡 crash", true),
        Row("spotify NEAR/1 crash", "spotify 😡 😡 crash", false),
        Row("spotify NEAR/1 crash", "spotify https://x.com crash", true),
        Row("spotify NEAR/1 crash", "spotify #app crash", true),
    ]

    static let phrasesAndGroupsTable: [Row] = [
        // A phrase first: measured from its last token.
        Row("\"spotify app\" NEAR/0 crash", "spotify app crash", true),
        Row("\"spotify app\" NEAR/0 crash", "spotify app x crash", false),
        // A phrase second: measured from its first token.
        Row("spotify NEAR/1 \"keeps crashing\"", "spotify app keeps crashing", true),
        Row("spotify NEAR/0 \"keeps crashing\"", "spotify app keeps crashing", false),
        // Reversed, the phrase first.
        Row("spotify NEAR/0 \"keeps crashing\"", "keeps crashing spotify", true),
        // Overlapping occurrences never satisfy NEAR.
        Row("spotify NEAR/5 \"spotify app\"", "spotify app", false),
        Row("spotify NEAR/5 \"spotify app\"", "spotify app spotify", true),
        Row("crash NEAR/0 crash*", "crash", false),
        Row("crash NEAR/0 crash*", "crash crashing", true),
        // OR-groups: the union of their operands' occurrences.
        Row("(crash* OR freez*) NEAR/5 (iphone OR android)", "my android keeps freezing", true),
        Row("(crash* OR freez*) NEAR/5 (iphone OR android)", "my android is fine", false),
        Row("((crash OR bug) OR \"keeps closing\") NEAR/1 app", "the app keeps closing", true),
        Row("(\"x y\") NEAR/0 z", "x y z", true),
        Row("{Apple} NEAR/1 #music", "Apple loves #music", true),
        Row("{Apple} NEAR/1 #music", "apple loves #music", false),
        Row("😡 NEAR/0 spotify", "spotify 😡", true),
    ]

    static let entityWidthTable: [Row] = [
        // #Spotify很卡 occupies positions 0, 1, 2 (spotify, 很, 卡); "crash" is at position 3.
        Row("#spotify很卡 NEAR/0 crash", "#Spotify很卡 crash", true),
        Row("\"#spotify很卡 crash\"", "#Spotify很卡 crash", true),
        Row("\"卡 crash\"", "#Spotify很卡 crash", true),
        Row("\"spotify crash\"", "#Spotify很卡 crash", false),
        Row("\"spotify 很 卡\"", "#Spotify很卡", true),
        Row("spotify NEAR/1 crash", "#Spotify很卡 crash", false),
        Row("spotify NEAR/2 crash", "#Spotify很卡 crash", true),
        // The entity and its own word view overlap: never NEAR.
        Row("#spotify很卡 NEAR/3 卡", "#Spotify很卡", false),
    ]

    @Test(arguments: specExamplesTable) func specExamples(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: boundariesTable) func distanceBoundaries(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: phrasesAndGroupsTable) func phrasesAndGroups(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
    @Test(arguments: entityWidthTable) func entitiesOccupyTheirWidth(_ row: Row) { #expect(Oracle.matches(row.query, row.text) == row.match) }
}
