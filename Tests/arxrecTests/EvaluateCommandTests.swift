import ArgumentParser
import Foundation
import Recommender
import TestSupport
import Testing
@testable import arxrec

/// `arxrec evaluate --queries`: the similar task's number of query papers, from the protocol's 1,000 up to
/// every paper.
@Suite(.tags(.slow), .skippedInQuickLoop)
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

    /// `similar --help` states the rule `similar` runs, read from the constants rather than written twice.
    @Test func similarHelpStatesTheStandardRule() {
        let help = SimilarCommand.helpMessage(columns: 200).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains(SimilarReRank.standard.summary))
        #expect(help.contains("divided by \(SimilarReRank.standard.similarityDivisor):"))
        #expect(help.contains("dense top \(CrossLanguageReRank.standardDepth) on the topical view"))
        #expect(SimilarReRank(depth: 100, sparseWeight: 3).similarityDivisor == "4")
    }

    /// A 16-dimension model definition on 2^16 buckets, written into `directory`: quick to fit on a few
    /// hundred papers.
    static func smallDefinition(named name: String, in directory: TemporaryDirectory) throws -> URL {
        let definition = directory.file("definition.json")
        try Data("""
            {"name": "\(name)", "formatVersion": 1, "hashSeed": 1, "bucketBits": 16, "dimension": 16,
             "weights": {"wordUnigram": 1, "wordBigram": 1, "cjkUnigram": 1, "cjkBigram": 1},
             "dropEnglishStopWords": true, "idf": "smooth", "sublinearTF": true, "minimumDocumentFrequency": 3,
             "svd": {"oversampling": 8, "powerIterations": 2, "seed": 7, "singularValueExponent": 3}}
            """.utf8).write(to: definition)
        return definition
    }

    /// ``smallDefinition(named:in:)`` for both languages: Chinese words learned from the pairs and a term
    /// table, so `--crosslang` and `--digest` have a bilingual model to measure.
    static func smallBilingualDefinition(named name: String, in directory: TemporaryDirectory) throws -> URL {
        let definition = directory.file("definition.json")
        try Data("""
            {"name": "\(name)", "formatVersion": 1, "hashSeed": 1, "bucketBits": 16, "dimension": 16,
             "weights": {"wordUnigram": 1, "wordBigram": 1, "cjkUnigram": 0, "cjkBigram": 0, "cjkWord": 1},
             "chineseWords": {"maximumLength": 6, "minimumCount": 3, "minimumCohesion": 2, "minimumEntropy": 1,
                              "reestimationRounds": 1},
             "dropEnglishStopWords": true, "dropChineseStopWords": true, "idf": "smooth", "sublinearTF": true,
             "minimumDocumentFrequency": 3,
             "termTable": {"translations": 3, "minimumOchiai": 0.1, "minimumDocumentFrequency": 3, "minimumCoOccurrence": 2,
                           "calibrationPairs": 50, "calibrationNegatives": 100},
             "svd": {"oversampling": 8, "powerIterations": 2, "seed": 7, "singularValueExponent": 3}}
            """.utf8).write(to: definition)
        return definition
    }

    /// End to end on 400 real papers with a small definition: `--queries` reaches the similar task, and
    /// without it every one of the (fewer than 1,000) papers asks.
    @Test func queriesReachTheSimilarTask() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-cli")
        // 1,000 papers: the fewest whose prolific authors (≥ 6 papers, ≥ 3 before the cut) make a few users.
        let slice = try CorpusSlice.lastPapers(1_000, in: directory.url)
        let definition = try Self.smallDefinition(named: "evaluate-cli", in: directory)
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

    /// A settings file naming a retired, ignored field (`translatedTopicalWeight`, experiment 91) still
    /// runs, with one notice naming the file and the field.
    @Test func aRetiredSettingsFieldRunsWithANotice() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-retired")
        let slice = try CorpusSlice.lastPapers(400, in: directory.url)
        let definition = try Self.smallDefinition(named: "evaluate-retired", in: directory)
        let settings = directory.file("settings.json")
        try Data(#"{"translatedTopicalWeight": 0.25}"#.utf8).write(to: settings)
        let result = try ArxrecProcess.run([
            "evaluate", "--corpus", slice.path, "--papers", "400", "--users", "5", "--queries", "20",
            "--definition", definition.path, "--profile-settings", settings.path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let notices = result.stderr.split(separator: "\n").filter { $0.contains("translatedTopicalWeight") }
        #expect(notices.count == 1 && notices.first?.hasPrefix("\(settings.path): translatedTopicalWeight is retired") == true,
                "\(result.stderr)")
    }

    /// `--digest` end to end (issue 16's recall check) on the real generated digest of 2025-12-30 and the
    /// newest 2,000 corpus papers, which hold all its 211 rows' English records: a small bilingual model is
    /// fitted on the papers announced before the day, the authors of the rows with earlier papers become
    /// users, and both readings and chance come out for the same users.
    @Test func digestChecksRecallAgainstAnEnglishReader() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-digest")
        let slice = try CorpusSlice.lastPapers(2_000, in: directory.url)
        let definition = try Self.smallBilingualDefinition(named: "digest-cli", in: directory)
        let digest = SharedData.root.appendingPathComponent("digests-generated/2025-12-30.md")
        let result = try ArxrecProcess.run([
            "evaluate", "--corpus", slice.path, "--zh-corpus", SharedData.chineseCorpus.path, "--definition",
            definition.path, "--digest", digest.path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("announced before 2025-12-30"), "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let figures = try #require((report["digests"] as? [[String: Any]])?.first)
        #expect(figures["day"] as? String == "2025-12-30")
        #expect(figures["rows"] as? Int == 211 && figures["ranked"] as? Int == 211)
        #expect((figures["users"] as? Int ?? 0) >= 10, "\(figures)")
        #expect(figures["k"] as? Int == 20)
        #expect(abs((figures["chance"] as? Double ?? 0) - 20.0 / 211) < 1e-9)
        for reading in ["chineseRecall", "englishRecall"] {
            let recall = try #require(figures[reading] as? Double, "\(reading)")
            // Authors' own rows are found well above chance by either reading, even with a 16-d model.
            #expect(recall > 20.0 / 211 && recall <= 1, "\(reading): \(figures)")
        }

        let both = try ArxrecProcess.run(["evaluate", "--corpus", slice.path, "--crosslang", "--digest", digest.path])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give --crosslang or --digest, not both"))
        // --digest runs no profile task, so a score dump asked of it is refused rather than left unwritten.
        let dump = directory.file("scores.tsv")
        let dumped = try ArxrecProcess.run([
            "evaluate", "--corpus", slice.path, "--digest", digest.path, "--dump-scores", dump.path,
        ])
        #expect(dumped.status == 64)
        #expect(dumped.stderr.contains("--dump-scores writes the profile task's scores, which --digest does not run"))
        #expect(!FileManager.default.fileExists(atPath: dump.path))
    }

    /// `--crosslang` end to end on the newest 1,000 papers cut at 2025-12-24, with their Chinese texts: the
    /// twin figures come out, the sparse bridge alone is what an English-only model could do, and the
    /// profile task reads the same users' test days twice (Chinese-only candidates, English).
    @Test func crosslangMeasuresTwinsOnATimeSplit() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-crosslang")
        // 1,000 papers: the fewest whose prolific authors (≥ 6 papers, ≥ 3 before the cut) make a few users.
        let slice = try CorpusSlice.lastPapers(1_000, in: directory.url)
        let definition = try Self.smallBilingualDefinition(named: "crosslang-cli", in: directory)
        let result = try ArxrecProcess.run([
            "evaluate", "--corpus", slice.path, "--zh-corpus", SharedData.chineseCorpus.path, "--crosslang",
            "--cut", "2025-12-24", "--candidates", "60", "--definition", definition.path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["cut"] as? String == "2025-12-24")
        let twins = try #require(report["twins"] as? [String: Any])
        #expect(twins["candidates"] as? Int == 60)
        let mrr = try #require(twins["MRR"] as? Double)
        #expect(mrr > 0.3 && mrr <= 1, "a 16-d bilingual space fitted on a few hundred pairs still finds twins")
        #expect(twins["sparse_MRR"] is Double && twins["bridged_MRR"] is Double && twins["topical_MRR"] is Double)
        let profile = try #require(report["profile"] as? [String: Any])
        let chinese = try #require(profile["chinese"] as? [String: Any])
        let english = try #require(profile["english"] as? [String: Any])
        #expect(chinese["users"] as? Int == english["users"] as? Int)
        #expect((english["positives"] as? Int ?? 0) > 0, "\(profile)")
        #expect((chinese["nDCG@10"] as? Double).map { $0 > 0 && $0 <= 1 } == true, "\(chinese)")
        let train = try #require(report["train"] as? [String: Any])
        #expect((train["pairs"] as? Int ?? 0) > 100)
        // The per-language-mean probe: the English pool holds only English texts, the mixed pool also the
        // other pairs' Chinese texts, which take some of a Chinese query's 10 nearest places.
        let languageMean = try #require(report["languageMean"] as? [String: Any])
        let englishPool = try #require(languageMean["englishPool"] as? [String: Any])
        #expect(englishPool["english_share@10"] as? Double == 1)
        for reading in ["mixedPool", "mixedPoolQueryOnly", "mixedPoolLanguageMean", "mixedPoolLanguageMeanTopicalToo"] {
            let figures = try #require(languageMean[reading] as? [String: Any], "\(reading)")
            #expect((figures["english_share@10"] as? Double).map { (0 ... 1).contains($0) } == true, "\(reading): \(figures)")
            #expect((figures["MRR"] as? Double).map { $0 > 0 && $0 <= 1 } == true, "\(reading): \(figures)")
        }

        let missing = try ArxrecProcess.run(["evaluate", "--corpus", slice.path, "--crosslang"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--crosslang needs --zh-corpus"))
    }
}
