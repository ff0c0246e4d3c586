import Foundation
import GRDB
@testable import Library
import TestSupport
import Testing

/// The queries commands run whatever the library's size must seek, never scan `papers`: checked with
/// `EXPLAIN QUERY PLAN` on a library with statistics (`ANALYZE`, as after a large ingest), where SQLite
/// could prefer a scan if an index were missing or unhelpful.
@Suite struct QueryPlanTests {
    private func plan(_ sql: String, _ arguments: StatementArguments = [], in db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
    }

    @Test func hotQueriesSeekInAnIndex() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(try SampleRecords.snapshotPapers(), source: "s")
        try library.optimize()
        let queries: [(sql: String, arguments: StatementArguments)] = [
            (PaperQueries.count, []),
            (PaperQueries.lastRowID, []),
            (PaperQueries.paperAtOrAfterRowID, [5]),
            (PaperQueries.largestVectorRow, []),
            (PaperQueries.papersWithoutVector, []),
            (PaperQueries.newestListingDay, []),
            (PaperQueries.listingDays, []),
            // papers(listedOn:), a paper by id, the ids of a scan's best rows.
            ("SELECT * FROM papers WHERE listed_on = ?", ["2007-04-02"]),
            ("SELECT * FROM papers WHERE base_id = ?", ["0704.0001"]),
            ("SELECT vector_row, base_id, version FROM papers WHERE vector_row IN (?, ?)", [1, 2]),
        ]
        try fixture.database().read { db in
            for query in queries {
                let steps = try plan(query.sql, query.arguments, in: db)
                #expect(!steps.isEmpty)
                #expect(!steps.contains { $0.hasPrefix("SCAN papers") || $0.hasPrefix("SCAN row_counts") },
                        "\(query.sql): \(steps)")
            }
        }
        // The check can fail: a query without an index scans, and so does the day's query with the
        // `ORDER BY base_id` papers(listedOn:) had (a day is a third of this library: the planner walks
        // the primary key to skip the sort).
        let unindexed = try fixture.database().read { db in
            try plan("SELECT * FROM papers WHERE language = 'zh'", in: db)
        }
        let sortedDay = try fixture.database().read { db in
            try plan("SELECT * FROM papers WHERE listed_on = ? ORDER BY base_id", ["2007-04-02"], in: db)
        }
        #expect(unindexed.contains { $0.hasPrefix("SCAN papers") })
        #expect(sortedDay.contains { $0.hasPrefix("SCAN papers") })
    }
}
