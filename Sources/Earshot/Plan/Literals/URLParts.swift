/// The host and path of a URL as rules.md §5/§9 compare them: scheme and a leading `www.`
/// ignored, host lower-cased with its port dropped, path kept as written (starting at `/`).
///
/// ```swift
/// URLParts("https://WWW.Open.Spotify.com:443/track/1?si=x")   // host "open.spotify.com", path "/track/1?si=x"
/// URLParts("spotify.com")                                      // host "spotify.com", path ""
/// ```
package struct URLParts: Sendable, Hashable {
    /// Lower-cased host without port and without a leading `www.`.
    package var host: String
    /// Everything from the first `/`, `?` or `#` after the host (empty when none).
    package var path: String

    /// Splits a URL or a `url:` value; nil when there is no host.
    package init?(_ url: String) {
        if url.utf8.allSatisfy({ $0 < 0x80 }) {
            let parts = url.utf8.withContiguousStorageIfAvailable(URLParts.ascii) ?? Array(url.utf8).withUnsafeBufferPointer(URLParts.ascii)
            guard let parts else { return nil }
            self = parts
            return
        }
        var rest = Substring(url)
        if let schemeEnd = rest.firstRange(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) {
                rest = rest[schemeEnd.upperBound...]
            }
        }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        path = String(rest[hostEnd...])
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) {
            host = String(host[..<colon])
        }
        if host.hasPrefix("www.") { host = String(host.dropFirst(4)) }
        guard !host.isEmpty else { return nil }
        self.host = host
    }

    /// The same steps on the bytes of an all-ASCII URL (the common case; no Character work).
    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> URLParts? {
        let split = asciiSplit(bytes)
        guard !split.host.isEmpty else { return nil }
        let host = bytes[split.host].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[split.pathStart...]), as: UTF8.self)
        return URLParts(host: String(decoding: host, as: UTF8.self), path: path)
    }

    /// Where the host of an all-ASCII URL lies in its bytes, not yet lower-cased (presearch
    /// lower-cases it straight into its key buffer); nil when there is no host.
    /// - Precondition: every byte is ASCII.
    package static func asciiHostRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let host = asciiSplit(bytes).host
        return host.isEmpty ? nil : host
    }

    /// The host range (after dropping user info, a numeric port and `www.`, compared without
    /// case) and where the path starts, in the bytes of an all-ASCII URL.
    private static func asciiSplit(_ bytes: UnsafeBufferPointer<UInt8>) -> (host: Range<Int>, pathStart: Int) {
        var start = 0
        if let schemeEnd = firstSchemeSeparator(in: bytes) {
            var isScheme = schemeEnd > 0
            for byte in bytes[0..<schemeEnd] where !isSchemeByte(byte) { isScheme = false }
            if isScheme { start = schemeEnd + 3 }
        }
        var hostEnd = start
        while hostEnd < bytes.count, bytes[hostEnd] != 0x2F, bytes[hostEnd] != 0x3F, bytes[hostEnd] != 0x23 { hostEnd += 1 }
        var host = start..<hostEnd
        if let at = bytes[host].lastIndex(of: 0x40) { host = (at + 1)..<host.upperBound }
        if let colon = bytes[host].lastIndex(of: 0x3A), bytes[(colon + 1)..<host.upperBound].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            host = host.lowerBound..<colon
        }
        if host.count >= 4, bytes[host.lowerBound] | 0x20 == 0x77, bytes[host.lowerBound + 1] | 0x20 == 0x77,
            bytes[host.lowerBound + 2] | 0x20 == 0x77, bytes[host.lowerBound + 3] == 0x2E
        {
            host = (host.lowerBound + 4)..<host.upperBound  // "www." in any case
        }
        return (host, hostEnd)
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B
            || byte == 0x2E || byte == 0x2D
    }

    private init(host: String, path: String) {
        self.host = host
        self.path = path
    }

    /// The index of the first `://`.
    private static func firstSchemeSeparator(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        for i in 0...(bytes.count - 3) where bytes[i] == 0x3A && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F { return i }
        return nil
    }

    /// Every dot-suffix of the host, itself first: `a.b.com` → `a.b.com`, `b.com`, `com`.
    package var hostSuffixes: [Substring] {
        var result: [Substring] = [Substring(host)]
        var index = host.startIndex
        while let dot = host[index...].firstIndex(of: ".") {
            index = host.index(after: dot)
            result.append(host[index...])
        }
        return result
    }

    /// True when this URL satisfies `url:value` (host equal or a subdomain, path a plain prefix).
    package func satisfies(_ query: URLParts) -> Bool {
        guard host == query.host || host.hasSuffix("." + query.host) else { return false }
        return query.path.isEmpty || query.path == "/" || path.hasPrefix(query.path)
    }
}
