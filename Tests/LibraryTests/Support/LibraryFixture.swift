import ArxivFormats
import Foundation
import GRDB
import Library
import TestSupport
import Testing

/// A library in a fresh temporary directory, plus direct access to its two files for tests that
/// check or damage them the way a crash would.
struct LibraryFixture {
    let directory: TemporaryDirectory
    let embedder: HashingTestEmbedder

    init(embedder: HashingTestEmbedder = HashingTestEmbedder()) throws {
        directory = try TemporaryDirectory(prefix: "arxrec-library")
        self.embedder = embedder
    }

    /// Opens (or reopens, like a new process would) the library.
    func open(with embedder: HashingTestEmbedder? = nil) throws -> Library {
        try Library.open(at: directory.url, embedder: embedder ?? self.embedder)
    }

    var vectorFile: URL { directory.file("vectors-\(embedder.modelID).f32") }
    var databaseFile: URL { directory.file(DataDirectory.databaseFileName) }

    /// A separate SQLite connection to the library's database, as another program would open it.
    func database() throws -> DatabaseQueue { try DatabaseQueue(path: databaseFile.path) }

    // MARK: raw vector-file access (layout in VectorFileHeader.swift)

    func vectorFileBytes() throws -> Data { try Data(contentsOf: vectorFile) }

    func vectorFileSize() throws -> Int { try vectorFileBytes().count }

    /// Header size, from its bytes 12..<16.
    func headerSize() throws -> Int { Int(try littleEndian(at: 12, bytes: 4)) }

    /// Row count the header claims, from its bytes 24..<32.
    func headerRowCount() throws -> Int { Int(try littleEndian(at: 24, bytes: 8)) }

    /// Rows the file holds, whole or not counted.
    func fileRows() throws -> Int { (try vectorFileSize() - headerSize()) / (embedder.dimension * 4) }

    /// The floats of row `row`, read from the file itself.
    func fileRow(_ row: Int) throws -> [Float] {
        let bytes = try vectorFileBytes()
        let start = try headerSize() + row * embedder.dimension * 4
        return (0..<embedder.dimension).map { i in
            let offset = start + i * 4
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
    }

    func setHeaderRowCount(_ count: Int) throws {
        try overwrite(at: 24, with: (0..<8).map { UInt8(truncatingIfNeeded: count >> (8 * $0)) })
    }

    func overwrite(at offset: Int, with bytes: [UInt8]) throws {
        let handle = try FileHandle(forUpdating: vectorFile)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: bytes)
    }

    func append(_ bytes: [UInt8]) throws {
        let handle = try FileHandle(forUpdating: vectorFile)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
    }

    func truncateVectorFile(to size: Int) throws {
        let handle = try FileHandle(forUpdating: vectorFile)
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(size))
    }

    private func littleEndian(at offset: Int, bytes count: Int) throws -> UInt64 {
        let bytes = try vectorFileBytes()
        return (0..<count).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}

/// Checks what must hold after any crash and reopen: no broken invariant (which includes
/// `PRAGMA integrity_check`), exactly as many vectors as papers, and each paper's vector equal to
/// the embedding of its current text.
func expectHealthy(_ library: Library, embedder: HashingTestEmbedder, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try library.checkInvariants() == [], sourceLocation: sourceLocation)
    let stats = try library.stats()
    #expect(stats.vectors == stats.papers, sourceLocation: sourceLocation)
    // The kept count (row_counts) against a real count, read as another program would.
    let counted = try DatabaseQueue(path: library.databaseURL.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM papers") }
    #expect(stats.papers == counted, "the kept paper count is exact", sourceLocation: sourceLocation)
    let ids = try library.allVectorIDs().compactMap { $0 }
    #expect(ids.count == stats.papers, sourceLocation: sourceLocation)
    let stored = try library.papers(ids)
    let expected = try embedder.embed(stored.map(\.embeddingText))
    let dimension = embedder.dimension
    let wrong = try library.withVectors { view in
        stored.enumerated().filter { index, paper in
            guard let row = paper.vectorRow else { return true }
            return Array(view.row(row)) != Array(expected[(index * dimension)..<((index + 1) * dimension)])
        }.map { $0.element.id.base }
    }
    #expect(wrong == [], "every paper's row is the embedding of its current text", sourceLocation: sourceLocation)
}
