import Foundation
import GRDB

extension Library {
    /// Logs the start of an ingest from `source` and returns its id for ``ingest(_:source:run:)``
    /// and ``finishRun(_:skipped:status:)``. A run that stays `running` was killed.
    public func beginRun(source: String) throws -> Int64 {
        var row = IngestRunRow(
            id: nil, source: source, startedAt: Date(), finishedAt: nil,
            inserted: 0, updated: 0, unchanged: 0, skipped: 0, status: IngestRunStatus.running.rawValue)
        try write { db in try row.insert(db) }
        guard let id = row.id else { throw LibraryError.database(path: databasePath, message: "ingest_runs insert returned no id") }
        return id
    }

    /// Logs the end of run `id`: how many malformed records were skipped and how it ended.
    public func finishRun(_ id: Int64, skipped: Int, status: IngestRunStatus) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE ingest_runs SET finished_at = ?, skipped = ?, status = ? WHERE id = ?",
                arguments: [Date(), skipped, status.rawValue, id])
            guard db.changesCount == 1 else { throw LibraryError.unknownRun(id) }
        }
    }

    /// The most recent `limit` runs, newest first.
    public func ingestRuns(limit: Int = 20) throws -> [IngestRunRecord] {
        let rows = try read { db in try IngestRunRow.order(Column("id").desc).limit(limit).fetchAll(db) }
        return rows.compactMap { row in
            guard let id = row.id else { return nil }
            return IngestRunRecord(
                id: id, source: row.source, startedAt: row.startedAt, finishedAt: row.finishedAt,
                summary: IngestSummary(inserted: row.inserted, updated: row.updated, unchanged: row.unchanged),
                skipped: row.skipped, status: IngestRunStatus(rawValue: row.status) ?? .failed)
        }
    }
}
