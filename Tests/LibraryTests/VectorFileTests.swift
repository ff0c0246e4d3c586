import ArxivFormats
import Foundation
import Library
import TestSupport
import Testing

@Suite struct VectorFileTests {
    @Test func theHeaderDescribesTheFile() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(Array(try SampleRecords.snapshotPapers().prefix(10)), source: "s")

        let bytes = try fixture.vectorFileBytes()
        #expect(Array(bytes.prefix(8)) == Array("ARXVEC1\0".utf8))
        #expect(try fixture.headerSize() % 64 == 0 && fixture.headerSize() >= 64)
        #expect(try fixture.headerRowCount() == 10)
        let modelID = fixture.embedder.modelID
        #expect(String(decoding: bytes[64..<(64 + modelID.utf8.count)], as: UTF8.self) == modelID)
        #expect(bytes.count == (try fixture.headerSize()) + 10 * fixture.embedder.dimension * 4)
    }

    @Test func withVectorsLendsEachPapersEmbedding() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = Array(try SampleRecords.snapshotPapers().prefix(30))
        try library.ingest(papers, source: "s")

        let expected = try fixture.embedder.embed(papers.map(\.embeddingText))
        let (rowCount, matrix) = try library.withVectors { view in (view.rowCount, Array(view.rows)) }
        #expect(rowCount == 30)
        #expect(matrix == expected, "rows in ingest order, row-major")
        #expect(try library.allVectorIDs() == papers.map(\.id))
        #expect(try library.ids(ofVectorRows: [0, 29, 30]) == [0: papers[0].id, 29: papers[29].id])
        #expect(try library.vectorRow(of: papers[7].id.unversioned) == 7)
    }

    @Test func aHeaderNamingAnotherModelIsNotReadButRebuilt() throws {
        let fixture = try LibraryFixture()
        let papers = Array(try SampleRecords.snapshotPapers().prefix(20))
        try fixture.open().ingest(papers, source: "s")
        // Same length as "test-hash-d16", so only the name differs.
        try fixture.overwrite(at: 64, with: Array("other-mdl-d16".utf8))
        let damaged = try fixture.open(with: nil)

        try expectHealthy(damaged, embedder: fixture.embedder)
        #expect(String(decoding: try fixture.vectorFileBytes()[64..<77], as: UTF8.self) == fixture.embedder.modelID)
    }

    @Test func aHeaderWithAnotherDimensionIsNotReadButRebuilt() throws {
        let fixture = try LibraryFixture()
        try fixture.open().ingest(Array(try SampleRecords.snapshotPapers().prefix(20)), source: "s")
        try fixture.overwrite(at: 16, with: [8, 0, 0, 0])

        let library = try fixture.open()

        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func anotherModelGetsItsOwnFileAndEveryPaperIsReembedded() throws {
        let fixture = try LibraryFixture()
        let papers = Array(try SampleRecords.snapshotPapers().prefix(40))
        try fixture.open().ingest(papers, source: "s")

        let wider = HashingTestEmbedder(dimension: 24)
        let switched = try fixture.open(with: wider)

        #expect(try switched.stats() == LibraryStats(papers: 40, vectors: 40, ratings: 0, profiles: 0, model: wider.modelID, dimension: 24))
        #expect(FileManager.default.fileExists(atPath: fixture.directory.file("vectors-\(wider.modelID).f32").path))
        // The first model's file is never read again, so it is not left behind.
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.file("vectors-\(fixture.embedder.modelID).f32").path))
        try expectHealthy(switched, embedder: wider)

        // Back to the first model: its old file is from an earlier generation and is rebuilt, not trusted.
        let back = try fixture.open()
        try expectHealthy(back, embedder: fixture.embedder)
    }

    @Test func theSameModelIDWithAnotherDimensionIsReembedded() throws {
        let fixture = try LibraryFixture()
        try fixture.open().ingest(Array(try SampleRecords.snapshotPapers().prefix(15)), source: "s")
        let sameNameWider = HashingTestEmbedder(dimension: 32, modelID: fixture.embedder.modelID)

        let library = try fixture.open(with: sameNameWider)

        try expectHealthy(library, embedder: sameNameWider)
    }

    @Test func reindexCompactsRowsLeftByUpdates() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(papers, source: "s")
        let revised = try papers.prefix(25).map { paper -> Paper in
            var copy = paper
            copy.id = try ArxivID(base: paper.id.base, version: (paper.id.version ?? 1) + 1)
            copy.title = "Corrected: " + paper.title
            return copy
        }
        try library.ingest(revised, source: "revisions")
        #expect(try fixture.fileRows() == 225)
        #expect(try library.allVectorIDs().filter { $0 == nil }.count == 25)

        var reports: [(Int, Int)] = []
        try library.reindex { done, total in reports.append((done, total)) }

        #expect(try fixture.fileRows() == 200)
        #expect(try library.allVectorIDs().allSatisfy { $0 != nil })
        #expect(reports.first.map { $0 == (0, 200) } == true && reports.last.map { $0 == (200, 200) } == true)
        try expectHealthy(library, embedder: fixture.embedder)
        try expectHealthy(try fixture.open(), embedder: fixture.embedder)
    }

    @Test func anEmbedderReturningTheWrongShapeStoresNothing() throws {
        let fixture = try LibraryFixture()
        let library = try Library.open(at: fixture.directory.url, embedder: TruncatingEmbedder(inner: fixture.embedder))
        let papers = Array(try SampleRecords.snapshotPapers().prefix(3))

        #expect(throws: LibraryError.embedderOutput(modelID: fixture.embedder.modelID, texts: 3, expected: 48, got: 47)) {
            try library.ingest(papers, source: "s")
        }
        #expect(try library.stats().papers == 0)
        #expect(try library.checkInvariants() == [])
    }

    @Test func modelIDsThatCannotNameAFileAreRefused() throws {
        let fixture = try LibraryFixture()
        for bad in ["", "../escape", "a/b", String(repeating: "m", count: 129)] {
            #expect(throws: LibraryError.invalidModelID(bad)) {
                try Library.open(at: fixture.directory.url, embedder: HashingTestEmbedder(dimension: 4, modelID: bad))
            }
        }
    }
}

/// A broken embedder for the error path: it drops the last float of the real test embedder's output.
private struct TruncatingEmbedder: TextEmbedder {
    let inner: HashingTestEmbedder
    var modelID: String { inner.modelID }
    var dimension: Int { inner.dimension }
    func embed(_ texts: [String]) throws -> [Float] { Array(try inner.embed(texts).dropLast()) }
}
