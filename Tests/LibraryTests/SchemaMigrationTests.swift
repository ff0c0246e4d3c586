import ArxivFormats
import Foundation
import GRDB
import Library
import TestSupport
import Testing

@Suite struct SchemaMigrationTests {
    private func tables(_ db: DatabaseQueue) throws -> Set<String> {
        try db.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'"))
        }
    }

    @Test func migrationsStepUpOneConcernAtATime() throws {
        let directory = try TemporaryDirectory()
        let db = try DatabaseQueue(path: directory.file("library.sqlite").path)
        let migrator = LibrarySchema.migrator
        #expect(migrator.migrations == LibrarySchema.migrationIDs)

        try migrator.migrate(db, upTo: "v1-papers-and-vectors")
        #expect(try tables(db) == ["papers", "vector_index"])
        #expect(try db.read { try migrator.appliedIdentifiers($0) } == ["v1-papers-and-vectors"])

        try migrator.migrate(db, upTo: "v2-ratings-and-profiles")
        #expect(try tables(db) == ["papers", "vector_index", "ratings", "profiles"])

        try migrator.migrate(db, upTo: "v3-shortlists-and-ingest-runs")
        #expect(try tables(db) == ["papers", "vector_index", "ratings", "profiles", "shortlists", "ingest_runs"])

        try migrator.migrate(db, upTo: "v4-paper-count")
        #expect(try tables(db) == ["papers", "vector_index", "ratings", "profiles", "shortlists", "ingest_runs", "row_counts"])
        #expect(try db.read { try migrator.hasCompletedMigrations($0) })
    }

    @Test func aPartlyMigratedLibraryKeepsItsPapersWhenOpened() throws {
        let fixture = try LibraryFixture()
        let papers = Array(try SampleRecords.snapshotPapers().prefix(5))
        try fixture.open().ingest(papers, source: "s")
        // Simulate a library written by a build that knew only the first migration.
        let db = try fixture.database()
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER papers_counted_on_insert; DROP TRIGGER papers_counted_on_delete; DROP TABLE row_counts")
            try db.execute(sql: "DROP TABLE ingest_runs; DROP TABLE shortlists; DROP TABLE ratings; DROP TABLE profiles")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier <> 'v1-papers-and-vectors'")
        }

        let library = try fixture.open()

        #expect(try library.stats().papers == 5)
        try library.rate(papers[0].id, .like, profile: "default")
        #expect(try tables(db).isSuperset(of: ["ratings", "profiles", "shortlists", "ingest_runs"]))
    }

    @Test func theSchemaEnforcesItsRules() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(Array(try SampleRecords.snapshotPapers().prefix(2)), source: "s")
        let db = try fixture.database()
        try db.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }

        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "UPDATE papers SET vector_row = 0 WHERE base_id = '0704.0002'") }
        }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO profiles (name, created_at) VALUES ('p', '2025-01-01')")
                try $0.execute(sql: "INSERT INTO ratings VALUES ('p', '0704.0001', 2, '2025-01-01')") }
        }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO ratings VALUES ('p', '9999.9999', 1, '2025-01-01')") }
        }
        let journal = try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }
}
