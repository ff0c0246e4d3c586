public import ArxivFormats
import Foundation
import GRDB

extension Library {
    /// Stores `papers` in one transaction, merging each with what the library holds
    /// (``PaperMerge``), and embeds every paper whose main text is new.
    ///
    /// Call it with batches of about a thousand records: each call is one commit, so a killed
    /// ingest keeps every batch committed before the kill and nothing of the batch in flight.
    /// Ingesting the same records again changes nothing and reports them all as unchanged.
    ///
    /// Every `Paper` is storable by construction, so no record can fail its batch here: its id's
    /// version is 1 or more (the `papers.version` CHECK) and its text fields hold no control
    /// characters (a NUL would cut the stored text short). A record that breaks those rules is a
    /// parser's skipped line, never an SQLite error; StorableRecordTests holds each CHECK to its rule.
    ///
    /// - Parameters:
    ///   - source: where the records came from (a file path, a URL, `-`); kept as `papers.origin`.
    ///   - run: an id from ``beginRun(source:)``; the batch's counts are added to that run in the
    ///     same transaction, so the run log always matches what was committed.
    /// - Returns: one count per record: inserted (new id), updated, unchanged.
    @discardableResult
    public func ingest(_ papers: [Paper], source: String, run: Int64? = nil) throws -> IngestSummary {
        guard !papers.isEmpty else { return IngestSummary() }
        let now = Date()
        return try write { db in
            var appender = try preparedVectorAppender(db)
            let ids = Array(Set(papers.map(\.id.base)))
            let stored = try PaperRecord.fetchAll(db, keys: ids)
            let originals = Dictionary(stored.map { ($0.baseID, $0) }, uniquingKeysWith: { first, _ in first })

            // Merge in order, so a batch holding an id twice ends as if ingested one by one.
            var pending: [String: PaperRecord] = [:]
            var order: [String] = []
            var summary = IngestSummary()
            for paper in papers {
                let id = paper.id.base
                guard let current = pending[id] ?? originals[id] else {
                    pending[id] = PaperMerge.newRecord(paper, origin: source, now: now)
                    order.append(id)
                    summary.inserted += 1
                    continue
                }
                let merged = PaperMerge.merged(paper, into: current, origin: source)
                if merged.hasSameContent(as: current) {
                    summary.unchanged += 1
                } else {
                    if pending[id] == nil { order.append(id) }
                    pending[id] = merged
                    summary.updated += 1
                }
            }

            // Rows whose main text is new get a new vector row: appended, never written over a
            // row a committed paper points to.
            var changed = order.compactMap { pending[$0] }.filter { record in
                guard let original = originals[record.baseID] else { return true }
                return !record.hasSameContent(as: original)
            }
            let needVector = changed.indices.filter { index in
                let record = changed[index]
                guard let original = originals[record.baseID], original.vectorRow != nil else { return true }
                return original.title != record.title || original.abstract != record.abstract
            }
            let rows = try appender.append(try embedChecked(needVector.map { changed[$0].embeddingText }))
            for (row, index) in zip(rows, needVector) { changed[index].vectorRow = row }
            try appender.finish()

            for var record in changed {
                record.ingestedAt = now
                if originals[record.baseID] == nil { try record.insert(db) } else { try record.update(db) }
            }
            if let run {
                try db.execute(
                    sql: "UPDATE ingest_runs SET inserted = inserted + ?, updated = updated + ?, unchanged = unchanged + ? WHERE id = ?",
                    arguments: [summary.inserted, summary.updated, summary.unchanged, run])
                guard db.changesCount == 1 else { throw LibraryError.unknownRun(run) }
            }
            return summary
        }
    }
}
