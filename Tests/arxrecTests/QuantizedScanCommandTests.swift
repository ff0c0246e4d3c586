import Foundation
import Library
import Recommender
import Testing
import TestSupport
import TextEmbedding

/// `similar` and `search` read the 8-bit copy of the vector file first (`vectors-<model>.i8`): with it, without
/// it (the scan before the copy existed), after a killed ingest, the built binary answers the same.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct QuantizedScanCommandTests {
    static func library(_ cli: CLIFixture) throws -> Library {
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        return try Library.open(at: cli.home.url, embedder: ModelEmbedder(model: model))
    }

    /// Ids and printed similarities of a few `similar` and `search` queries.
    /// `similar` of each of `papers` (in the library), then two searches.
    static func answers(_ cli: CLIFixture, papers: [String] = ["2512.23709", "2512.22882", "2512.23255"]) throws -> [[String]] {
        let queries = papers.map { ["similar", $0, "--offline"] }
            + [["search", "video super-resolution with diffusion models"], ["search", "speech recognition"]]
        return try queries.map { query in
            let result = try cli.run(query + ["--format", "json", "--top", "20"])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let items = try #require(json["items"] as? [[String: Any]])
            return items.map { "\($0["id"] ?? "") \($0["similarity"] ?? "")" }
        }
    }

    /// The copy's header row count, or nil without a usable copy.
    static func coveredRows(_ library: Library) throws -> Int? {
        try library.withScanViews { _, quantized in quantized?.rowCount }
    }

    @Test func similarAndSearchAnswerAsTheFloat32ScanDid() throws {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(2_500, in: cli.home.url)
        #expect(try cli.run(["ingest", slice.path]).status == 0)
        let library = try Self.library(cli)
        #expect(try Self.coveredRows(library) == 2_500, "ingest writes the copy")
        let twoStages = try Self.answers(cli)

        // Without the copy every command scans every Float32 row, as before the copy existed.
        try FileManager.default.removeItem(at: library.quantizedVectorFileURL)
        #expect(try Self.answers(cli) == twoStages)
        // The next write brings it back, even an ingest that adds nothing.
        #expect(try cli.run(["ingest", slice.path]).status == 0)
        #expect(try Self.coveredRows(library) == 2_500)
        #expect(try Self.answers(cli) == twoStages)
    }

    @Test(arguments: [0.8, 2.0])
    func aKilledIngestLeavesTheCopyUsable(afterSeconds delay: Double) throws {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(2_500, in: cli.home.url)
        #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
        let child = try ArxrecProcess.start(["ingest", slice.path, "--data-dir", cli.dataDirectory])
        Thread.sleep(forTimeInterval: delay)
        child.kill()
        _ = child.wait()

        let digest = ["2512.19693", "2512.19678"]
        let library = try Self.library(cli)
        let papers = try library.stats().papers
        let covered = try Self.coveredRows(library)
        #expect(covered == nil || covered! <= papers, "the copy never covers rows the database does not reference")
        let afterKill = try Self.answers(cli, papers: digest)
        try FileManager.default.removeItem(at: library.quantizedVectorFileURL)
        #expect(try Self.answers(cli, papers: digest) == afterKill, "the same answers as a scan of every Float32 row")

        #expect(try cli.run(["ingest", slice.path]).status == 0)
        #expect(try Self.coveredRows(library) == 2_510)
        let resumed = try Self.answers(cli, papers: digest)
        try FileManager.default.removeItem(at: library.quantizedVectorFileURL)
        #expect(try Self.answers(cli, papers: digest) == resumed)
    }
}
