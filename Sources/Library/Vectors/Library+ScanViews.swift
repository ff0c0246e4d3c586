import Foundation
import LinearAlgebra

extension Library {
    /// The writer of ``quantizedVectorFileURL``.
    var quantizedVectorFile: QuantizedVectorFile {
        QuantizedVectorFile(path: quantizedVectorFileURL.path, layout: Int8RowLayout(dimension: dimension))
    }

    /// The writer of ``prefixVectorFileURL(_:)``, for a prefix this library keeps (``quantizedCopies``).
    func prefixVectorFile(_ prefix: Int8Prefix) -> QuantizedVectorFile {
        QuantizedVectorFile(path: prefixVectorFileURL(prefix).path, layout: prefix.layout)
    }

    /// Every 8-bit copy of the vector file, each kept level with it by the same writes: the full rows and the
    /// prefixes narrower than them (``Int8Prefix/kept(forDimension:)``).
    var quantizedCopies: [QuantizedVectorFile] {
        [quantizedVectorFile] + Int8Prefix.kept(forDimension: dimension).map(prefixVectorFile)
    }

    /// Lends the vector file (``withVectors(_:)``) and, beside it, its 8-bit copy when that can be trusted:
    /// same generation and layout, and as many rows as its header claims. `nil` otherwise (missing, damaged,
    /// of an older file): the caller scans in Float32, and the next write rebuilds the copy. Never an error.
    /// The prefix copies (``QuantizedVectorView/prefixes``) are lent on the same terms inside the full one.
    ///
    /// The copy's view covers at most the rows of the vector view; rows the copy lacks are for the caller
    /// to score in Float32 (or, past a prefix copy, with the full 8-bit rows).
    public func withScanViews<R>(_ body: (VectorView, QuantizedVectorView?) throws -> R) throws -> R {
        try withVectors { view in
            try Self.withMappedCopy(quantizedVectorFile, of: view) { full in
                guard let full else { return try body(view, nil) }
                return try withMappedPrefixes(Int8Prefix.kept(forDimension: dimension)[...], of: view, full: full, mapped: [:]) { prefixes in
                    try body(view, QuantizedVectorView(full: full, prefixes: prefixes))
                }
            }
        }
    }

    /// The trusted ones of `remaining` prefix copies mapped, added to `mapped`, for the duration of `body`;
    /// each covers at most the full copy's rows.
    private func withMappedPrefixes<R>(
        _ remaining: ArraySlice<Int8Prefix>, of view: VectorView, full: QuantizedRows, mapped: [Int8Prefix: QuantizedRows],
        _ body: ([Int8Prefix: QuantizedRows]) throws -> R
    ) throws -> R {
        guard let prefix = remaining.first else { return try body(mapped) }
        return try Self.withMappedCopy(prefixVectorFile(prefix), of: view) { rows in
            var mapped = mapped
            if let rows {
                mapped[prefix] = QuantizedRows(
                    rowCount: min(rows.rowCount, full.rowCount), layout: rows.layout, rows: rows.rows, file: rows.file,
                    firstRowOffset: rows.firstRowOffset)
            }
            return try withMappedPrefixes(remaining.dropFirst(), of: view, full: full, mapped: mapped, body)
        }
    }

    /// The rows of `file` mapped for the duration of `body`, when its header matches `view` (generation,
    /// layout) and it holds rows; `nil` otherwise. Never an error of its own.
    private static func withMappedCopy<R>(
        _ file: QuantizedVectorFile, of view: VectorView, _ body: (QuantizedRows?) throws -> R
    ) throws -> R {
        let layout = file.layout
        guard let handle = try? VectorFileHandle.openForReading(file.path),
              let bytes = try? handle.read(count: QuantizedFileHeader.size, at: 0),
              case .success(let header) = QuantizedFileHeader.decode(bytes),
              header.generation == view.generation, header.layout == layout,
              let size = try? handle.size()
        else { return try body(nil) }
        let rows = min(header.rowCount, view.rowCount, max(0, (size - QuantizedFileHeader.size) / layout.rowBytes))
        guard rows > 0 else { return try body(nil) }
        do {
            return try handle.withMappedBytes(length: header.offset(ofRow: rows)) { mapped in
                try body(QuantizedRows(
                    rowCount: rows, layout: layout, rows: UnsafeRawBufferPointer(rebasing: mapped[QuantizedFileHeader.size...]),
                    file: handle, firstRowOffset: QuantizedFileHeader.size))
            }
        } catch LibraryError.vectorFileIO(_, "mmap", _) {
            return try body(nil)
        }
    }

    /// Quantises `rows` of the vector file again into the 8-bit copies: rows a scan found damaged there. A
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
