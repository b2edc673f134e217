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

    @Test func itemsArePackedInOrderIntoAtMost64BlocksOfAtLeast256() {
        func sizes(_ count: Int) -> [Int] {
            LabelledTextBlock.blocks(of: Array(0..<count), text: { "t\($0)" }, labels: { [$0 % 2 == 0 ? "A" : "B"] }).map(\.count)
        }
        #expect(sizes(0) == [0])
        #expect(sizes(255) == [255])
        #expect(sizes(1000) == [333, 333, 334])
        #expect(sizes(20_000).count == 64)
        #expect(sizes(20_000).min() == 312)
        #expect(sizes(20_000).reduce(0, +) == 20_000)
        // A slice with a non-zero start: texts and labels in order, block after block.
        let blocks = LabelledTextBlock.blocks(of: Array(0..<1300)[700...], text: { "t\($0)" }, labels: { [$0 % 2 == 0 ? "A" : "B"] })
        #expect(blocks.map(\.count) == [300, 300])
        #expect(blocks.flatMap { block in (0..<block.count).map { block.text($0) } } == (700..<1300).map { "t\($0)" })
        #expect(blocks[1].labels.first == ["A"])
    }
}
