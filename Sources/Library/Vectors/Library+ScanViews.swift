import Foundation
import LinearAlgebra

extension Library {
    /// The writer of ``quantizedVectorFileURL``.
    var quantizedVectorFile: QuantizedVectorFile {
        QuantizedVectorFile(path: quantizedVectorFileURL.path, layout: Int8RowLayout(dimension: dimension))
    }

    /// Lends the vector file (``withVectors(_:)``) and, beside it, its 8-bit copy when that can be trusted:
    /// same generation and layout, and as many rows as its header claims. `nil` otherwise (missing, damaged,
    /// of an older file): the caller scans in Float32, and the next write rebuilds the copy. Never an error.
    ///
    /// The copy's view covers at most the rows of the vector view; rows the copy lacks are for the caller
    /// to score in Float32.
    public func withScanViews<R>(_ body: (VectorView, QuantizedVectorView?) throws -> R) throws -> R {
        try withVectors { view in
            let layout = Int8RowLayout(dimension: view.dimension)
            guard let handle = try? VectorFileHandle.openForReading(quantizedVectorFileURL.path),
                  let bytes = try? handle.read(count: QuantizedFileHeader.size, at: 0),
                  case .success(let header) = QuantizedFileHeader.decode(bytes),
                  header.generation == view.generation, header.layout == layout,
                  let size = try? handle.size()
            else { return try body(view, nil) }
            let rows = min(header.rowCount, view.rowCount, max(0, (size - QuantizedFileHeader.size) / layout.rowBytes))
            guard rows > 0 else { return try body(view, nil) }
            do {
                return try handle.withMappedBytes(length: header.offset(ofRow: rows)) { mapped in
                    try body(view, QuantizedVectorView(
                        rowCount: rows, layout: layout, rows: UnsafeRawBufferPointer(rebasing: mapped[QuantizedFileHeader.size...])))
                }
            } catch LibraryError.vectorFileIO(_, "mmap", _) {
                return try body(view, nil)
            }
        }
    }

    /// Quantises `rows` of the vector file again into the 8-bit copy: rows a scan found damaged there. A
    /// library that cannot be written keeps them, and scans keep scoring them exactly. Never an error.
    public func repairQuantizedRows(_ rows: Set<Int>) {
        guard !rows.isEmpty, !isReadOnly else { return }
        _ = try? write { db in
            var appender = try preparedVectorAppender(db)
            appender.requantize(rows)
            try appender.finish()
        }
    }
}
