public import ArxivFormats
import Foundation
import GRDB

extension Library {
    /// The vector row of the paper with `id`'s base id, or `nil` when the paper is not in the library.
    public func vectorRow(of id: ArxivID) throws -> Int? {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT vector_row FROM papers WHERE base_id = ?", arguments: [id.base])
        }
    }

    /// The paper (with its latest version) at each of `rows`; rows no paper points to are absent.
    public func ids(ofVectorRows rows: [Int]) throws -> [Int: ArxivID] {
        let found = try read { db in
            try chunked(Array(Set(rows))).flatMap { chunk in
                try Row.fetchAll(
                    db, sql: "SELECT vector_row, base_id, version FROM papers WHERE vector_row IN (\(databaseQuestionMarks(count: chunk.count)))",
                    arguments: StatementArguments(chunk))
            }
        }
        var result: [Int: ArxivID] = [:]
        for row in found { result[row["vector_row"]] = try storedID(row["base_id"], version: row["version"]) }
        return result
    }

    /// The paper at every vector row, indexed by row: `ids[r]` owns row `r` of ``withVectors(_:)``'s
    /// view. `nil` marks a row no paper points to any more (the paper's text changed and it was
    /// re-embedded into a newer row; ``reindex(progress:)`` compacts them away) — skip those rows.
    public func allVectorIDs() throws -> [ArxivID?] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT vector_row, base_id, version FROM papers WHERE vector_row IS NOT NULL")
        }
        let count = rows.map { ($0["vector_row"] as Int) + 1 }.max() ?? 0
        var ids = [ArxivID?](repeating: nil, count: count)
        for row in rows { ids[row["vector_row"] as Int] = try storedID(row["base_id"], version: row["version"]) }
        return ids
    }

    /// Lends the vector file, memory-mapped read-only, for the duration of `body`.
    ///
    /// The view covers the rows the database references in one snapshot; rows another process is
    /// appending are beyond it. If the file is unreadable or was swapped by a concurrent rebuild,
    /// the library is reconciled once (waiting for that writer) and the read retried.
    public func withVectors<R>(_ body: (VectorView) throws -> R) throws -> R {
        var lastProblem = ""
        for attempt in 0..<2 {
            if attempt > 0 {
                // Repairing writes; a read-only library can only say what is wrong.
                if isReadOnly { throw LibraryError.needsWriteAccess(path: directory.path, reason: "its vector file needs repair (\(lastProblem))") }
                try reconcileVectors()
            }
            let outcome: MappedRead<R> = try read { db in
                let state = try vectorState(db)
                if let blocking = violations(of: state).first(where: \.blocksReading) {
                    return .blocked(blocking.description)
                }
                guard case .present(let header, _) = state.file,
                      let handle = try VectorFileHandle.openForReading(vectorFilePath)
                else { return .blocked("\(vectorFilePath) disappeared while opening it") }
                // Re-read the header through this descriptor: the path may have been renamed over.
                let current = VectorFileHeader.decode(try handle.read(count: header.size, at: 0))
                guard case .success(let opened) = current, opened.generation == header.generation,
                      try handle.size() >= header.offset(ofRow: state.referencedRows)
                else { return .blocked("\(vectorFilePath) was replaced while opening it") }
                let length = header.offset(ofRow: state.referencedRows)
                return .done(try handle.withMappedBytes(length: length) { bytes in
                    let floats = UnsafeRawBufferPointer(rebasing: bytes[header.size...]).bindMemory(to: Float.self)
                    return try body(VectorView(
                        rowCount: state.referencedRows, dimension: header.dimension, rows: floats, generation: header.generation))
                })
            }
            switch outcome {
            case .done(let value): return value
            case .blocked(let reason): lastProblem = reason
            }
        }
        throw LibraryError.vectorFileInconsistent(path: vectorFilePath, reason: lastProblem)
    }

    /// Re-embeds every paper with the current embedder into a fresh, compact vector file and swaps
    /// it in atomically (see `rebuildVectorFile`). Holds the write lock throughout: other writers
    /// wait (up to ``busyTimeout``), readers keep reading the previous file.
    ///
    /// - Parameter progress: called with (papers embedded, total) after each chunk.
    public func reindex(progress: ((Int, Int) -> Void)? = nil) throws {
        try write { db in _ = try preparedVectorAppender(db, forceRebuild: true, progress: progress) }
    }
}

private enum MappedRead<R> {
    case done(R)
    case blocked(String)
}
