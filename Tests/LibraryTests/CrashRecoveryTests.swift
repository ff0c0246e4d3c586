import ArxivFormats
import Foundation
import GRDB
import Library
import TestSupport
import Testing

/// Each test puts the files in the state a `kill -9` at one point of an ingest leaves, by writing
/// them directly, then reopens the library as the next process would.
@Suite struct CrashRecoveryTests {
    /// A library holding the first 150 sample papers and an update (so one orphaned row exists).
    private func committedLibrary() throws -> (LibraryFixture, [Paper]) {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(Array(papers[0..<100]), source: "batch 1")
        try library.ingest(Array(papers[100..<150]), source: "batch 2")
        var revised = papers[3]
        revised.id = try ArxivID(base: revised.id.base, version: 9)
        revised.abstract += " Revised."
        try library.ingest([revised], source: "batch 3")
        #expect(try fixture.fileRows() == 151 && fixture.headerRowCount() == 151)
        return (fixture, papers)
    }

    @Test func killedAfterAppendingBeforeCommit() throws {
        let (fixture, _) = try committedLibrary()
        // Rows appended and fsynced, header rewritten, SQLite transaction never committed.
        try fixture.append([UInt8](repeating: 0x3F, count: 40 * fixture.embedder.dimension * 4))
        try fixture.setHeaderRowCount(191)

        let library = try fixture.open()

        #expect(try fixture.fileRows() == 151 && fixture.headerRowCount() == 151)
        #expect(try library.stats().papers == 150)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func killedAfterAppendingBeforeTheHeaderWasWritten() throws {
        let (fixture, _) = try committedLibrary()
        try fixture.append([UInt8](repeating: 0x3F, count: 7 * fixture.embedder.dimension * 4))

        let library = try fixture.open()

        #expect(try fixture.fileRows() == 151)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func killedInTheMiddleOfARow() throws {
        let (fixture, _) = try committedLibrary()
        try fixture.append([UInt8](repeating: 0x41, count: fixture.embedder.dimension * 4 + 13))

        let library = try fixture.open()

        #expect(try fixture.vectorFileSize() == fixture.headerSize() + 151 * fixture.embedder.dimension * 4)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func headerCountStaleAfterCommit() throws {
        let (fixture, _) = try committedLibrary()
        try fixture.setHeaderRowCount(100)
        #expect(try fixture.open().checkInvariants() == [])
        #expect(try fixture.headerRowCount() == 151)
    }

    @Test func fileShorterThanTheDatabaseIsReembedded() throws {
        let (fixture, papers) = try committedLibrary()
        let library = try fixture.open()
        let lostRow = try #require(try library.vectorRow(of: papers[120].id))
        // Lose the last 40 rows and cut the next one in half (a file restored from an old copy).
        try fixture.truncateVectorFile(to: fixture.headerSize() + 110 * fixture.embedder.dimension * 4 + 9)

        let reopened = try fixture.open()

        #expect(try fixture.fileRows() == 151 && fixture.headerRowCount() == 151)
        #expect(try reopened.vectorRow(of: papers[120].id) == lostRow, "restored in place: rows stay stable")
        try expectHealthy(reopened, embedder: fixture.embedder)
    }

    @Test func garbageHeaderIsRebuiltFromTheStoredText() throws {
        let (fixture, _) = try committedLibrary()
        try fixture.overwrite(at: 0, with: Array("NOTAVEC!garbage-garbage".utf8))

        let library = try fixture.open()

        #expect(try fixture.fileRows() == 150, "rebuilt compact: the orphaned row is gone")
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func killedDuringARebuildLeavesTheOldFileInUse() throws {
        let (fixture, _) = try committedLibrary()
        let before = try fixture.vectorFileBytes()
        // A rebuild killed before its rename leaves a half-written temporary file.
        let abandoned = fixture.directory.file("vectors-\(fixture.embedder.modelID).f32.rebuild-killed")
        try Data(before.prefix(300)).write(to: abandoned)

        let library = try fixture.open()

        #expect(!FileManager.default.fileExists(atPath: abandoned.path), "abandoned rebuild file removed")
        #expect(try fixture.vectorFileBytes() == before)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func renamedRebuildWithoutCommitIsNotTrusted() throws {
        let (fixture, _) = try committedLibrary()
        // A rebuild renamed its file into place but the transaction carrying the new generation
        // never committed: the header's generation is one ahead of the database.
        let generation = try fixture.vectorFileBytes()[32]
        try fixture.overwrite(at: 32, with: [generation + 1])

        let library = try fixture.open()

        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func vectorFileDeleted() throws {
        let (fixture, _) = try committedLibrary()
        try FileManager.default.removeItem(at: fixture.vectorFile)

        let library = try fixture.open()

        #expect(try library.stats().vectors == 150)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func anIngestAfterACrashCutsTheLeftoversFirst() throws {
        let (fixture, papers) = try committedLibrary()
        let library = try fixture.open()
        // Another process crashed mid-ingest while this library was open.
        try fixture.append([UInt8](repeating: 0x7F, count: 3 * fixture.embedder.dimension * 4 + 5))

        try library.ingest(Array(papers[150..<200]), source: "batch 4")

        #expect(try fixture.fileRows() == 201)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func integrityCheckPassesAfterEveryRepair() throws {
        let (fixture, _) = try committedLibrary()
        try fixture.append([UInt8](repeating: 1, count: 99))
        _ = try fixture.open()
        let result = try fixture.database().read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(result == ["ok"])
    }
}
