import GRDB

extension Library {
    /// Rows each index's statistics are estimated from by ``optimize()``: without a limit `ANALYZE` reads
    /// every index whole (seconds on all of arXiv); a few hundred rows per index tell the planner as much.
    static let analysisRowLimit = 1_000

    /// Brings SQLite's bookkeeping up to date after a bulk ingest, in work that does not grow with the
    /// library: statistics for the query planner (`ANALYZE`, sampled: ``analysisRowLimit``), then a passive
    /// WAL checkpoint, which copies what it can into the database file and never waits for a reader (a
    /// blocking one would stall the ingest behind another process's long read). Between ingests SQLite's
    /// automatic checkpoints (every 1,000 pages) keep the WAL small. A read-only library is left as it is.
    public func optimize() throws {
        guard !isReadOnly else { return }
        try Self.mappingDatabaseErrors(path: databasePath) {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA analysis_limit = \(Self.analysisRowLimit)")
                try db.execute(sql: "ANALYZE")
                try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
    }
}
