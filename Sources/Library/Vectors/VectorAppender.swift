/// Writes rows into the vector file inside a write transaction, in the order that keeps the
/// database the truth: rows go beyond the last referenced row, then ``finish()`` rewrites the header
/// and fsyncs, and only then does the caller commit the transaction that points papers at them.
///
/// A kill before the commit leaves rows no paper references (dropped on the next open or write);
/// a committed row is never overwritten.
///
/// ``finish()`` then brings the 8-bit copies (``QuantizedVectorFile``: full rows and prefixes) level, before
/// the commit too, so a reader never maps an 8-bit row of a committed row that differs from it.
struct VectorAppender {
    let handle: VectorFileHandle
    /// The header as it will be written; `rowCount` is the rows in the file so far.
    private(set) var header: VectorFileHeader
    private var dirty = false
    /// The 8-bit copies to keep level; none for a rebuild file (level once renamed).
    private let quantized: [QuantizedVectorFile]
    /// Rows whose 8-bit form in the copies still matches: rows from here on were (or will be) written again.
    private var trustedQuantizedRows: Int
    /// Rows below ``trustedQuantizedRows`` written again in place (restored or repaired).
    private var rewritten: Set<Int> = []

    /// - Parameter trustedQuantizedRows: rows of the copies that still match the file (`header.rowCount` unless
    ///   the caller is about to rewrite rows); the copies are trimmed to them now, before any row changes.
    init(handle: VectorFileHandle, header: VectorFileHeader, dirty: Bool, quantized: [QuantizedVectorFile], trustedQuantizedRows: Int) {
        self.handle = handle
        self.header = header
        self.dirty = dirty
        self.quantized = quantized
        self.trustedQuantizedRows = trustedQuantizedRows
        for copy in quantized { copy.trim(toAtMost: trustedQuantizedRows) }
    }

    /// Appends `vectors` (row-major, `dimension` floats a row) and returns the rows they got.
    mutating func append(_ vectors: [Float]) throws -> Range<Int> {
        let count = vectors.count / header.dimension
        let first = header.rowCount
        try vectors.withUnsafeBytes { bytes in
            try handle.write(bytes, at: header.offset(ofRow: first))
        }
        header.rowCount += count
        dirty = dirty || count > 0
        return first..<(first + count)
    }

    /// Writes one vector at an existing row position that no committed paper's vector occupies
    /// (a row the file lost, being restored) or whose bytes are damaged (being repaired); ``finish()``
    /// then makes it durable.
    mutating func write(_ vector: ArraySlice<Float>, atRow row: Int) throws {
        precondition(row < header.rowCount && vector.count == header.dimension)
        try vector.withUnsafeBytes { bytes in
            try handle.write(bytes, at: header.offset(ofRow: row))
        }
        rewritten.insert(row)
        dirty = true
    }

    /// Marks `rows` for ``finish()`` to quantise again into the 8-bit copies (rows found damaged there).
    mutating func requantize(_ rows: Set<Int>) {
        rewritten.formUnion(rows.filter { $0 < header.rowCount })
    }

    /// Rewrites the header with the row count and makes rows and header durable (`fsync`), then brings
    /// the 8-bit copies level (a header read each when they already are; a lagging or missing copy catches
    /// up here).
    mutating func finish() throws {
        if dirty {
            try header.encoded().withUnsafeBytes { bytes in try handle.write(bytes, at: 0) }
            try handle.sync()
            dirty = false
        }
        for copy in quantized where !rewritten.isEmpty || !copy.isLevel(with: header) {
            copy.catchUp(from: handle, vectors: header, trustedRows: trustedQuantizedRows, rewritten: rewritten)
        }
        trustedQuantizedRows = header.rowCount
        rewritten = []
    }
}
