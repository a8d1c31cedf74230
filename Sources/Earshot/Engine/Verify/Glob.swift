/// A wildcard pattern over Unicode scalars: `*` is any run (possibly empty), `?` exactly one.
///
/// ```swift
/// Glob("colo*r").matches("colour")   // true
/// Glob("colo?r").matches("color")    // false: ? needs exactly one scalar
/// ```
///
/// Patterns without `?` (nearly all: `crash*`, `*tify`, `colo*r`) match on UTF-8 bytes with no
/// allocation: a literal run that is valid UTF-8 can only be found at scalar boundaries of valid
/// UTF-8 text, so byte and scalar matching agree. Patterns with `?` compare scalars.
package struct Glob: Sendable, Hashable {
    private enum Piece: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case one
        case any
    }

    private let pieces: [Piece]
    /// The literal runs between `*`s, as UTF-8 (the first and last may be empty); nil with `?`.
    private let runs: [[UInt8]]?

    /// Compiles a pattern in which `*` and `?` are wildcards.
    package init(_ pattern: String) {
        pieces = pattern.unicodeScalars.map { scalar in
            switch scalar {
            case "*": .any
            case "?": .one
            default: .literal(scalar)
            }
        }
        runs = pattern.contains("?")
            ? nil : pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// True when the whole of `text` matches.
    package func matches(_ text: String) -> Bool {
        guard let runs else { return matchesScalars(text) }
        var text = text
        return text.withUTF8 { Self.matches(runs: runs, bytes: $0) }
    }

    /// Star-only matching: the first run is a prefix, the last a suffix, and the middle runs
    /// occur in order in between (leftmost placement is always safe with only `*`).
    private static func matches(runs: [[UInt8]], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = runs.first, let last = runs.last else { return bytes.isEmpty }
        if runs.count == 1 { return bytes.elementsEqual(first) }
        guard first.count + last.count <= bytes.count,
            bytes.prefix(first.count).elementsEqual(first),
            bytes.suffix(last.count).elementsEqual(last)
        else { return false }
        var start = first.count
        let end = bytes.count - last.count
        for run in runs.dropFirst().dropLast() where !run.isEmpty {
            guard let found = find(run, in: bytes, from: start, to: end) else { return false }
            start = found + run.count
        }
        return true
    }

    /// The first index at or after `from` where `run` occurs wholly before `to`.
    private static func find(_ run: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard to - from >= run.count else { return nil }
        var index = from
        while index + run.count <= to {
            if bytes[index] == run[0], bytes[index..<index + run.count].elementsEqual(run) { return index }
            index += 1
        }
        return nil
    }

    /// The general matcher, for patterns with `?`.
    private func matchesScalars(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var p = 0
        var t = 0
        var starPiece = -1
        var starText = 0
        while t < scalars.count {
            if p < pieces.count {
                switch pieces[p] {
                case .literal(let scalar) where scalar == scalars[t]:
                    p += 1
                    t += 1
                    continue
                case .one:
                    p += 1
                    t += 1
                    continue
                case .any:
                    starPiece = p
                    starText = t
                    p += 1
                    continue
                default:
                    break
                }
            }
            guard starPiece >= 0 else { return false }
            p = starPiece + 1
            starText += 1
            t = starText
        }
        while p < pieces.count, pieces[p] == .any { p += 1 }
        return p == pieces.count
    }
}
