import Foundation
import GRDB

/// What the database and the vector file say about the vectors, read in one transaction.
struct VectorState {
    enum File {
        case missing
        case unreadable(VectorHeaderProblem)
        case present(header: VectorFileHeader, size: Int)
    }

    /// `vector_index`: the model and generation `papers.vector_row` refers to.
    var index: VectorIndexRecord?
    /// `max(vector_row) + 1`: the rows the file must hold.
    var referencedRows: Int
    var papersWithoutVector: Int
    var file: File
}

extension Library {
    /// Reads ``VectorState`` in the transaction of `db`.
    func vectorState(_ db: Database) throws -> VectorState {
        let index = try VectorIndexRecord.fetchOne(db)
        let maxRow = try Int.fetchOne(db, sql: PaperQueries.largestVectorRow) ?? -1
        let withoutVector = try Int.fetchOne(db, sql: PaperQueries.papersWithoutVector) ?? 0
        let file: VectorState.File
        if let handle = try VectorFileHandle.openForReading(vectorFilePath) {
            let size = try handle.size()
            switch VectorFileHeader.claimedSize(try handle.read(count: VectorFileHeader.fixedSize, at: 0)) {
            case .failure(let problem):
                file = .unreadable(problem)
            case .success(let headerSize):
                switch VectorFileHeader.decode(try handle.read(count: headerSize, at: 0)) {
                case .failure(let problem): file = .unreadable(problem)
                case .success(let header): file = .present(header: header, size: size)
                }
            }
        } else {
            file = .missing
        }
        return VectorState(index: index, referencedRows: maxRow + 1, papersWithoutVector: withoutVector, file: file)
    }

    /// The library's vector invariants, in one place: every way `state` breaks them, or `[]`.
    ///
    /// Invariants: `vector_index` names this model and dimension; the file exists, its header is
    /// readable and names the same model, dimension and generation; the file holds exactly
    /// `max(vector_row) + 1` whole rows (no partial row, none missing, none extra) and the header
    /// says so; every paper has a vector row. Together they mean "as many vectors as papers, each
    /// paper's row embedded from its current text by this model".
    func violations(of state: VectorState) -> [LibraryInvariantViolation] {
        guard let index = state.index, index.modelID == modelID, index.dimension == dimension else {
            let found = state.index.map { "\($0.modelID)/\($0.dimension)" }
            return [.vectorIndexForAnotherModel(found: found, expected: "\(modelID)/\(dimension)")]
        }
        let header: VectorFileHeader
        let size: Int
        switch state.file {
        case .missing:
            return [.vectorFileMissing(path: vectorFilePath)]
        case .unreadable(let problem):
            return [.vectorFileUnusable(path: vectorFilePath, reason: problem.description)]
        case .present(let fileHeader, let fileSize):
            header = fileHeader
            size = fileSize
        }
        if header.modelID != modelID {
            return [.vectorFileUnusable(path: vectorFilePath, reason: "made by model '\(header.modelID)'")]
        }
        if header.dimension != dimension {
            return [.vectorFileUnusable(path: vectorFilePath, reason: "dimension \(header.dimension), expected \(dimension)")]
        }
        if header.generation != index.generation {
            return [.vectorFileUnusable(
                path: vectorFilePath,
                reason: "generation \(header.generation), the database expects \(index.generation)")]
        }
        guard size >= header.size else {
            return [.vectorFileUnusable(path: vectorFilePath, reason: "\(size) bytes, shorter than its header")]
        }
        var found: [LibraryInvariantViolation] = []
        let body = size - header.size
        let fileRows = body / header.rowBytes
        if body % header.rowBytes != 0 { found.append(.partialTrailingRow(bytes: body % header.rowBytes)) }
        if fileRows > state.referencedRows {
            found.append(.extraRows(fileRows: fileRows, referencedRows: state.referencedRows))
        } else if fileRows < state.referencedRows {
            found.append(.missingRows(fileRows: fileRows, referencedRows: state.referencedRows))
        }
        if header.rowCount != state.referencedRows {
            found.append(.staleHeaderCount(header: header.rowCount, referencedRows: state.referencedRows))
        }
        if state.papersWithoutVector > 0 { found.append(.papersWithoutVector(state.papersWithoutVector)) }
        return found
    }

    /// Every broken invariant of the library, from one consistent snapshot: the vector file
    /// against the database (see ``violations(of:)``) and `PRAGMA integrity_check`.
    /// Empty means healthy. Opening the library repairs all but an integrity-check failure.
    public func checkInvariants() throws -> [LibraryInvariantViolation] {
        try read { db in
            let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            return try violations(of: vectorState(db)) + problems.map { .integrityCheck($0) }
        }
    }

    /// Repairs the vector file when a snapshot shows it broken; a no-op (one read) when healthy.
    ///
    /// The check is repeated under the write lock before anything is changed, because what a
    /// reader sees as "extra rows" may be another process's ingest that is about to commit.
    func reconcileVectors() throws {
        let healthy = try read { db in violations(of: try vectorState(db)).isEmpty }
        if healthy { return }
        try write { db in _ = try preparedVectorAppender(db) }
    }
}
