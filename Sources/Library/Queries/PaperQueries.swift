/// The SQL of the queries that commands run whatever the library's size. Each is a seek in an index or
/// in the rowid b-tree, never a pass over `papers` (2.7 M rows for all of arXiv): their cost must not
/// grow with the library. `QueryPlanTests` holds every one of them to that with `EXPLAIN QUERY PLAN`.
enum PaperQueries {
    /// The number of papers, kept by the `v4-paper-count` triggers (a `count(*)` reads every row).
    static let count = "SELECT rows FROM row_counts WHERE table_name = 'papers'"
    /// The largest rowid: the range a sample probes.
    static let lastRowID = "SELECT max(rowid) FROM papers"
    /// The first paper at or after a rowid: one probe of a sample.
    static let paperAtOrAfterRowID = "SELECT rowid, base_id, version FROM papers WHERE rowid >= ? ORDER BY rowid LIMIT 1"
    /// `max(vector_row)`: the rows the vector file must hold (the unique index's last entry).
    static let largestVectorRow = "SELECT max(vector_row) FROM papers"
    /// Papers waiting for a vector row: the NULL range of the unique index, empty in a healthy library.
    static let papersWithoutVector = "SELECT count(*) FROM papers WHERE vector_row IS NULL"
    /// The newest listing day (the last entry of `papers_on_listed_on`).
    static let newestListingDay = "SELECT max(listed_on) FROM papers"
    /// Every listing day, ascending, by hopping through `papers_on_listed_on` from one day to the next:
    /// one seek per day instead of a pass over every paper's entry.
    static let listingDays = """
        WITH RECURSIVE days(day) AS (
            SELECT min(listed_on) FROM papers
            UNION ALL
            SELECT (SELECT min(listed_on) FROM papers WHERE listed_on > days.day) FROM days WHERE days.day IS NOT NULL
        )
        SELECT day FROM days WHERE day IS NOT NULL
        """
}
