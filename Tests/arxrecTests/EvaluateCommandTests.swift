import ArgumentParser
import Foundation
import TestSupport
import Testing
@testable import arxrec

/// `arxrec evaluate --queries`: the similar task's number of query papers, from the protocol's 1,000 up to
/// every paper.
struct EvaluateCommandTests {
    @Test func queriesDefaultsToTheProtocolAndIsValidated() throws {
        #expect(try EvaluateCommand.parse(["--corpus", "c.jsonl"]).queries == 1_000)
        #expect(try EvaluateCommand.parse(["--corpus", "c.jsonl", "--queries", "20000"]).queries == 20_000)
        #expect(throws: (any Error).self) { try EvaluateCommand.parse(["--corpus", "c.jsonl", "--queries", "0"]) }
        // Wrapped help, read as one line of words.
        let help = EvaluateCommand.helpMessage(columns: 200).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--queries <n>"))
        #expect(help.contains("the dense top 100 re-scored by dense + 3 × sparse cosine"))
    }

    /// End to end on 400 real papers with a small definition: `--queries` reaches the similar task, and
    /// without it every one of the (fewer than 1,000) papers asks.
    @Test func queriesReachTheSimilarTask() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-cli")
        let slice = try CorpusSlice.lastPapers(600, in: directory.url)
        let definition = directory.file("definition.json")
        try Data("""
            {"name": "evaluate-cli", "formatVersion": 1, "hashSeed": 1, "bucketBits": 16, "dimension": 16,
             "weights": {"wordUnigram": 1, "wordBigram": 1, "cjkUnigram": 1, "cjkBigram": 1},
             "dropEnglishStopWords": true, "idf": "smooth", "sublinearTF": true, "minimumDocumentFrequency": 3,
             "svd": {"oversampling": 8, "powerIterations": 2, "seed": 7, "singularValueExponent": 3}}
            """.utf8).write(to: definition)
        func similar(_ extra: [String]) throws -> [String: Any] {
            let result = try ArxrecProcess.run([
                "evaluate", "--corpus", slice.path, "--papers", "400", "--users", "5", "--definition", definition.path,
                "--format", "json",
            ] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return report?["similar"] as? [String: Any] ?? [:]
        }
        let some = try similar(["--queries", "120"])
        #expect(some["queries"] as? Int == 120)
        let rerank = some["rerank"] as? [String: Any]
        #expect(rerank?["depth"] as? Int == 100 && rerank?["sparseWeight"] as? Double == 3)
        #expect(try similar([])["queries"] as? Int == 400)
    }

    /// A settings file that is not valid gets one line naming the file and the field, and EX_DATAERR.
    @Test func aBadSettingsFileIsOneLineNamingTheField() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-settings")
        let slice = try CorpusSlice.lastPapers(50, in: directory.url)
        let settings = directory.file("settings.json")
        try Data(#"{"kind": "blend", "hubnessNeighbours": "twenty"}"#.utf8).write(to: settings)
        let result = try ArxrecProcess.run(["evaluate", "--corpus", slice.path, "--profile-settings", settings.path])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("\(settings.path): not a valid ProfileSettings JSON file: hubnessNeighbours:"))
        #expect(result.stdout.isEmpty)
    }
}
