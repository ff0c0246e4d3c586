public import GRDB

/// The library's SQLite schema as versioned migrations.
///
/// Table and column names are literal strings and no migration mentions a Swift type, so a
/// shipped migration keeps meaning what it meant when it shipped: never edit one, append a new one.
/// Migrations are grouped by concern so a test can step through them with `migrate(_:upTo:)`.
public enum LibrarySchema {
    /// Migration identifiers, in order.
    public static let migrationIDs = [
        "v1-papers-and-vectors", "v2-ratings-and-profiles", "v3-shortlists-and-ingest-runs", "v4-paper-count",
    ]

    /// The migrator that builds or upgrades a library database.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-papers-and-vectors") { db in
            try db.create(table: "papers") { t in
                t.primaryKey("base_id", .text)
                t.column("version", .integer).check { $0 == nil || $0 >= 1 }
                t.column("title", .text).notNull()
                t.column("abstract", .text).notNull()
                t.column("authors", .jsonText).notNull().defaults(to: "[]")
                t.column("categories", .jsonText).notNull().defaults(to: "[]")
                t.column("primary_category", .text)
                t.column("published", .datetime)
                t.column("updated", .datetime)
                t.column("listed_on", .text)
                t.column("language", .text).notNull()
                t.column("source", .text).notNull()
                t.column("origin", .text).notNull().defaults(to: "")
                t.column("title_translated", .text)
                t.column("abstract_translated", .text)
                t.column("translation_language", .text)
                // UNIQUE gives vector_row its index: two papers never share a row.
                t.column("vector_row", .integer).unique().check { $0 == nil || $0 >= 0 }
                t.column("text_hash", .text).notNull()
                t.column("ingested_at", .datetime).notNull()
            }
            try db.create(index: "papers_on_listed_on", on: "papers", columns: ["listed_on"])
            // One row: which model and which file generation `papers.vector_row` refers to.
            try db.create(table: "vector_index") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("model_id", .text).notNull()
                t.column("dimension", .integer).notNull().check { $0 >= 1 }
                t.column("generation", .integer).notNull()
            }
        }
        migrator.registerMigration("v2-ratings-and-profiles") { db in
            try db.create(table: "profiles") { t in
                t.primaryKey("name", .text)
                t.column("created_at", .datetime).notNull()
                t.column("settings", .jsonText).notNull().defaults(to: "{}")
            }
            try db.create(table: "ratings") { t in
                t.column("profile", .text).notNull().references("profiles", onDelete: .cascade)
                t.column("base_id", .text).notNull().references("papers")
                t.column("value", .integer).notNull().check { [-1, 1].contains($0) }
                t.column("rated_at", .datetime).notNull()
                t.primaryKey(["profile", "base_id"])
            }
            try db.create(index: "ratings_on_base_id", on: "ratings", columns: ["base_id"])
        }
        migrator.registerMigration("v3-shortlists-and-ingest-runs") { db in
            try db.create(table: "shortlists") { t in
                t.column("day", .text).notNull()
                t.column("profile", .text).notNull().references("profiles", onDelete: .cascade)
                t.column("json", .blob).notNull()
                t.column("created_at", .datetime).notNull()
                t.primaryKey(["day", "profile"])
            }
            try db.create(table: "ingest_runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("source", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
                t.column("inserted", .integer).notNull().defaults(to: 0)
                t.column("updated", .integer).notNull().defaults(to: 0)
                t.column("unchanged", .integer).notNull().defaults(to: 0)
                t.column("skipped", .integer).notNull().defaults(to: 0)
                t.column("status", .text).notNull()
            }
        }
        // `count(*)` reads every row (2.7 M for all of arXiv, most of a second); the library's size is
        // wanted by every `stats` and shortlist. Triggers keep it in the same transaction as the row
        // change, so it is exact after any commit, rollback or kill. Counting once here is the only full pass.
        migrator.registerMigration("v4-paper-count") { db in
            try db.create(table: "row_counts") { t in
                t.primaryKey("table_name", .text)
                t.column("rows", .integer).notNull().check { $0 >= 0 }
            }
            try db.execute(sql: "INSERT INTO row_counts (table_name, rows) SELECT 'papers', count(*) FROM papers")
            try db.execute(sql: """
                CREATE TRIGGER papers_counted_on_insert AFTER INSERT ON papers BEGIN
                    UPDATE row_counts SET rows = rows + 1 WHERE table_name = 'papers';
                END
                """)
            try db.execute(sql: """
                CREATE TRIGGER papers_counted_on_delete AFTER DELETE ON papers BEGIN
                    UPDATE row_counts SET rows = rows - 1 WHERE table_name = 'papers';
                END
                """)
        }
        return migrator
    }
}
