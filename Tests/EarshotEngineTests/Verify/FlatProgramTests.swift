import EarshotText
import Testing

@testable import EarshotEngine

/// The flat layout of verify trees (matching itself is covered by the differential tests).
@Suite("Flat verify program")
struct FlatProgramTests {
    static func term(_ text: String) -> VerifyNode {
        .sequence([VerifyPattern(kind: .word, exact: false, literal: text, glob: nil)])
    }

    @Test func layoutLinksChildrenByIndex() {
        let rule0 = VerifyNode.and([Self.term("a"), .or([Self.term("b"), Self.term("c")])])
        let rule1 = VerifyNode.not(.reference(0))
        let program = FlatProgram([rule0, rule1])
        #expect(program.nodes.map(\.op) == [.sequence, .sequence, .sequence, .or, .and, .reference, .not])
        #expect(program.roots == [4, 6])
        #expect(program.children == [1, 2, 0, 3])
        #expect(program.patterns.map(\.literal) == ["a", "b", "c"])
        let and = program.nodes[4]
        #expect(Array(program.children[Int(and.first)..<Int(and.first + and.count)]) == [0, 3])
        #expect(program.nodes[6].first == 5)
        #expect(program.nodes[5].first == 0)
    }
}
