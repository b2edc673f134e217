import Testing
import TurfCore

@Suite struct LabelledTextBlockTests {
    @Test func textsAreStoredBackToBackWithTheirLabels() {
        var block = LabelledTextBlock()
        block.reserveCapacity(texts: 4, bytes: 32)
        block.append("Крым", labels: ["AGAINST"])
        block.append("", labels: [])
        Array("👍 ok".utf8).withUnsafeBufferPointer { block.append($0, labels: ["FAVOR", "NONE"]) }
        #expect(block.count == 3)
        #expect(block.bytes == Array("Крым👍 ok".utf8))
        #expect(block.ends == [8, 8, 15])
        #expect((0..<3).map { block.range($0) } == [0..<8, 8..<8, 8..<15])
        #expect((0..<3).map { block.text($0) } == ["Крым", "", "👍 ok"])
        #expect(block.labels == [["AGAINST"], [], ["FAVOR", "NONE"]])
        #expect(LabelledTextBlock().count == 0)
    }
}
