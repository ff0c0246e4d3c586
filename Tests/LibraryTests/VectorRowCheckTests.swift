import ArxivFormats
import Foundation
import Library
import TestSupport
import Testing

/// Damaged vector rows (bit rot, a stray write) are told apart from healthy ones and re-embedded.
struct VectorRowCheckTests {
    @Test func healthyRowsAreUnitOrZeroAndFinite() {
        let unit: [Float] = [0.6, 0.8, 0, 0]
        #expect(VectorRowCheck.isHealthy(unit))
        #expect(VectorRowCheck.isHealthy([Float](repeating: 0, count: 4)))
        #expect(!VectorRowCheck.isHealthy(unit.map { $0 * 1e30 }))
        #expect(!VectorRowCheck.isHealthy(unit.map { $0 * 1.5 }))
        #expect(!VectorRowCheck.isHealthy([0.6, .nan, 0, 0]))
        #expect(!VectorRowCheck.isHealthy([0.6, .infinity, 0, 0]))
        #expect(VectorRowCheck.isPossibleCosine(1.0000005) && VectorRowCheck.isPossibleCosine(-1))
        #expect(!VectorRowCheck.isPossibleCosine(1.5) && !VectorRowCheck.isPossibleCosine(.nan) && !VectorRowCheck.isPossibleCosine(-.infinity))
    }

    @Test func damagedRowsAreReembeddedInPlaceFromTheStoredText() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = Array(try SampleRecords.snapshotPapers().prefix(20))
        try library.ingest(papers, source: "s")
        let before = try fixture.vectorFileBytes()
        let rows = try [papers[3], papers[11]].map { try #require(try library.vectorRow(of: $0.id)) }
        let rowBytes = fixture.embedder.dimension * 4

        // Row 3 scaled by 1e30, row 11 overwritten by random bytes.
        let scaled = try fixture.fileRow(rows[0]).flatMap { value -> [UInt8] in
            withUnsafeBytes(of: (value * 1e30).bitPattern.littleEndian) { Array($0) }
        }
        try fixture.overwrite(at: try fixture.headerSize() + rows[0] * rowBytes, with: scaled)
        var generator = SystemRandomNumberGenerator()
        try fixture.overwrite(
            at: try fixture.headerSize() + rows[1] * rowBytes, with: (0 ..< rowBytes).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
        let damaged = try library.withVectors { view in (0 ..< view.rowCount).filter { !view.isHealthy(row: $0) } }
        #expect(damaged == rows.sorted())

        #expect(try library.repairVectorRows(Set(rows)) == 2)
        #expect(try fixture.vectorFileBytes() == before, "the re-embedded rows are bit for bit what ingest wrote")
        #expect(try library.checkInvariants().isEmpty)
        // A row no paper references is nobody's to repair, and nothing is written for it.
        #expect(try library.repairVectorRows([10_000]) == 0)
    }

    @Test func anEmbedderReturningADamagedRowStoresNothing() throws {
        let fixture = try LibraryFixture()
        let library = try Library.open(at: fixture.directory.url, embedder: NaNEmbedder(inner: fixture.embedder))
        let papers = Array(try SampleRecords.snapshotPapers().prefix(3))
        #expect(throws: LibraryError.self) { try library.ingest(papers, source: "s") }
        #expect(try library.stats().papers == 0)
        #expect(try library.checkInvariants() == [])
    }
}

/// A broken embedder for the error path: the real test embedder's output with its second row made NaN.
private struct NaNEmbedder: TextEmbedder {
    let inner: HashingTestEmbedder
    var modelID: String { inner.modelID }
    var dimension: Int { inner.dimension }
    func embed(_ texts: [String]) throws -> [Float] {
        var vectors = try inner.embed(texts)
        if texts.count > 1 { vectors[dimension] = .nan }
        return vectors
    }
}
