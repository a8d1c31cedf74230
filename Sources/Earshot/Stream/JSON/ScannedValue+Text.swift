import EarshotText

extension ScannedValue {
    /// The bytes between a plain string's quotes (`nil` for anything else).
    package func plainContent(in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard kind == .string else { return nil }
        return UnsafeBufferPointer(rebasing: line[(start + 1)..<(end - 1)])
    }

    /// The value as ``JSONParser`` builds it. Only for the rare values the fast path does not
    /// read itself (escaped strings, numbers), so that their meaning is the parser's.
    package func parsed(in line: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard kind != .missing else { return nil }
        return try? JSONParser.parse(UnsafeBufferPointer(rebasing: line[start..<end]), keeping: .everything).value
    }

    /// A string value, decoded (`nil` when it is not a string).
    package func string(in line: UnsafeBufferPointer<UInt8>) -> String? {
        switch kind {
        case .string: return plainContent(in: line).map { String(decoding: $0, as: UTF8.self) }
        case .escapedString:
            if case .string(let text)? = parsed(in: line) { return text }
            return nil
        default: return nil
        }
    }

    /// Strings as they are, numbers and booleans as text, else `nil` (``JSONValue/scalarText``).
    package func scalarText(in line: UnsafeBufferPointer<UInt8>) -> String? {
        switch kind {
        case .string, .escapedString: return string(in: line)
        case .trueLiteral: return "true"
        case .falseLiteral: return "false"
        case .number: return parsed(in: line)?.scalarText
        case .missing, .null, .object, .array: return nil
        }
    }

    /// `true` or `false` for a JSON boolean, else `nil`.
    package var boolValue: Bool? {
        switch kind {
        case .trueLiteral: return true
        case .falseLiteral: return false
        default: return nil
        }
    }
}
