/// Finds a literal that every match of a regex must contain, without PCRE2: the longest run of
/// plain characters in the pattern's top-level concatenation. Conservative by design: any
/// top-level alternation, inline option group `(?`, or the `x` flag gives up (nil).
///
/// ```swift
/// RegexLiteralAnalysis.longestRequiredLiteral(pattern: #"keeps?\s+crash\w*"#, flags: [])   // "crash"
/// RegexLiteralAnalysis.longestRequiredLiteral(pattern: "a|b", flags: [])                    // nil
/// ```
public enum RegexLiteralAnalysis {
    /// The longest required literal, or nil when none can be proven.
    public static func longestRequiredLiteral(pattern: String, flags: RegexFlags) -> String? {
        if flags.contains(.extended) || pattern.contains("(?") { return nil }
        let characters = Array(pattern)
        var runs: [[Character]] = []
        var run: [Character] = []
        func breakRun() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            switch c {
            case "\\":
                guard i + 1 < characters.count else { return nil }
                let next = characters[i + 1]
                if next.isLetter || next.isNumber {
                    breakRun()  // a class (\w, \d), an assertion (\b) or a back-reference
                    if "pPx".contains(next), i + 2 < characters.count, characters[i + 2] == "{" {
                        guard let end = characters[(i + 2)...].firstIndex(of: "}") else { return nil }
                        i = end + 1
                    } else {
                        i += 2
                    }
                } else {
                    run.append(next)
                    i += 2
                }
            case "(":
                breakRun()
                guard let end = closing(characters, from: i, open: "(", close: ")") else { return nil }
                i = end + 1
            case "[":
                breakRun()
                guard let end = classEnd(characters, from: i) else { return nil }
                i = end + 1
            case "|":
                return nil
            case "*", "?":
                if !run.isEmpty { run.removeLast() }
                breakRun()
                i += 1
            case "{":
                if !run.isEmpty { run.removeLast() }
                breakRun()
                while i < characters.count, characters[i] != "}" { i += 1 }
                i += 1
            case "+":
                breakRun()
                i += 1
            case ".", "^", "$", ")":
                breakRun()
                i += 1
            default:
                run.append(c)
                i += 1
            }
            // A quantifier right after a group or class applies to it: nothing to undo.
        }
        breakRun()
        return runs.max { $0.count < $1.count }.map { String($0) }
    }

    private static func closing(_ characters: [Character], from start: Int, open: Character, close: Character) -> Int? {
        var depth = 0
        var i = start
        while i < characters.count {
            switch characters[i] {
            case "\\": i += 1
            case "[": if let end = classEnd(characters, from: i) { i = end } else { return nil }
            case open: depth += 1
            case close:
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    private static func classEnd(_ characters: [Character], from start: Int) -> Int? {
        var i = start + 1
        if i < characters.count, characters[i] == "^" { i += 1 }
        if i < characters.count, characters[i] == "]" { i += 1 }
        while i < characters.count {
            if characters[i] == "\\" {
                i += 2
                continue
            }
            if characters[i] == "]" { return i }
            i += 1
        }
        return nil
    }
}
