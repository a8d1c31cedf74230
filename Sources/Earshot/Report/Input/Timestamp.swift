/// Parses the timestamps that mention sources use into Unix seconds (UTC).
///
/// Accepted: RFC 3339 / ISO 8601 date-times with `Z` or a `±hh:mm` offset and optional
/// fractional seconds (`2026-11-21T14:03:00.000Z`, `2026-11-21T16:03:00+02:00`), and Unix epoch
/// seconds as a number or a numeric string (Reddit's `created_utc`).
///
/// ```swift
/// Timestamp.parse("2026-11-21T16:03:00+02:00")?.seconds   // 1795269780
/// ```
package struct Timestamp: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    package var seconds: Int64
    /// Whether the text carried an offset other than UTC.
    package var hadOffset: Bool

    /// Parses a string; `nil` when it is not a timestamp.
    package static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// Parses a string given as its UTF-8 bytes (a JSON string's content, without allocating).
    package static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E }) {
            // Through `epoch`, which refuses values out of range ("99999999999999999999").
            return Double(String(decoding: bytes, as: UTF8.self)).flatMap(epoch)
        }
        return parseRFC3339(bytes)
    }

    /// Epoch seconds given as a JSON number.
    package static func epoch(_ value: Double) -> Timestamp? {
        guard value.isFinite, value >= 0, value < 1e11 else { return nil }
        return Timestamp(seconds: Int64(value), hadOffset: false)
    }

    private static func parseRFC3339(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20 || b[10] == 0x74,
            b[13] == 0x3A, b[16] == 0x3A,
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return nil }
        var i = 19
        if i < b.count, b[i] == 0x2E {
            i += 1
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        }
        var offset = 0
        var hadOffset = false
        if i < b.count {
            switch b[i] {
            case 0x5A, 0x7A: i += 1
            case 0x2B, 0x2D:
                guard let oh = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == 0x3A, let om = digits(i + 4, 2) else { return nil }
                offset = (oh * 3600 + om * 60) * (b[i] == 0x2D ? -1 : 1)
                hadOffset = offset != 0
                i += 6
            default: return nil
            }
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return Timestamp(seconds: seconds, hadOffset: hadOffset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2026-11-21T14:00:00Z` for a Unix time.
    package static func format(_ seconds: Int64) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}

/// Public access to timestamp parsing for the CLI's live alerts.
public enum ReportTime {
    /// Unix seconds of an RFC 3339 date-time or epoch-seconds string, or `nil`.
    public static func seconds(_ text: String) -> Int64? { Timestamp.parse(text)?.seconds }
}
