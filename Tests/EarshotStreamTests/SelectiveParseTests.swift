import EarshotTestSupport
import EarshotText
import Foundation
import Testing

@testable import EarshotStream

/// The selective parse (only the preset's members built) against the full parse: same accepted
/// lines, same errors at the same offsets, same mention fields, on the fixtures and on thousands
/// of corrupted variants of them.
@Suite("Selective JSON parse")
struct SelectiveParseTests {
    static func fixtureLines(_ name: String) throws -> [[UInt8]] {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Fixtures/mentions/\(name)")
        return try Data(contentsOf: url).split(separator: 0x0A).map { Array($0) }
    }

    /// Everything of a mention but its root (which the selective parse builds partly).
    static func fields(_ mention: Mention) -> [String] {
        [mention.texts.joined(separator: "\u{1}"), mention.author ?? "-", mention.lang ?? "-", mention.source ?? "-",
         mention.country ?? "-", mention.id ?? "-", mention.urls.joined(separator: "\u{1}"), "\(mention.isReply)",
         "\(mention.isRetweet)", "\(mention.isQuote)", mention.inReplyTo ?? "-", mention.createdAt ?? "-"]
    }

    enum Outcome: Equatable {
        case error(String, Int)
        case rejected(String)
        case mention([String], empty: Bool)
    }

    static func full(_ line: [UInt8], _ mapping: FieldMapping) -> Outcome {
        do {
            let value = try JSONParser.parse(line)
            guard case .object(let members) = value else { return .rejected("not-object") }
            do { return .mention(fields(try mapping.mention(from: value)), empty: members.isEmpty) } catch {
                return .rejected(error.reason.rawValue)
            }
        } catch {
            return .error(error.message, error.offset)
        }
    }

    static func selective(_ line: [UInt8], _ mapping: FieldMapping, _ keep: JSONKeep) -> Outcome {
        do {
            let (value, count) = try line.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
                try JSONParser.parse(buffer, keeping: keep)
            }
            guard case .object = value else { return .rejected("not-object") }
            do { return .mention(fields(try mapping.mention(from: value)), empty: count == 0) } catch {
                return .rejected(error.reason.rawValue)
            }
        } catch {
            return .error(error.message, error.offset)
        }
    }

    @Test("fixtures and 20,000 corrupted variants decode the same way", arguments: [
        ("generic.jsonl", InputPreset.generic), ("x-v2.jsonl", InputPreset.xV2),
    ])
    func sameOutcomes(file: String, preset: InputPreset) throws {
        let mapping = FieldMapping(preset: preset)
        let keep = mapping.keepTree(fieldPaths: [["lang"], ["user", "location"]], annotationKey: "earshot")
        let lines = try Self.fixtureLines(file)
        var seed = UInt64(0x5EED)
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        var checked = 0
        for line in lines {
            #expect(Self.full(line, mapping) == Self.selective(line, mapping, keep))
            for _ in 0..<(20_000 / max(lines.count, 1) + 1) {
                var variant = line
                switch next() % 4 {
                case 0: variant = Array(variant.prefix(Int(next() % UInt64(variant.count + 1))))  // truncated
                case 1:  // one byte replaced by a JSON-significant one
                    let position = Int(next() % UInt64(max(variant.count, 1)))
                    let significant = Array(#"{}[]",:\ 0a-"#.utf8)
                    if !variant.isEmpty { variant[position] = significant[Int(next() % UInt64(significant.count))] }
                case 2:  // a byte removed
                    if !variant.isEmpty { variant.remove(at: Int(next() % UInt64(variant.count))) }
                default:  // an escape or control character inserted
                    let insert = [Array(#"\u00e9"#.utf8), Array(#"\ud83d\ude00"#.utf8), [0x01], Array(#"\x"#.utf8), Array(#"\""#.utf8)][Int(next() % 5)]
                    variant.insert(contentsOf: insert, at: Int(next() % UInt64(variant.count + 1)))
                }
                guard String(validating: variant, as: UTF8.self) != nil else { continue }
                #expect(Self.full(variant, mapping) == Self.selective(variant, mapping, keep), "\(String(decoding: variant, as: UTF8.self))")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    @Test("escaped member names and duplicate keys follow the full parser")
    func escapedNamesAndDuplicates() {
        let mapping = FieldMapping(preset: .generic)
        let keep = mapping.keepTree(fieldPaths: [], annotationKey: "earshot")
        for line in [
            #"{"t\u0065xt":"escaped name","text":"second"}"#, #"{"text":"first","text":"second"}"#,
            #"{"x":{"y":[1,2,{"z":"\u00e9"}]},"text":"nested skip"}"#, #"{}"#, #"{"text":"a\nb","author":"@ana"}"#,
            #"{"text":"ok","n":-0.5e-3,"b":[true,false,null]}"#, #"{"text":"ok","bad":01}"#,
        ] {
            let bytes = Array(line.utf8)
            #expect(Self.full(bytes, mapping) == Self.selective(bytes, mapping, keep), "\(line)")
        }
    }
}
