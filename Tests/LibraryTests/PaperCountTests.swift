import ArxivFormats
import Foundation
import GRDB
import Library
import TestSupport
import Testing

/// The paper count `stats` and every shortlist read is kept in `row_counts` by triggers (migration
/// `v4-paper-count`), not counted: it must equal `count(*)` after anything that changes `papers`.
@Suite struct PaperCountTests {
    private func counted(_ fixture: LibraryFixture) throws -> Int {
        try fixture.database().read { try Int.fetchOne($0, sql: "SELECT count(*) FROM papers") ?? -1 }
    }

    @Test func theCountFollowsIngestsUpdatesAndDeletes() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        #expect(try library.paperCount() == 0)
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(Array(papers.prefix(120)), source: "s")
        #expect(try library.paperCount() == 120)
        // Again, and with 80 new ones: only the new ones count.
        try library.ingest(papers, source: "s")
        #expect(try library.paperCount() == papers.count)
        #expect(try library.stats().papers == papers.count && library.stats().vectors == papers.count)

        // Rows deleted by another program (arxrec itself never deletes papers).
        try fixture.database().write { try $0.execute(sql: "DELETE FROM papers WHERE base_id IN (SELECT base_id FROM papers LIMIT 7)") }
        #expect(try library.paperCount() == papers.count - 7)
        #expect(try library.paperCount() == counted(fixture))
    }

    @Test func aTransactionThatDoesNotCommitLeavesTheCountAsItWas() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(Array(try SampleRecords.snapshotPapers().prefix(10)), source: "s")
        // What a process killed before its commit leaves: the insert and its trigger's update roll back together.
        let db = try fixture.database()
        try db.writeWithoutTransaction { db in
            try db.inTransaction {
                try db.execute(sql: """
                    INSERT INTO papers (base_id, title, abstract, language, source, text_hash, ingested_at)
                    VALUES ('3001.99999', 't', 'a', 'en', 'snapshot', '0', '2026-01-01')
                    """)
                #expect(try Int.fetchOne(db, sql: "SELECT rows FROM row_counts WHERE table_name = 'papers'") == 11)
                return .rollback
            }
        }
        #expect(try library.paperCount() == 10 && counted(fixture) == 10)
    }

    @Test func aLibraryWrittenBeforeTheCountGetsItOnOpen() throws {
        let fixture = try LibraryFixture()
        let papers = try SampleRecords.snapshotPapers()
        try fixture.open().ingest(Array(papers.prefix(50)), source: "s")
        // The state a library written by the previous schema (v3) is in: no row_counts, no triggers.
        try fixture.database().write { db in
            try db.execute(sql: "DROP TRIGGER papers_counted_on_insert; DROP TRIGGER papers_counted_on_delete; DROP TABLE row_counts")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-paper-count'")
        }

        let library = try fixture.open()

        #expect(try library.paperCount() == 50)
        try library.ingest(papers, source: "s")
        #expect(try library.paperCount() == papers.count && counted(fixture) == papers.count)
        try expectHealthy(library, embedder: fixture.embedder)
    }
}
