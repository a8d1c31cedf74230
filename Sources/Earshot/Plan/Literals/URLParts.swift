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
