import Testing
import TurfCore
import TurfText
@testable import TurfModel

/// Building training sets straight from text, and the data fingerprint computed beside it.
@Suite struct TrainingInputTests {
    static let examples: [LabelledExample] = (0..<1500).map { row in
        let words = ["Крым", "наш", "🇷🇺", "stop", "the", "war", "#peace", "@someone", "now", "never"]
        let text = (0..<(row % 7 + 1)).map { words[(row * 7 + $0 * 3) % words.count] }.joined(separator: " ")
        return LabelledExample(text: row % 97 == 0 ? "" : text, labels: [["FAVOR", "AGAINST", "NONE"][row % 3]])
    }

    @Test func featurizedSetEqualsTheVectorPath() throws {
        let extractor = FeatureExtractor(config: FeatureConfig())
        let (set, digest) = try Trainer.featurizedSet(Trainer.blocks(Self.examples), extractor: extractor)
        let reference = try TrainingSet(vectors: Trainer.featurize(Self.examples.map(\.text), extractor: extractor),
                                        labels: Self.examples.map(\.labels), dimension: extractor.dimension)
        #expect(set.rowStart == reference.rowStart)
        #expect(set.indices == reference.indices)
        #expect(set.values == reference.values)
        #expect(set.targets == reference.targets)
        #expect(set.labelNames == ["AGAINST", "FAVOR", "NONE"])
        #expect(digest == Trainer.fingerprint(Self.examples))
    }

    @Test func blocksOfTextsTrainTheSameModelAsExamples() throws {
        // Uneven blocks, an empty block, multi-label rows and one text longer than a hash chunk.
        let long = String(repeating: "война и мир ", count: 4000)
        let examples = Self.examples.enumerated().map { row, example in
            LabelledExample(text: row == 700 ? long : example.text, labels: row % 5 == 0 ? [] : row % 4 == 0 ? ["FAVOR", "NONE"] : example.labels)
        }
        var blocks = [LabelledTextBlock(), LabelledTextBlock(), LabelledTextBlock()]
        for (row, example) in examples.enumerated() { blocks[row < 10 ? 0 : row < 1000 ? 1 : 2].append(example.text, labels: example.labels) }
        blocks.insert(LabelledTextBlock(), at: 2)
        #expect(Trainer.fingerprint(blocks: blocks) == Trainer.fingerprint(examples))
        for algorithm in [Algorithm.nb, .lr] {
            let options = TrainingOptions(algorithm: algorithm, folds: 3)
            let fromBlocks = try Trainer.train(blocks: blocks, featureConfig: FeatureConfig(), options: options, createdAt: 0)
            let fromExamples = try Trainer.train(examples: examples, featureConfig: FeatureConfig(), options: options, createdAt: 0)
            #expect(fromBlocks.model.fileBytes() == fromExamples.model.fileBytes())
            #expect(fromBlocks.model.metadata.trainingExamples == examples.count)
        }
    }

    @Test func labelsAreNumberedInSortedOrderWithManyLabels() throws {
        // 20 labels: past the short linear scan, onto the dictionary.
        let names = (0..<20).map { "label\(19 - $0)" }
        let labels = (0..<60).map { [names[$0 % 20]] }
        let set = try TrainingSet(vectors: labels.map { _ in SparseVector(indices: [1], values: [1]) }, labels: labels, dimension: 4)
        #expect(set.labelNames == names.sorted())
        #expect(set.isMultiClass)
        for row in 0..<60 { #expect(set.labelNames[set.targets[row][0]] == labels[row][0]) }
    }

    @Test func labelsNumberedBlockByBlockGiveTheSameTargets() throws {
        // Blocks that see labels in different orders, 20 labels (past the linear scan), repeats,
        // several labels and none; then multi-class blocks where one block is a single class.
        let names = (0..<20).map { "l\($0)" }
        let labels: [[String]] = (0..<300).map { row in
            switch row % 11 {
            case 0: []
            case 1: [names[row % 20], names[(row * 7) % 20], names[row % 20]]
            case 2: [names[row % 20], names[row % 20]]
            default: [names[(300 - row) % 20]]
            }
        }
        func set(_ labels: [[String]], cuts: [Int]) throws -> TrainingSet {
            let bounds = [0] + cuts + [labels.count]
            let blocks = (0..<bounds.count - 1).map { BlockLabels(labels[bounds[$0]..<bounds[$0 + 1]]) }
            return try TrainingSet(rowStart: Array(0...labels.count), indices: [UInt32](repeating: 1, count: labels.count),
                                   values: [Float](repeating: 1, count: labels.count), labels: blocks, dimension: 4)
        }
        let whole = try set(labels, cuts: [])
        let parts = try set(labels, cuts: [1, 2, 150, 150, 299])
        #expect(parts.targets == whole.targets)
        #expect(parts.labelNames == whole.labelNames && parts.labelNames == names.sorted())
        #expect(!parts.isMultiClass && !whole.isMultiClass)
        #expect(whole.targets[1] == [whole.labelNames.firstIndex(of: "l1")!, whole.labelNames.firstIndex(of: "l7")!].sorted())
        #expect(whole.targets[0] == [])
        let twoClasses: [[String]] = [["b"], ["b", "b"], ["a"], ["a"]]
        let split = try set(twoClasses, cuts: [2])
        #expect(split.isMultiClass)
        #expect(split.targets == [[1], [1], [0], [0]])
        #expect(throws: TrainingError.singleClass("b")) { try set([["b"], ["b"], ["b", "b"]], cuts: [1]) }
    }

    @Test func repeatedLabelInARowIsStillMultiClassAndMixedRowsAreNot() throws {
        let vector = SparseVector(indices: [0], values: [1])
        let repeated = try TrainingSet(vectors: [vector, vector], labels: [["b", "b"], ["a"]], dimension: 2)
        #expect(repeated.isMultiClass)
        #expect(repeated.targets == [[1], [0]])
        let mixed = try TrainingSet(vectors: [vector, vector, vector], labels: [["b", "a"], [], ["a"]], dimension: 2)
        #expect(!mixed.isMultiClass)
        #expect(mixed.targets == [[0, 1], [], [0]])
        #expect(throws: TrainingError.singleClass("x")) {
            try TrainingSet(vectors: [vector, vector], labels: [["x"], ["x"]], dimension: 2)
        }
        #expect(throws: TrainingError.emptyDataSet) { try TrainingSet(vectors: [], labels: [], dimension: 2) }
    }

    @Test func finalFitBesideTheFoldsEqualsTheFitAfterThem() throws {
        let set = try SolverTests.problemSet(rows: 120, features: 50, classes: 3)
        for algorithm in Algorithm.allCases {
            let hyper = Hyperparameters(balanced: true)
            let both = CrossValidation.outOfFoldScoresAndFit(set, algorithm: algorithm, hyper: hyper, folds: 4, seed: 3)
            #expect(both.scores == CrossValidation.outOfFoldScores(set, algorithm: algorithm, hyper: hyper, folds: 4, seed: 3))
            #expect(both.model == Trainer.fit(set, algorithm: algorithm, hyper: hyper), "\(algorithm)")
        }
    }
}
