import ArgumentParser
import Foundation
import Recommender
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
        #expect(help.contains("(\(SimilarReRank.standard.summary))"))
        #expect(SimilarReRank(depth: 100, sparseWeight: 3).summary == "the dense top 100 re-scored by dense + 3 × sparse cosine")
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

    /// `--crosslang` end to end on the newest 600 papers cut at 2025-12-28, with their Chinese texts: the
    /// twin figures come out, the sparse bridge alone is what an English-only model could do, and the
    /// profile part is not measured yet.
    @Test func crosslangMeasuresTwinsOnATimeSplit() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-crosslang")
        let slice = try CorpusSlice.lastPapers(600, in: directory.url)
        let definition = directory.file("definition.json")
        try Data("""
            {"name": "crosslang-cli", "formatVersion": 1, "hashSeed": 1, "bucketBits": 16, "dimension": 16,
             "weights": {"wordUnigram": 1, "wordBigram": 1, "cjkUnigram": 0, "cjkBigram": 0, "cjkWord": 1},
             "chineseWords": {"maximumLength": 6, "minimumCount": 3, "minimumCohesion": 2, "minimumEntropy": 1,
                              "reestimationRounds": 1},
             "dropEnglishStopWords": true, "dropChineseStopWords": true, "idf": "smooth", "sublinearTF": true,
             "minimumDocumentFrequency": 3,
             "svd": {"oversampling": 8, "powerIterations": 2, "seed": 7, "singularValueExponent": 3}}
            """.utf8).write(to: definition)
        let result = try ArxrecProcess.run([
            "evaluate", "--corpus", slice.path, "--zh-corpus", SharedData.chineseCorpus.path, "--crosslang",
            "--cut", "2025-12-28", "--candidates", "60", "--definition", definition.path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["cut"] as? String == "2025-12-28")
        let twins = try #require(report["twins"] as? [String: Any])
        #expect(twins["candidates"] as? Int == 60)
        let mrr = try #require(twins["MRR"] as? Double)
        #expect(mrr > 0.3 && mrr <= 1, "a 16-d bilingual space fitted on a few hundred pairs still finds twins")
        #expect(twins["sparse_MRR"] is Double && twins["bridged_MRR"] is Double && twins["topical_MRR"] is Double)
        #expect(report["profile"] == nil || report["profile"] is NSNull)
        let train = try #require(report["train"] as? [String: Any])
        #expect((train["pairs"] as? Int ?? 0) > 100)

        let missing = try ArxrecProcess.run(["evaluate", "--corpus", slice.path, "--crosslang"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--crosslang needs --zh-corpus"))
    }
}
