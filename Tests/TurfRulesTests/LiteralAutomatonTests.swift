import Testing
@testable import TurfRules

@Suite struct LiteralAutomatonTests {
    private func found(_ literals: [String], in text: String) -> [Int] {
        let automaton = LiteralAutomaton(literals: literals.map { Array($0.utf8) })
        var folded: [UInt8] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { CaseFold.fold($0, into: &folded) }
        var hits: [Int] = []
        folded.withUnsafeBufferPointer { automaton.scan($0) { hits.append($0) } }
        return hits
    }

    @Test func findsOverlappingLiterals() {
        #expect(found(["he", "she", "his", "hers"], in: "ushers") == [1, 0, 3])
    }

    @Test func findsFoldedCyrillicAndASCII() {
        #expect(found(["хунта", "junta"], in: "КИЕВСКАЯ ХУНТА и Kiev JUNTA") == [0, 1])
        #expect(found(["ёжик"], in: "ЁЖИК") == [0])
    }

    @Test func foldsKelvinSignAndLongS() {
        #expect(CaseFold.fold("\u{212A}iev \u{17F}TOP") == Array("kiev stop".utf8))
        #expect(CaseFold.fold("\u{1C80}\u{1C82}") == Array("во".utf8))
    }

    @Test func emptyInputAndNoLiterals() {
        #expect(found(["abc"], in: "").isEmpty)
        #expect(found([], in: "anything").isEmpty)
    }
}
