import Foundation
import GRDB

extension Library {
    /// Totals from one snapshot. `vectors` counts papers whose row lies inside a vector file that
    /// belongs to this model and database, so it equals `papers` exactly when every paper can be scored.
    public func stats() throws -> LibraryStats {
        try read { db in
            let state = try vectorState(db)
            var usableRows = 0
            if case .present(let header, let size) = state.file, header.modelID == modelID,
               header.dimension == dimension, header.generation == state.index?.generation,
               state.index?.modelID == modelID, size >= header.size {
                usableRows = (size - header.size) / header.rowBytes
            }
            return LibraryStats(
                papers: try PaperRecord.fetchCount(db),
                vectors: try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM papers WHERE vector_row IS NOT NULL AND vector_row < ?",
                    arguments: [usableRows]) ?? 0,
                ratings: try RatingRow.fetchCount(db),
                profiles: try ProfileRow.fetchCount(db),
                model: modelID, dimension: dimension)
        }
    }
}
