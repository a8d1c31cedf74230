import Testing

@testable import EarshotText

/// Texts with some non-ASCII break only the clusters that touch non-ASCII bytes as Characters;
/// the units must be exactly those of breaking every cluster.
@Suite("Text units")
struct TextUnitTests {
    static let texts = [
        "café crash", "a\u{301}b", "1\u{FE0F}\u{20E3} keycap", "x\r\né\r\n", "\r\u{301}", "🇸🇪🇸 flags", "e\u{200D}x",
        "\u{600}1 prepend", "한국어 text", "ok 👍🏽👨‍👩‍👧 ok", "#音乐 @spotify", "\u{200B}zero\u{200B}width", "ﬁ ligature",
        "Ｆｕｌｌ　width＄", "tab\tand\u{0B}vt é", "e\u{301}\u{301}", "é", "a\u{FE0F}", "*wild?é",
    ]

    @Test(arguments: texts, [false, true])
    func mixedUnitsMatchCharacterBreaking(text: String, wildcards: Bool) {
        let fast = TextUnits.units(of: text, wildcards: wildcards).map(Self.fields)
        let reference = TextUnits.characterUnits(of: text, wildcards: wildcards).map(Self.fields)
        #expect(fast == reference)
    }

    static func fields(_ unit: TextUnit) -> [Int] {
        [unit.start, unit.end, Int(unit.kind.rawValue), Int(unit.byte), unit.isLetter ? 1 : 0, unit.isASCIILetter ? 1 : 0]
    }
}
