import Foundation
import GRDB

extension Library {
    /// Totals from one snapshot. `vectors` counts papers whose row lies inside a vector file that
    /// belongs to this model and database, so it equals `papers` exactly when every paper can be scored.
    ///
    /// - Complexity: independent of the library's size when its vectors are healthy (the paper count is
    ///   kept in `row_counts`, and a healthy library has a vector for every paper); a library whose vector
    ///   file needs repair counts its usable rows in the `vector_row` index.
    public func stats() throws -> LibraryStats {
        try read { db in
            let state = try vectorState(db)
            let papers = try paperCount(db)
            let vectors: Int
            if violations(of: state).isEmpty {
                vectors = papers
            } else {
                var usableRows = 0
                if case .present(let header, let size) = state.file, header.modelID == modelID,
                   header.dimension == dimension, header.generation == state.index?.generation,
                   state.index?.modelID == modelID, size >= header.size {
                    usableRows = (size - header.size) / header.rowBytes
                }
                vectors = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM papers WHERE vector_row IS NOT NULL AND vector_row < ?",
                    arguments: [usableRows]) ?? 0
            }
            return LibraryStats(
                papers: papers, vectors: vectors,
                ratings: try RatingRow.fetchCount(db),
                profiles: try ProfileRow.fetchCount(db),
                model: modelID, dimension: dimension)
        }
    }

    /// How many papers the library holds, without counting them (see ``PaperQueries/count``).
    public func paperCount() throws -> Int {
        try read { db in try paperCount(db) }
    }

    func paperCount(_ db: Database) throws -> Int {
        guard let count = try Int.fetchOne(db, sql: PaperQueries.count) else {
            throw LibraryError.database(path: databasePath, message: "row_counts has no row for papers")
        }
        return count
    }
}
