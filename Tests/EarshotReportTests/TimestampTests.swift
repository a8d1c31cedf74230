import Testing

@testable import EarshotReport

@Suite("Report timestamps")
struct TimestampTests {
    @Test("RFC 3339 with Z, offsets and fractions; epoch seconds; values checked with `date -u`")
    func parses() {
        // date -u -d 2026-11-21T00:00:00Z +%s → 1795219200
        #expect(Timestamp.parse("2026-11-21T00:00:00Z")?.seconds == 1_795_219_200)
        #expect(Timestamp.parse("2026-11-21T00:00:00.123Z")?.seconds == 1_795_219_200)
        #expect(Timestamp.parse("2026-11-21T02:00:00+02:00")?.seconds == 1_795_219_200)
        #expect(Timestamp.parse("2026-11-20T19:00:00-05:00")?.seconds == 1_795_219_200)
        #expect(Timestamp.parse("2026-11-21T02:00:00+02:00")?.hadOffset == true)
        #expect(Timestamp.parse("2026-11-21 00:00:00Z")?.seconds == 1_795_219_200)
        #expect(Timestamp.parse("1795219200")?.seconds == 1_795_219_200)
        #expect(Timestamp.parse("2024-02-29T12:00:00Z")?.seconds == 1_709_208_000)
    }

    @Test("rejects what is not a timestamp")
    func rejects() {
        for text in ["", "yesterday", "99999999999999999999", "1e400", "2026-13-01T00:00:00Z", "2026-11-21T25:00:00Z", "2026-11-21T00:00:00+0200", "2026-11-21"] {
            #expect(Timestamp.parse(text) == nil, "\(text)")
        }
    }

    @Test("formats back to UTC")
    func formats() {
        #expect(Timestamp.format(1_795_219_200) == "2026-11-21T00:00:00Z")
        #expect(Timestamp.format(1_709_208_000) == "2024-02-29T12:00:00Z")
        #expect(Timestamp.format(0) == "1970-01-01T00:00:00Z")
    }
}
