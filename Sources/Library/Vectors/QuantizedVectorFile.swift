import Foundation
import LinearAlgebra

/// Keeps an 8-bit copy of the vector file level with it: `vectors-<modelID>.i8` (every dimension) or
/// `vectors-<modelID>.p8`, `.w8` and `.h8` (the leading ``Int8Prefix/dimension``, for the prefix first pass). Used by the
/// one writer that holds the SQLite write lock (``VectorAppender/finish()``), after the vector file's rows
/// are durable.
///
/// Derived data, so never a reason to fail a write: any error leaves the file deleted (readers then scan
/// in Float32) and the next write rebuilds it. Rows a reader may map are never cut or rewritten except
/// rows being repaired; a whole rebuild goes through a new file renamed over the old one, so a reader's
/// mapping stays valid.
struct QuantizedVectorFile {
    /// Float32 rows read from the vector file per chunk: bounds memory to `chunk × dimension` floats.
    static let chunkRows = 4_096

    let path: String
    /// The layout of the copy's rows: of the vector file's leading `layout.dimension` values of each row.
    let layout: Int8RowLayout

    /// The header on disk, or `nil` when the file is missing or its header unusable.
    func header() -> QuantizedFileHeader? {
        guard let handle = try? VectorFileHandle.openForReading(path),
              let bytes = try? handle.read(count: QuantizedFileHeader.size, at: 0),
              case .success(let header) = QuantizedFileHeader.decode(bytes)
        else { return nil }
        return header
    }

    /// Whether the file covers all of `vectors` (same generation and layout, every row).
    func isLevel(with vectors: VectorFileHeader) -> Bool {
        guard let header = header() else { return false }
        return header.generation == vectors.generation && header.layout == layout && header.rowCount == vectors.rowCount
    }

    /// Lowers the row count to at most `rows`, before the vector file's rows from `rows` on are written
    /// again (rows a killed write left behind, rows being restored): their 8-bit form would be stale.
    func trim(toAtMost rows: Int) {
        guard var header = header(), header.rowCount > rows else { return }
        header.rowCount = rows
        do {
            guard let handle = try VectorFileHandle.openForWriting(path, create: false) else { return }
            try header.encoded().withUnsafeBytes { try handle.write($0, at: 0) }
        } catch {
            discard()
        }
    }

    /// Brings the file level with the vector file behind `source` (described by `vectors`): rows
    /// `0..<trustedRows` already in the file are kept, except `rewritten` (re-quantised); the rest are
    /// quantised from `source`. A file of another generation or layout, or an unreadable one, is rebuilt.
    func catchUp(from source: VectorFileHandle, vectors: VectorFileHeader, trustedRows: Int, rewritten: Set<Int>) {
        do {
            guard let current = header(), current.generation == vectors.generation, current.layout == layout,
                  let handle = try VectorFileHandle.openForWriting(path, create: false)
            else { return try rebuild(from: source, vectors: vectors) }
            let bodyRows = max(0, (try handle.size() - QuantizedFileHeader.size) / layout.rowBytes)
            let kept = min(current.rowCount, trustedRows, bodyRows, vectors.rowCount)
            let repairs = rewritten.filter { $0 < kept }.sorted()
            guard kept < vectors.rowCount || !repairs.isEmpty || current.rowCount != vectors.rowCount else { return }
            var header = current
            if header.rowCount > kept {
                header.rowCount = kept
                try header.encoded().withUnsafeBytes { try handle.write($0, at: 0) }
            }
            for row in repairs { try copy(rows: row..<(row + 1), from: source, vectors: vectors, to: handle) }
            try copy(rows: kept..<vectors.rowCount, from: source, vectors: vectors, to: handle)
            try handle.truncate(to: header.offset(ofRow: vectors.rowCount))
            try handle.sync()
            header.rowCount = vectors.rowCount
            try header.encoded().withUnsafeBytes { try handle.write($0, at: 0) }
        } catch {
            discard()
        }
    }

    /// Writes the whole file anew beside the old one and renames it over: a reader keeps the old mapping.
    func rebuild(from source: VectorFileHandle, vectors: VectorFileHeader) throws {
        let handle = try VectorFileHandle.createRebuildFile(beside: path)
        let temporaryPath = handle.path
        var renamed = false
        defer { if !renamed { unlink(temporaryPath) } }
        var header = QuantizedFileHeader(layout: layout, rowCount: 0, generation: vectors.generation)
        try header.encoded().withUnsafeBytes { try handle.write($0, at: 0) }
        try copy(rows: 0..<vectors.rowCount, from: source, vectors: vectors, to: handle)
        header.rowCount = vectors.rowCount
        try header.encoded().withUnsafeBytes { try handle.write($0, at: 0) }
        try handle.sync()
        try VectorFileHandle.renameDurably(temporaryPath, to: path, directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        renamed = true
    }

    /// Quantises the vector file's `rows` into the same rows of `target`, a chunk at a time.
    private func copy(rows: Range<Int>, from source: VectorFileHandle, vectors: VectorFileHeader, to target: VectorFileHandle) throws {
        let probe = QuantizedFileHeader(layout: layout, rowCount: 0, generation: vectors.generation)
        for start in stride(from: rows.lowerBound, to: rows.upperBound, by: Self.chunkRows) {
            let count = min(Self.chunkRows, rows.upperBound - start)
            let bytes = try source.read(count: count * vectors.rowBytes, at: vectors.offset(ofRow: start))
            guard bytes.count == count * vectors.rowBytes else {
                throw LibraryError.vectorFileIO(path: source.path, operation: "read", errno: EIO)
            }
            var floats = [Float](repeating: 0, count: count * vectors.dimension)
            floats.withUnsafeMutableBytes { out in bytes.withUnsafeBytes { out.copyMemory(from: $0) } }
            var encoded = [UInt8](repeating: 0, count: count * layout.rowBytes)
            floats.withUnsafeBufferPointer { all in
                encoded.withUnsafeMutableBytes { out in
                    for r in 0..<count {
                        let start = r * vectors.dimension
                        layout.quantize(
                            UnsafeBufferPointer(rebasing: all[start..<(start + layout.dimension)]),
                            into: UnsafeMutableRawBufferPointer(rebasing: out[(r * layout.rowBytes)..<((r + 1) * layout.rowBytes)]))
                    }
                }
            }
            try encoded.withUnsafeBytes { try target.write($0, at: probe.offset(ofRow: start)) }
        }
    }

    /// Deletes the file: readers then scan in Float32 until the next write rebuilds it.
    func discard() { unlink(path) }
}
