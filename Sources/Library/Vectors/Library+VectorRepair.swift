import Foundation
import GRDB

extension Library {
    /// Papers embedded per embedder call while repairing or rebuilding: bounds memory to
    /// `chunk × dimension` floats whatever the library's size.
    static let embeddingChunk = 512

    /// Inside a write transaction: checks the invariants, repairs what is broken, and returns an
    /// appender positioned after the last referenced row.
    ///
    /// A file made for another model, dimension or generation, or an unreadable one, is rebuilt
    /// from the papers' stored text; otherwise the file is patched in place — a partial row and
    /// unreferenced rows are cut, referenced rows the file lost are re-embedded into their
    /// positions, papers without a row are embedded and appended, and the header is rewritten.
    func preparedVectorAppender(
        _ db: Database, forceRebuild: Bool = false, progress: ((Int, Int) -> Void)? = nil
    ) throws -> VectorAppender {
        let state = try vectorState(db)
        let found = violations(of: state)
        guard !forceRebuild, !found.contains(where: \.requiresRebuild),
              case .present(let header, let size) = state.file,
              let handle = try VectorFileHandle.openForWriting(vectorFilePath, create: false)
        else {
            return try rebuildVectorFile(db, previousGeneration: state.index?.generation ?? 0, progress: progress)
        }
        // Rows the file has beyond the referenced ones (a killed write's) and rows it lost are written anew.
        let keptRows = min((size - header.size) / header.rowBytes, state.referencedRows)
        var appender = VectorAppender(
            handle: handle, header: header, dirty: !found.isEmpty, quantized: quantizedCopies, trustedQuantizedRows: keptRows)
        guard !found.isEmpty else { return appender }

        // Cut a partial trailing row and rows no committed transaction references.
        if size != header.offset(ofRow: keptRows) { try handle.truncate(to: header.offset(ofRow: keptRows)) }
        // Restore referenced rows the file lost (zero-extend, then re-embed the referencing papers;
        // positions no paper references stay zero).
        var restored = header
        restored.rowCount = state.referencedRows
        appender = VectorAppender(
            handle: handle, header: restored, dirty: true, quantized: quantizedCopies, trustedQuantizedRows: keptRows)
        if keptRows < state.referencedRows {
            try handle.truncate(to: header.offset(ofRow: state.referencedRows))
            let lost = try PaperRecord.filter(PaperRecord.Columns.vectorRow >= keptRows).fetchAll(db)
            for start in stride(from: 0, to: lost.count, by: Self.embeddingChunk) {
                let chunk = lost[start..<min(start + Self.embeddingChunk, lost.count)]
                let vectors = try embedChecked(chunk.map(\.embeddingText))
                for (offset, paper) in chunk.enumerated() {
                    guard let row = paper.vectorRow else { continue }
                    try appender.write(vectors[(offset * dimension)..<((offset + 1) * dimension)], atRow: row)
                }
            }
        }
        // Embed papers that have no row.
        let unvectored = try PaperRecord.filter(PaperRecord.Columns.vectorRow == nil).fetchAll(db)
        for start in stride(from: 0, to: unvectored.count, by: Self.embeddingChunk) {
            let chunk = unvectored[start..<min(start + Self.embeddingChunk, unvectored.count)]
            let rows = try appender.append(try embedChecked(chunk.map(\.embeddingText)))
            for (row, paper) in zip(rows, chunk) {
                try db.execute(sql: "UPDATE papers SET vector_row = ? WHERE base_id = ?", arguments: [row, paper.baseID])
            }
        }
        try appender.finish()
        return appender
    }

    /// Re-embeds every paper into a fresh file and swaps it in, inside the write transaction of `db`.
    ///
    /// Order: write `vectors-<model>.f32.rebuild-<uuid>` (flock-ed, so a concurrent `open` does not
    /// take it for abandoned) and fsync it; repoint every paper and bump `vector_index.generation`
    /// in the transaction; rename the file over the old one; the caller commits. A kill before the
    /// rename leaves the old state; a kill between rename and commit leaves a file whose generation
    /// the database does not know, which the next open rebuilds — never a file read as another's.
    func rebuildVectorFile(
        _ db: Database, previousGeneration: Int64, progress: ((Int, Int) -> Void)?
    ) throws -> VectorAppender {
        let generation = previousGeneration + 1
        let handle = try VectorFileHandle.createRebuildFile(beside: vectorFilePath)
        let temporaryPath = handle.path
        var renamed = false
        defer { if !renamed { unlink(temporaryPath) } }

        var header = VectorFileHeader(dimension: dimension, rowCount: 0, generation: generation, modelID: modelID)
        try header.encoded().withUnsafeBytes { bytes in try handle.write(bytes, at: 0) }
        var appender = VectorAppender(handle: handle, header: header, dirty: true, quantized: [], trustedQuantizedRows: 0)

        let total = try paperCount(db)
        try db.execute(sql: "UPDATE papers SET vector_row = NULL")
        var lastRowID: Int64 = 0
        var done = 0
        progress?(0, total)
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, base_id, title, abstract FROM papers WHERE rowid > ? ORDER BY rowid LIMIT ?
                """, arguments: [lastRowID, Self.embeddingChunk])
            guard let last = rows.last else { break }
            lastRowID = last["rowid"]
            let texts = rows.map { row -> String in (row["title"] as String) + ". " + (row["abstract"] as String) }
            let assigned = try appender.append(try embedChecked(texts))
            for (vectorRow, row) in zip(assigned, rows) {
                try db.execute(sql: "UPDATE papers SET vector_row = ? WHERE rowid = ?", arguments: [vectorRow, row["rowid"]])
            }
            done += rows.count
            progress?(done, total)
        }
        try appender.finish()
        try VectorIndexRecord(modelID: modelID, dimension: dimension, generation: generation).upsert(db)
        try VectorFileHandle.renameDurably(temporaryPath, to: vectorFilePath, directory: directory.path)
        renamed = true
        removeOtherModelsVectorFiles()
        header = appender.header
        // The 8-bit copies of the old file are of the old generation: readers ignore them until these replace them.
        for copy in quantizedCopies {
            do { try copy.rebuild(from: handle, vectors: header) } catch { copy.discard() }
        }
        return VectorAppender(
            handle: handle, header: header, dirty: false, quantized: quantizedCopies, trustedQuantizedRows: header.rowCount)
    }

    /// Embeds `texts` and checks the embedder returned `texts.count × dimension` floats, each row one
    /// ``VectorRowCheck`` accepts: a row the reader would reject as damaged is never written.
    func embedChecked(_ texts: [String]) throws -> [Float] {
        guard !texts.isEmpty else { return [] }
        let vectors = try embedder.embed(texts)
        guard vectors.count == texts.count * dimension else {
            throw LibraryError.embedderOutput(
                modelID: modelID, texts: texts.count, expected: texts.count * dimension, got: vectors.count)
        }
        try vectors.withUnsafeBufferPointer { all in
            for index in texts.indices
            where !VectorRowCheck.isHealthy(UnsafeBufferPointer(rebasing: all[(index * dimension)..<((index + 1) * dimension)])) {
                throw LibraryError.embedderRow(modelID: modelID, text: String(texts[index].prefix(60)))
            }
        }
        return vectors
    }

    /// Re-embeds, from their stored text, the papers whose vector rows are among `rows` — rows a reader
    /// found damaged (``VectorRowCheck``) — and writes each vector back into its own row; returns how many
    /// rows were rewritten. Rows no paper references are left alone (nothing reads them).
    ///
    /// Why in place, when committed rows are otherwise never overwritten: the row's bytes are garbage
    /// already, so a concurrent reader can only go from a row it rejects to the right one, and a kill
    /// mid-write leaves a row that is rejected and repaired again. The paper keeps its row, so nothing in
    /// the database changes. One write transaction; the file is fsynced before it commits.
    /// - Complexity: one embedding per damaged row; nothing proportional to the library.
    @discardableResult
    public func repairVectorRows(_ rows: Set<Int>) throws -> Int {
        func referencing(_ db: Database) throws -> [PaperRecord] {
            try chunked(rows.sorted()).flatMap { chunk in
                try PaperRecord.filter(chunk.contains(PaperRecord.Columns.vectorRow)).fetchAll(db)
            }
        }
        // A read first: a damaged row no paper references (a superseded version's) needs no write lock.
        guard !rows.isEmpty, try read({ try !referencing($0).isEmpty }) else { return 0 }
        return try write { db in
            var appender = try preparedVectorAppender(db)
            let papers = try referencing(db)
            var repaired = 0
            for start in stride(from: 0, to: papers.count, by: Self.embeddingChunk) {
                let chunk = papers[start..<min(start + Self.embeddingChunk, papers.count)]
                let vectors = try embedChecked(chunk.map(\.embeddingText))
                for (offset, paper) in chunk.enumerated() {
                    guard let row = paper.vectorRow, row < appender.header.rowCount else { continue }
                    try appender.write(vectors[(offset * dimension)..<((offset + 1) * dimension)], atRow: row)
                    repaired += 1
                }
            }
            try appender.finish()
            return repaired
        }
    }

    /// Deletes the vector files of other models, called once a rebuild has made this model's file.
    ///
    /// Such a file is never read again — returning to its model rebuilds it, as its generation is older
    /// than the database's — so it is only disk: 100 MB per 100 k papers at 256 dimensions, left behind by
    /// every model upgrade. The caller holds the write transaction, so no other process is rebuilding; a
    /// process still reading an old file keeps its mapping (the file is unlinked, not truncated).
    func removeOtherModelsVectorFiles() {
        let current = Set(([vectorFilePath] + quantizedCopies.map(\.path)).map { URL(fileURLWithPath: $0).lastPathComponent })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where DataDirectory.isVectorFileOrCopy(name) && !current.contains(name) {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Deletes rebuild files left by killed rebuilds: those no live process holds the lock of.
    func removeAbandonedRebuildFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where DataDirectory.isVectorRebuildFile(name) {
            let path = directory.appendingPathComponent(name).path
            guard let handle = try? VectorFileHandle.openForWriting(path, create: false), handle.tryLockExclusive() else {
                continue
            }
            unlink(path)
        }
    }
}
