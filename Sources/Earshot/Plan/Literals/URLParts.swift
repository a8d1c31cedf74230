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
            guard let parts = URLParts.ascii(Array(url.utf8)) else { return nil }
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
    private static func ascii(_ bytes: [UInt8]) -> URLParts? {
        var start = 0
        if let schemeEnd = firstIndex(of: Array("://".utf8), in: bytes) {
            let scheme = bytes[0..<schemeEnd]
            let isSchemeByte: (UInt8) -> Bool = {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B
                    || $0 == 0x2E || $0 == 0x2D
            }
            if !scheme.isEmpty, scheme.allSatisfy(isSchemeByte) { start = schemeEnd + 3 }
        }
        let hostEnd = bytes[start...].firstIndex { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 } ?? bytes.count
        var host = bytes[start..<hostEnd].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }[...]
        let path = String(decoding: bytes[hostEnd...], as: UTF8.self)
        if let at = host.lastIndex(of: 0x40) { host = host[(at + 1)...] }
        if let colon = host.lastIndex(of: 0x3A), host[(colon + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            host = host[..<colon]
        }
        if host.starts(with: Array("www.".utf8)) { host = host.dropFirst(4) }
        guard !host.isEmpty else { return nil }
        return URLParts(host: String(decoding: host, as: UTF8.self), path: path)
    }

    private init(host: String, path: String) {
        self.host = host
        self.path = path
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
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
