import Foundation
import Testing

/// Checks the shipped `TrainingData/` against the rules in its DATASHEET: schema, vocabulary,
/// size, languages, share of no-stance examples, and no exact or near-duplicate texts.
@Suite struct TrainingDataTests {
    @Test func everyLineIsAValidExample() throws {
        let (examples, failures) = try TrainingExample.loadShipped()
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        var ids = Set<String>()
        for example in examples {
            #expect(ids.insert(example.id).inserted, "\(example.location): duplicate id \(example.id)")
            #expect(TrainingExample.files[example.lang] == example.location.split(separator: ":")[0].description,
                    "\(example.location): lang \(example.lang) in the wrong file")
            #expect(example.id.hasPrefix(example.lang + "-"), "\(example.location): id \(example.id)")
            #expect(!example.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                    "\(example.location): empty text")
            #expect(Set(example.labels).isSubset(of: TrainingExample.stances),
                    "\(example.location): unknown label in \(example.labels)")
            #expect(Set(example.labels).count == example.labels.count, "\(example.location): repeated label")
            #expect(TrainingExample.kinds.contains(example.kind), "\(example.location): kind \(example.kind)")
        }
    }

    @Test func isLargeEnoughAndCoversBothLanguagesAndEveryStance() throws {
        let examples = try TrainingExample.loadShipped().examples
        #expect(examples.count >= 2_000)
        let english = examples.filter { $0.lang == "en" }.count
        let russian = examples.filter { $0.lang == "ru" }.count
        #expect(english + russian == examples.count)
        #expect(russian >= examples.count / 4)
        #expect(english >= examples.count / 2)
        for stance in TrainingExample.stances {
            #expect(examples.filter { $0.labels.contains(stance) }.count >= 150, "too few \(stance)")
        }
        let twoStances = examples.filter { $0.labels.count >= 2 }.count
        #expect(twoStances >= 100)
    }

    @Test func atLeastFortyPercentHaveNoStance() throws {
        let examples = try TrainingExample.loadShipped().examples
        let none = examples.filter { $0.labels.isEmpty }.count
        #expect(Double(none) >= 0.4 * Double(examples.count), "\(none) of \(examples.count)")
    }

    @Test func datasheetStatesTheTrueSize() throws {
        let examples = try TrainingExample.loadShipped().examples
        let sheet = try String(
            contentsOf: TrainingExample.directory.appendingPathComponent("DATASHEET.md"), encoding: .utf8)
        #expect(sheet.contains("Total examples: \(examples.count)\n"))
        let none = examples.filter { $0.labels.isEmpty }.count
        #expect(sheet.contains("| (no stance) | \(none) |"))
    }

    @Test func noExactOrNearDuplicateTexts() throws {
        let examples = try TrainingExample.loadShipped().examples
        #expect(Set(examples.map(\.text)).count == examples.count)
        let pairs = WordSets.nearDuplicatePairs(examples.map { WordSets.words($0.text) })
        let described = pairs.prefix(5).map { "\(examples[$0.0].location) ~ \(examples[$0.1].location)" }
        #expect(pairs.isEmpty, "\(described)")
    }
}

/// The checker itself, on small inline inputs whose answers are known.
@Suite struct WordSetsTests {
    @Test func wordsAreLowercasedLetterAndNumberRunsInAnyScript() {
        #expect(WordSets.words("Crimea IS Russia!!! #КрымНаш @user_1 2017 🇷🇺") ==
                ["crimea", "is", "russia", "крымнаш", "user_1", "2017"])
        #expect(WordSets.words("") == [])
        #expect(WordSets.words("😂😂 ... !!") == [])
        #expect(WordSets.words("Ёлки-палки, ПРИВЕТ") == ["ёлки", "палки", "привет"])
    }

    @Test func jaccardOfKnownSets() {
        #expect(WordSets.jaccard(["a", "b", "c", "d"], ["a", "b", "c", "e"]) == 0.6)
        #expect(WordSets.jaccard(["a"], ["a"]) == 1)
        #expect(WordSets.jaccard([], []) == 1)
        #expect(WordSets.jaccard(["a"], []) == 0)
    }

    @Test func findsANearDuplicateAddedToCleanData() {
        let clean = [
            "Sanctions on Russia hurt European farmers more than Moscow",
            "Port Vale lost again on Saturday, what a surprise",
            "Санкции против России бьют по самой Европе",
        ]
        #expect(WordSets.nearDuplicatePairs(clean.map(WordSets.words)).isEmpty)
        let withCopy = clean + ["sanctions on RUSSIA hurt european farmers more than moscow!!! 😡"]
        #expect(WordSets.nearDuplicatePairs(withCopy.map(WordSets.words)).map { [$0.0, $0.1] } == [[0, 3]])
        let oneWordSwapped = clean + ["Sanctions on Russia hurt European farmers more than Putin"]
        #expect(WordSets.nearDuplicatePairs(oneWordSwapped.map(WordSets.words)).map { [$0.0, $0.1] } == [[0, 3]])
    }

    @Test func theLimitItselfCountsAsNearDuplicate() {
        let nine = "one two three four five six seven eight nine"
        let nineSwapped = "one two three four five six seven eight ten"
        #expect(WordSets.jaccard(WordSets.words(nine), WordSets.words(nineSwapped)) == 0.8)
        #expect(WordSets.nearDuplicatePairs([nine, nineSwapped].map(WordSets.words)).count == 1)
        let eight = "one two three four five six seven eight"
        let eightSwapped = "one two three four five six seven nine"
        #expect(WordSets.jaccard(WordSets.words(eight), WordSets.words(eightSwapped)) == 7.0 / 9.0)
        #expect(WordSets.nearDuplicatePairs([eight, eightSwapped].map(WordSets.words)).isEmpty)
    }

    @Test func aMalformedLineIsReportedWithItsLocation() {
        let contents = """
            {"id": "en-0001", "text": "ok", "labels": [], "lang": "en", "kind": "neutral_chatter"}
            {"id": "en-0002", "text": "no kind", "labels": [], "lang": "en"}
            not json

            """
        let parsed = TrainingExample.parse(contents, file: "x.jsonl")
        #expect(parsed.examples.map(\.id) == ["en-0001"])
        #expect(parsed.failures.count == 2)
        #expect(parsed.failures.first?.hasPrefix("x.jsonl:2:") == true)
        #expect(parsed.failures.last?.hasPrefix("x.jsonl:3:") == true)
    }
}
