import ArxivFormats
import Foundation
import Library
import LinearAlgebra
import TestSupport
import Testing

/// The 8-bit copies of the vector file (`vectors-<model>.i8`, and `.p8` of the leading dimensions):
/// written with the rows, level after every write, rows of a killed write never trusted, rebuilt with the
/// vector file.
@Suite struct QuantizedVectorFileTests {
    /// Rows wider than every prefix, so the library keeps all three prefix copies.
    static let embedder = HashingTestEmbedder(dimension: 160)

    static func copyURL(_ fixture: LibraryFixture) -> URL {
        fixture.directory.file(DataDirectory.quantizedVectorFileName(modelID: fixture.embedder.modelID))
    }

    static func prefixURL(_ fixture: LibraryFixture, _ prefix: Int8Prefix = .narrow) -> URL {
        fixture.directory.file(DataDirectory.prefixVectorFileName(modelID: fixture.embedder.modelID, prefix: prefix))
    }

    static func field(_ bytes: Data, at offset: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }

    /// Both copies' rows decoded, checked against the vector file's rows (their leading dimensions, for the
    /// prefix copy) within half a step per value.
    static func expectLevel(_ fixture: LibraryFixture, rows: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dimension = fixture.embedder.dimension
        try expectLevel(fixture, copy: copyURL(fixture), layout: Int8RowLayout(dimension: dimension), rows: rows, sourceLocation: sourceLocation)
        #expect(Int8Prefix.kept(forDimension: dimension) == Int8Prefix.allCases, sourceLocation: sourceLocation)
        for prefix in Int8Prefix.allCases {
            try expectLevel(
                fixture, copy: prefixURL(fixture, prefix), layout: prefix.layout, rows: rows, sourceLocation: sourceLocation)
        }
    }

    static func expectLevel(
        _ fixture: LibraryFixture, copy: URL, layout: Int8RowLayout, rows: Int, sourceLocation: SourceLocation
    ) throws {
        let bytes = try Data(contentsOf: copy)
        #expect(Array(bytes.prefix(8)) == Array("ARXQ8V1\0".utf8), sourceLocation: sourceLocation)
        #expect(field(bytes, at: 16, 4) == layout.dimension, sourceLocation: sourceLocation)
        #expect(field(bytes, at: 20, 4) == layout.rowBytes, sourceLocation: sourceLocation)
        #expect(field(bytes, at: 24, 8) == rows, sourceLocation: sourceLocation)
        #expect(bytes.count == 64 + rows * layout.rowBytes, sourceLocation: sourceLocation)
        try bytes.withUnsafeBytes { raw in
            for row in 0..<rows {
                let decoded = layout.dequantize(raw.baseAddress! + 64 + row * layout.rowBytes)
                let exact = try fixture.fileRow(row)
                let scale = layout.scale(of: raw.baseAddress! + 64 + row * layout.rowBytes)
                #expect(zip(decoded, exact).allSatisfy { abs($0 - $1) <= scale / 2 * 1.001 }, "row \(row)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func ingestWritesTheCopyOfEveryRow() throws {
        let fixture = try LibraryFixture(embedder: Self.embedder)
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(Array(papers.prefix(40)), source: "s")
        try Self.expectLevel(fixture, rows: 40)
        try library.ingest(Array(papers.dropFirst(40).prefix(25)), source: "s")
        try Self.expectLevel(fixture, rows: 65)
        #expect(try library.withScanViews { view, quantized in quantized?.rowCount == view.rowCount })
    }

    /// A prefix as wide as the rows would only repeat the full copy: a library keeps the prefixes narrower
    /// than its rows, and none at 16 dimensions.
    @Test func onlyPrefixesNarrowerThanTheRowsAreKept() throws {
        #expect(Int8Prefix.kept(forDimension: 256) == [.narrow, .wide, .half])
        #expect(Int8Prefix.kept(forDimension: 64) == [.narrow])
        #expect(Int8Prefix.kept(forDimension: 32).isEmpty)
        let fixture = try LibraryFixture(embedder: HashingTestEmbedder(dimension: 64))
        let library = try fixture.open()
        try library.ingest(Array(try SampleRecords.snapshotPapers().prefix(12)), source: "s")
        for prefix in Int8Prefix.allCases {
            #expect(FileManager.default.fileExists(atPath: Self.prefixURL(fixture, prefix).path) == (prefix == .narrow), "\(prefix)")
        }
        #expect(try library.withScanViews { _, quantized in quantized.map { Set($0.prefixes.keys) } } == [.narrow])
    }

    @Test func rowsOfAKilledWriteAreNeverTrusted() throws {
        let fixture = try LibraryFixture(embedder: Self.embedder)
        let papers = try SampleRecords.snapshotPapers()
        try fixture.open().ingest(Array(papers.prefix(30)), source: "s")
        // As a killed ingest leaves it: both files have 10 rows no paper references, with other vectors
        // than the next ingest will write there.
        let dimension = fixture.embedder.dimension
        try fixture.append((0..<(10 * dimension)).flatMap { i in withUnsafeBytes(of: Float(i % 7 == 0 ? 1 : 0).bitPattern.littleEndian) { Array($0) } })
        let layout = Int8RowLayout(dimension: dimension)
        let stale = Data((0..<(10 * layout.rowBytes)).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        let handle = try FileHandle(forUpdating: Self.copyURL(fixture))
        try handle.seekToEnd()
        try handle.write(contentsOf: stale)
        try handle.seek(toOffset: 24)
        try handle.write(contentsOf: withUnsafeBytes(of: UInt64(40).littleEndian) { Data($0) })
        try handle.close()

        let library = try fixture.open()
        #expect(try library.withScanViews { _, quantized in quantized?.rowCount } == 30, "readers stop at the referenced rows")
        try library.ingest(Array(papers.dropFirst(30).prefix(20)), source: "s")
        try Self.expectLevel(fixture, rows: 50)
    }

    @Test func reindexRebuildsTheCopyForTheNewGeneration() throws {
        let fixture = try LibraryFixture(embedder: Self.embedder)
        let library = try fixture.open()
        try library.ingest(Array(try SampleRecords.snapshotPapers().prefix(20)), source: "s")
        let before = Self.field(try Data(contentsOf: Self.copyURL(fixture)), at: 32, 8)
        try library.reindex()
        let after = Self.field(try Data(contentsOf: Self.copyURL(fixture)), at: 32, 8)
        #expect(after == before + 1)
        try Self.expectLevel(fixture, rows: 20)
    }

    @Test func aMissingOrDamagedCopyIsRebuiltByTheNextWrite() throws {
        let fixture = try LibraryFixture(embedder: Self.embedder)
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(Array(papers.prefix(20)), source: "s")
        try FileManager.default.removeItem(at: Self.copyURL(fixture))
        #expect(try library.withScanViews { _, quantized in quantized == nil })
        try library.ingest(Array(papers.dropFirst(20).prefix(5)), source: "s")
        try Self.expectLevel(fixture, rows: 25)

        try Data("garbage".utf8).write(to: Self.copyURL(fixture))
        #expect(try library.withScanViews { _, quantized in quantized == nil })
        try library.ingest(Array(papers.prefix(3)), source: "s")
        try Self.expectLevel(fixture, rows: 25)

        // The narrow prefix copy: missing, then garbage; the full copy and the wide prefix serve meanwhile.
        try FileManager.default.removeItem(at: Self.prefixURL(fixture))
        #expect(try library.withScanViews { _, quantized in
            quantized?.rowCount == 25 && quantized?.prefixes[.narrow] == nil && quantized?.prefixes[.wide]?.rowCount == 25
        })
        try library.ingest(Array(papers.dropFirst(25).prefix(5)), source: "s")
        try Self.expectLevel(fixture, rows: 30)
        try Data("garbage".utf8).write(to: Self.prefixURL(fixture))
        #expect(try library.withScanViews { _, quantized in quantized?.prefixes[.narrow] == nil })
        try library.ingest(Array(papers.prefix(3)), source: "s")
        try Self.expectLevel(fixture, rows: 30)
        #expect(try library.withScanViews { _, quantized in quantized?.prefixes[.narrow]?.rowCount } == 30)
    }
}
