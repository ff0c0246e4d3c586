import Foundation
import Library
import Recommender
import Testing
import TestSupport
import TextEmbedding

/// A killed ingest and two processes at once, with real child processes on a real library.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct CrashAndConcurrencyTests {
    static func openLibrary(_ directory: URL) throws -> Library {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        return try Library.open(at: directory, embedder: ModelEmbedder(model: model))
    }

    @Test(arguments: [0.4, 1.2, 2.5])
    func killNineMidIngestLeavesAConsistentLibrary(afterSeconds delay: Double) throws {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(2_500, in: cli.home.url)
        // Something stored already must survive the crash untouched.
        #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
        #expect(try cli.run(["rate", "2512.19693", "like", "--offline"]).status == 0)

        let child = try ArxrecProcess.start(["ingest", slice.path, "--data-dir", cli.dataDirectory])
        Thread.sleep(forTimeInterval: delay)
        child.kill()
        _ = child.wait()

        let library = try Self.openLibrary(cli.home.url)
        #expect(try library.checkInvariants().isEmpty)
        let stats = try library.stats()
        #expect(stats.papers == stats.vectors)
        #expect(stats.ratings == 1)
        #expect(try library.papers(listedOn: "2025-12-23").count == 10)
        // Batches are whole: the digest's 10 plus complete batches of the killed ingest.
        #expect((stats.papers - 10) % 1_000 == 0 || stats.papers == 2_510, "\(stats.papers) papers")

        // And the next ingest completes the job.
        let resumed = try cli.run(["ingest", slice.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try cli.stats()["papers"] as? Int == 2_510)
        #expect(try cli.stats()["vectors"] as? Int == 2_510)
    }

    @Test func statsWhileAnotherProcessIngests() throws {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(2_500, in: cli.home.url)
        #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
        let ingest = try ArxrecProcess.start(["ingest", slice.path, "--data-dir", cli.dataDirectory])
        var readings: [Int] = []
        while ingest.process.isRunning {
            let stats = try cli.run(["stats", "--format", "json"])
            #expect(stats.status == 0, "stats failed during an ingest: \(stats.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
            let papers = object?["papers"] as? Int ?? -1
            #expect(papers == object?["vectors"] as? Int)
            readings.append(papers)
        }
        let result = ingest.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(readings.allSatisfy { $0 >= 10 && $0 <= 2_510 })
        #expect(zip(readings, readings.dropFirst()).allSatisfy { $0 <= $1 }, "counts went backwards: \(readings)")
        #expect(try cli.stats()["papers"] as? Int == 2_510)
    }
}
