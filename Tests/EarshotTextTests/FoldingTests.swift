import EarshotText
import Testing

@Suite("Folding")
struct FoldingTests {
    @Test(arguments: [
        ("Café", "cafe"), ("ÑANDÚ", "nandu"), ("Straße", "strasse"), ("İstanbul", "istanbul"), ("ıi", "ii"),
        ("Bjørn", "bjorn"), ("Łódź", "lodz"), ("Đaković", "dakovic"), ("Æther", "aether"), ("Œuvre", "oeuvre"),
        ("Þing", "thing"), ("ＳＰＯＴＩＦＹ", "spotify"), ("𝐒𝐩𝐨𝐭𝐢𝐟𝐲", "spotify"), ("ﬁle", "file"),
        ("Καλημέρα", "καλημερα"), ("ЕЩЁ", "еще"), ("バ", "バ"), ("ภาษา", "ภาษา"), ("spоtify", "spоtify"),
        ("MiXeD 123", "mixed 123"),
    ])
    func fold(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test func nfcComposes() {
        #expect(TextFolding.nfc("e\u{0301}") == "é")
        #expect(TextFolding.nfc("ascii only") == "ascii only")
    }
}
