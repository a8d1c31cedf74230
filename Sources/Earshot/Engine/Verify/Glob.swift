/// A wildcard pattern over Unicode scalars: `*` is any run (possibly empty), `?` exactly one.
///
/// ```swift
/// Glob("colo*r").matches("colour")   // true
/// Glob("colo?r").matches("color")    // false: ? needs exactly one scalar
/// ```
package struct Glob: Sendable, Hashable {
    private enum Piece: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case one
        case any
    }

    private let pieces: [Piece]

    /// Compiles a pattern in which `*` and `?` are wildcards.
    package init(_ pattern: String) {
        pieces = pattern.unicodeScalars.map { scalar in
            switch scalar {
            case "*": .any
            case "?": .one
            default: .literal(scalar)
            }
        }
    }

    /// True when the whole of `text` matches.
    package func matches(_ text: String) -> Bool {
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
