import Testing
@testable import TurfCoordination

@Suite struct GroupingTests {
    @Test func perceptualHashesWithinDistanceGroup() {
        let base: UInt64 = 0xF0F0_1234_ABCD_5555
        let near = base ^ 0b1_0110_0001  // 4 bits
        let near2 = near ^ (1 << 63 | 1 << 40)  // 6 bits from base
        let far = base ^ 0xFFFF_0000_0000_0000  // 16 bits
        let groups = PerceptualHashGrouper.group(hashes: [base, near, far, near2], maximumDistance: 6)
        #expect(groups[0] == groups[1])
        #expect(groups[0] == groups[3])
        #expect(groups[2] != groups[0])
        #expect(PerceptualHashGrouper.group(hashes: [], maximumDistance: 6) == [])
    }

    @Test func nearDuplicateTextsGroupAndDifferentTextsDoNot() {
        let hasher = MinHasher.shared
        var shingler = TextShingler()
        var signatures: [UInt8] = []
        let words = (0..<20).map { "word\($0)" }
        for text in [words.joined(separator: " "), (words.dropLast() + ["other"]).joined(separator: " "),
                     (0..<20).map { "else\($0)" }.joined(separator: " ")] {
            shingler.tokenize(text)
            hasher.appendSignature(tokens: shingler.tokens, shingleSize: 2, to: &signatures)
        }
        let groups = NearDuplicateGrouper.group(signatures: signatures, threshold: 0.8)
        #expect(groups[0] == groups[1])
        #expect(groups[2] != groups[0])
    }

    @Test func louvainSplitsTwoCliquesDeterministically() {
        var edges: [(Int32, Int32, Double)] = []
        for clique in 0..<2 {
            let base = Int32(clique * 5)
            for a in 0..<5 { for b in (a + 1)..<5 { edges.append((base + Int32(a), base + Int32(b), 10)) } }
        }
        edges.append((4, 5, 1))
        let first = Louvain(seed: 3).communities(nodeCount: 10, edges: edges)
        #expect(first == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        #expect(Louvain(seed: 3).communities(nodeCount: 10, edges: edges) == first)
        #expect(Louvain(seed: 99).communities(nodeCount: 10, edges: edges) == first)
        #expect(Louvain().communities(nodeCount: 0, edges: []) == [])
    }

    @Test func pairTableCountsAndOnlyUpdatesWhenAskedNotToInsert() {
        var table = PairTable(capacity: 4)
        for index in 0..<5000 { table.add(PairTable.key(UInt32(index), UInt32(index + 1)), weight: 1, signal: 0, insert: true) }
        table.add(PairTable.key(1, 0), weight: 2, signal: 3, insert: false)
        let inserted = table.add(PairTable.key(7, 9), weight: 2, signal: 3, insert: false)
        #expect(!inserted)
        #expect(table.count == 5000)
        var found: (Float, Int, UInt8)?
        table.forEach { key, weight, count, mask in if key == PairTable.key(0, 1) { found = (weight, count, mask) } }
        #expect(found?.0 == 3)
        #expect(found?.1 == 2)
        #expect(found?.2 == 0b1001)
    }
}
