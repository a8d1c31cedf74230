/// Finds, without PCRE2, a literal that every match of a regex must contain: used for the
/// "regex with no literal of 3+ characters" warning (rules.md §7) and for presearch.
///
/// Conservative by design: it only reads the pattern's top-level concatenation and returns the
/// longest run of consecutive literal characters there. Anything it is unsure about breaks a
/// run or gives up (nil): a top-level `|`, the `x` flag, inline options `(?i)`, verbs `(*...)`,
/// `\Q...\E`, and unbalanced syntax. Groups, classes, escapes such as `\w` or `\x41`, `.` and
/// assertions break runs; a quantifier that allows zero (`?`, `*`, `{0,n}`) removes the
/// character before it, and one that repeats (`+`, `{2}`) ends the run after it.
///
/// With the `i` flag (``RegexFlags/caseless``) the literal is required up to Unicode case:
/// compare it caselessly.
///
/// ```swift
/// RegexLiteralAnalysis.longestRequiredLiteral(pattern: #"keeps?\s+crash\w*"#, flags: [])   // "crash"
/// RegexLiteralAnalysis.longestRequiredLiteral(pattern: "spotify|deezer", flags: [])        // nil
/// ```
public enum RegexLiteralAnalysis {
    /// The longest literal every match must contain, or nil when none can be proven.
    /// - Parameters:
    ///   - pattern: the PCRE2 pattern.
    ///   - flags: its flags (`x` makes the analysis give up).
    public static func longestRequiredLiteral(pattern: String, flags: RegexFlags) -> String? {
        if flags.contains(.extended) { return nil }
        var scanner = PatternScanner(Array(pattern.unicodeScalars))
        guard let atoms = scanner.topLevelAtoms() else { return nil }
        var runs: [[Unicode.Scalar]] = []
        var run: [Unicode.Scalar] = []
        func endRun() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        for atom in atoms {
            switch (atom.kind, atom.quantifier) {
            case (.literal(let scalar), .once):
                run.append(scalar)
            case (.literal(let scalar), .atLeastOnce):
                run.append(scalar)
                endRun()
            case (.literal, .optional), (.other, _):
                endRun()
            }
        }
        endRun()
        guard let longest = runs.max(by: { $0.count < $1.count }) else { return nil }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: longest)
        return String(scalars)
    }
}

/// One top-level piece of a pattern and how often it must occur.
private struct Atom {
    enum Kind {
        /// One literal code point.
        case literal(Unicode.Scalar)
        /// A group, class, escape, `.` or assertion: nothing the analysis can use.
        case other
    }

    enum Quantifier {
        /// No quantifier.
        case once
        /// `+`, `{n}`, `{n,}`, `{n,m}` with n ≥ 1: present, but repeated.
        case atLeastOnce
        /// `?`, `*`, `{0,...}`: may be absent.
        case optional
    }

    var kind: Kind
    var quantifier: Quantifier = .once
}

/// Splits a pattern into top-level atoms; nil when the analysis must give up.
private struct PatternScanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func topLevelAtoms() -> [Atom]? {
        var atoms: [Atom] = []
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "|", ")":
                return nil  // a top-level alternation, or an unbalanced parenthesis
            case "(":
                if peek(1) == "*" { return nil }  // (*VERB) or (*UTF): options we do not model
                if peek(1) == "?", isOptionSetting(from: index + 2) { return nil }
                guard let end = groupEnd(from: index) else { return nil }
                index = end + 1
                atoms.append(Atom(kind: .other))
            case "[":
                guard let end = classEnd(from: index) else { return nil }
                index = end + 1
                atoms.append(Atom(kind: .other))
            case "\\":
                guard let atom = scanEscape() else { return nil }
                if let atom { atoms.append(atom) }
            case ".", "^", "$":
                index += 1
                atoms.append(Atom(kind: .other))
            case "*", "+", "?":
                // A quantifier with nothing before it: PCRE2 rejects the pattern anyway.
                return nil
            case "{":
                if let quantifier = scanBraceQuantifier() {
                    guard !atoms.isEmpty else { return nil }
                    atoms[atoms.count - 1].quantifier = combine(atoms[atoms.count - 1].quantifier, quantifier)
                    continue
                }
                index += 1
                atoms.append(Atom(kind: .literal(scalar)))
            default:
                index += 1
                atoms.append(Atom(kind: .literal(scalar)))
            }
            // Quantifiers after the atom just added (with lazy `?` / possessive `+` suffixes).
            while index < scalars.count, let last = atoms.indices.last {
                let next = scalars[index]
                if next == "*" || next == "?" {
                    atoms[last].quantifier = .optional
                } else if next == "+" {
                    atoms[last].quantifier = combine(atoms[last].quantifier, .atLeastOnce)
                } else if next == "{", let quantifier = scanBraceQuantifier() {
                    atoms[last].quantifier = combine(atoms[last].quantifier, quantifier)
                    continue
                } else {
                    break
                }
                index += 1
                // `a+?` (lazy) and `a++` (possessive) keep the quantifier's meaning.
                if index < scalars.count, scalars[index] == "?" || scalars[index] == "+" { index += 1 }
            }
        }
        return atoms
    }

    /// Repeated quantifiers (`a{2}{3}`): optional wins, repetition is kept.
    func combine(_ a: Atom.Quantifier, _ b: Atom.Quantifier) -> Atom.Quantifier {
        if case .optional = a { return .optional }
        if case .optional = b { return .optional }
        return .atLeastOnce
    }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// `(?i)`, `(?-x)`, `(?i:` ...: letters and `-`/`^` followed by `)` or `:`.
    func isOptionSetting(from start: Int) -> Bool {
        var i = start
        while i < scalars.count, isASCIILetter(scalars[i]) || isASCIIDigit(scalars[i]) || scalars[i] == "-" || scalars[i] == "^" {
            i += 1
        }
        guard i > start, i < scalars.count else { return false }
        return scalars[i] == ")" || scalars[i] == ":"
    }

    /// `{n}`, `{n,}`, `{n,m}`, `{,m}` at `index`: consumes it and returns its meaning; nil (and
    /// nothing consumed) when the brace is a literal `{`.
    mutating func scanBraceQuantifier() -> Atom.Quantifier? {
        var i = index + 1
        var minimum = ""
        var sawComma = false
        var maximum = ""
        while i < scalars.count, scalars[i] != "}" {
            let s = scalars[i]
            if s == "," {
                if sawComma { return nil }
                sawComma = true
            } else if s == " " {
                // PCRE2 10.43+ allows spaces inside; treat them as part of the quantifier.
            } else if isASCIIDigit(s) {
                if sawComma { maximum.unicodeScalars.append(s) } else { minimum.unicodeScalars.append(s) }
            } else {
                return nil
            }
            i += 1
        }
        guard i < scalars.count, !(minimum.isEmpty && maximum.isEmpty) else { return nil }
        index = i + 1
        return (Int(minimum) ?? 0) >= 1 ? .atLeastOnce : .optional
    }

    /// Scans the escape at `index`. Returns `.some(nil)` for escapes that add nothing (`\E`),
    /// `.some(atom)` for an atom, and nil to give up.
    mutating func scanEscape() -> Atom?? {
        guard let next = peek(1) else { return nil }  // a trailing backslash
        guard isASCIILetter(next) || isASCIIDigit(next) else {
            index += 2
            return .some(Atom(kind: .literal(next)))  // \. \/ \\ \é: that character
        }
        index += 2
        switch next {
        case "Q":
            return nil  // quoted text runs to \E; not worth modelling
        case "E":
            return .some(nil)
        case "x", "o", "N", "p", "P":
            if index < scalars.count, scalars[index] == "{" {
                guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                index = close + 1
            } else if next == "x" {
                var count = 0
                while count < 2, index < scalars.count, scalars[index].properties.isASCIIHexDigit {
                    index += 1
                    count += 1
                }
            } else if next == "p" || next == "P" {
                index += 1  // one-letter property such as \pL
            }
        case "c":
            index += 1  // \cX: a control character
        case "g", "k":
            if index < scalars.count, let close = closer(of: scalars[index]) {
                guard let end = scalars[(index + 1)...].firstIndex(of: close) else { return nil }
                index = end + 1
            } else {
                if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
                while index < scalars.count, isASCIIDigit(scalars[index]) { index += 1 }
            }
        case "0"..."9":
            // A back-reference (\1, \12) or an octal escape (\012): digits belong to it.
            while index < scalars.count, isASCIIDigit(scalars[index]) { index += 1 }
        default:
            break  // \w \d \s \b \A \z \K \R \X \n \t ...: one atom that is not a plain literal
        }
        return .some(Atom(kind: .other))
    }

    func closer(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "{": "}"
        case "<": ">"
        case "'": "'"
        default: nil
        }
    }

    /// The index of the `)` closing the group opened at `start`, skipping escapes and classes.
    func groupEnd(from start: Int) -> Int? {
        var depth = 0
        var i = start
        while i < scalars.count {
            switch scalars[i] {
            case "\\":
                if i + 1 < scalars.count, scalars[i + 1] == "Q" {
                    // \Q...\E inside a group: skip to \E (or the end of the pattern).
                    var j = i + 2
                    while j + 1 < scalars.count, !(scalars[j] == "\\" && scalars[j + 1] == "E") { j += 1 }
                    i = j + 1
                } else {
                    i += 1
                }
            case "[":
                guard let end = classEnd(from: i) else { return nil }
                i = end
            case "(":
                depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// The index of the `]` closing the class opened at `start` (`[]a]`, `[^]a]`, `[[:alpha:]]`
    /// and escapes handled).
    func classEnd(from start: Int) -> Int? {
        var i = start + 1
        if i < scalars.count, scalars[i] == "^" { i += 1 }
        if i < scalars.count, scalars[i] == "]" { i += 1 }
        while i < scalars.count {
            switch scalars[i] {
            case "\\":
                i += 2
                continue
            case "[":
                // A POSIX class [:name:] inside the class.
                if i + 1 < scalars.count, scalars[i + 1] == ":" || scalars[i + 1] == "." || scalars[i + 1] == "=" {
                    let marker = scalars[i + 1]
                    var j = i + 2
                    while j + 1 < scalars.count, !(scalars[j] == marker && scalars[j + 1] == "]") { j += 1 }
                    if j + 1 < scalars.count {
                        i = j + 2
                        continue
                    }
                }
            case "]":
                return i
            default:
                break
            }
            i += 1
        }
        return nil
    }

    func isASCIILetter(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
    func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
}
