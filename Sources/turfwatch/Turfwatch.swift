import ArgumentParser

/// The `turfwatch` command: parses arguments and hands each subcommand to the library modules.
@main
struct Turfwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "turfwatch",
        abstract: "Find astroturfing: label posts with stances, follow accounts over time, score coordination.",
        version: "0.1.0",
        subcommands: [
            TokenizeCommand.self,
            TrainCommand.self,
            EvaluateCommand.self,
            ModelCommand.self,
            FeaturesCommand.self,
            ClassifyCommand.self,
            RulesCommand.self,
            TimelineCommand.self,
            ScoreCommand.self,
            AnalyzeCommand.self,
            SimulateCommand.self,
        ]
    )
}
