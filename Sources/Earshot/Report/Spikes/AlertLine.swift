/// The JSON line `earshot match --alerts FILE` writes for each alert:
/// `{"alert":"spike","by":"issue_type","key":"playback","bucket_start":"2026-11-22T14:00:00Z",
/// "bucket_seconds":3600,"count":31,"baseline":9.8,"z_score":6.2,"examples":["1","2","3"]}`.
public enum AlertLine {
    /// The line (without `\n`).
    public static func json(_ alert: SpikeAlert, by: String, bucketSeconds: Int64) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func decimal(_ value: Double) -> String { String((value * 100).rounded() / 100) }
        return "{\"alert\":\"spike\",\"by\":\(quoted(by)),\"key\":\(quoted(alert.key)),"
            + "\"bucket_start\":\(quoted(Timestamp.format(alert.bucketStart))),\"bucket_seconds\":\(bucketSeconds),"
            + "\"count\":\(alert.count),\"baseline\":\(decimal(alert.baseline)),\"z_score\":\(decimal(alert.zScore)),"
            + "\"examples\":[\(alert.exampleIDs.map(quoted).joined(separator: ","))]}"
    }
}
