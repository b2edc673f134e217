import Foundation
import Testing
import TurfCoordination
import TurfCore
import TurfIO
import TurfModel
import TurfPipeline
import TurfSimulate
import TurfText
import TurfTimeline

/// Runs the whole analyze job on simulated traffic with a model trained from the shipped data.
@Suite struct AnalyzeJobTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A small logistic-regression model trained from the shipped TrainingData.
    static func trainedClassifier() throws -> StanceClassifier {
        var examples: [LabelledExample] = []
        for file in ["stance-en.jsonl", "stance-ru.jsonl"] {
            let reader = LineReader(path: repository + "/TrainingData/" + file)
            try reader.forEachLine { line, _ in
                let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                examples.append(LabelledExample(text: object?["text"] as? String ?? "", labels: object?["labels"] as? [String] ?? []))
                return true
            }
        }
        let trained = try Trainer.train(
            examples: examples, featureConfig: FeatureConfig(), options: TrainingOptions(algorithm: .lr, folds: 0), createdAt: 0
        )
        return StanceClassifier(model: trained.model)
    }

    @Test func writesEveryFileAndRanksPlantedCampaignsFirst() throws {
        let directory = NSTemporaryDirectory() + "turfwatch-analyze-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard var config = SimulationConfig.scenario(named: "small") else { Issue.record("no small scenario"); return }
        config.seed = 3
        try FileManager.default.createDirectory(atPath: directory + "/sim", withIntermediateDirectories: true)
        _ = try Simulator.run(config: config, directory: directory + "/sim", outputs: .posts)
        let options = AnalyzeOptions(
            classify: ClassifyOptions(threads: 2), timeline: TimelineConfig(bucketSeconds: 86_400, minPosts: 10, workers: 2),
            coordination: CoordinationConfig(), outputDirectory: directory + "/out", title: "test run",
            reproduce: ["turfwatch analyze sim/posts.jsonl --out out"]
        )
        var log: [String] = []
        let summary = try AnalyzeJob.run(
            inputs: [directory + "/sim/posts.jsonl"], classifier: try Self.trainedClassifier(), options: options, progress: false
        ) { log.append($0) }
        let written = try Set(FileManager.default.contentsOfDirectory(atPath: directory + "/out"))
        #expect(written == Set(summary.files))
        #expect(written.isSuperset(of: ["classified.jsonl", "timelines.jsonl", "switches.jsonl", "accounts.csv", "pairs.csv", "clusters.jsonl", "report.html"]))
        #expect(summary.classify.skippedTotal == 0)
        #expect(summary.clusters >= 1)

        let truth = try String(contentsOfFile: directory + "/sim/truth.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let campaign = Set(truth.map { $0.split(separator: ",", omittingEmptySubsequences: false) }.filter { $0[2] == "campaign" }.map { String($0[0]) })
        let ranked = try String(contentsOfFile: directory + "/out/accounts.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",")[0]) }
        let top = Set(ranked.prefix(campaign.count))
        let precision = Double(top.intersection(campaign).count) / Double(campaign.count)
        #expect(precision >= 0.8, "precision at k = \(precision)")

        let html = try String(contentsOfFile: directory + "/out/report.html", encoding: .utf8)
        #expect(html.contains("<h2>Suspicious clusters</h2>"))
        #expect(html.contains("class=\"timeline\""))
        #expect(html.contains("turfwatch analyze sim/posts.jsonl --out out"))
    }
}
