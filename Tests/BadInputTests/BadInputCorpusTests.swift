import Foundation
import Testing
import TurfCore
import TurfIO
import TurfModel
import TurfRules

/// Runs every file of `Corpus/` through the library reader its name selects and compares the
/// first error line with the one `Corpus/expected.tsv` gives for it, byte for byte.
///
/// The name's prefix picks the reader: a post format (`twarc2-`, `twarc-csv-`, `io-archive-`,
/// `troll-tweets-`, `csv-`), `labelled-`, `rules-` or `model-`. Paths in the lines are the bare
/// file names, as a user running `turfwatch` inside the corpus folder would see them.
@Suite struct BadInputCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

    /// `expected.tsv`: file name, a tab, the exact error line.
    static let expected: [(file: String, line: String)] = {
        let text = (try? String(contentsOfFile: corpus + "/expected.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { row in
            guard let tab = row.firstIndex(of: "\t") else { return nil }
            return (String(row[..<tab]), String(row[row.index(after: tab)...]))
        }
    }()

    @Test func everyCorpusFileHasAnExpectedLine() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { $0 != "expected.tsv" }.sorted()
        #expect(files == Self.expected.map(\.file).sorted())
        #expect(files.count >= 30)
    }

    @Test(arguments: expected.map(\.file))
    func firstErrorLine(file: String) throws {
        let want = Self.expected.first { $0.file == file }!.line
        let got = try Self.withCorpusDirectory { Self.firstError(file) }
        #expect(got == want, "\(file)")
    }

    /// Runs `body` with the corpus as the working directory, so errors name bare file names.
    /// Serialised, since the working directory is process-wide.
    static func withCorpusDirectory<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(corpus)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return try body()
    }

    static let lock = NSLock()

    /// The first error a reader reports for `file`, or `accepted` when there is none.
    static func firstError(_ file: String) -> String {
        do {
            if file.hasPrefix("model-") {
                _ = try StanceModel.load(path: file)
            } else if file.hasPrefix("rules-") {
                do throws(RuleFileError) {
                    _ = try RuleSet.load(path: file, knownStances: nil)
                } catch {
                    return error.errors.first.map(\.description) ?? "no error line"
                }
            } else if file.hasPrefix("labelled-") {
                _ = try LabelledReader(path: file, format: .guess(path: file)).read()
            } else {
                let format = try postFormat(of: file)
                let reader = try PostReader(path: file, format: format)
                var first: String?
                try reader.forEach({ _ in }, skipped: { error, _ in if first == nil { first = error.description } })
                if let first { return first }
            }
        } catch {
            return "\(error)"
        }
        return "accepted"
    }

    /// The fuzz seed of a whole valid model (`Fuzz/Corpus/FuzzModel/model.safetensors`) must load:
    /// a seed the loader refuses leaves `FuzzModel` mutating inputs that never reach the tensor
    /// checks or scoring, as happened when model files began to record their feature hash.
    @Test func theFuzzModelSeedLoads() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus/FuzzModel/model.safetensors").path
        let model = try StanceModel.load(path: seed)
        #expect(model.labels == ["a", "b"])
        #expect(model.featureConfig.hashBits == 4)
    }

    /// The post format a corpus file name starts with.
    static func postFormat(of file: String) throws -> PostFormat {
        for format in PostFormat.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) where file.hasPrefix(format.rawValue + "-") {
            return format
        }
        throw UsageError("corpus file \(file) names no format")
    }
}
