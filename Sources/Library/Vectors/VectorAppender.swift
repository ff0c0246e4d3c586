/// Writes rows into the vector file inside a write transaction, in the order that keeps the
/// database the truth: rows go beyond the last referenced row, then ``finish()`` rewrites the header
/// and fsyncs, and only then does the caller commit the transaction that points papers at them.
///
/// A kill before the commit leaves rows no paper references (dropped on the next open or write);
/// a committed row is never overwritten.
struct VectorAppender {
    let handle: VectorFileHandle
    /// The header as it will be written; `rowCount` is the rows in the file so far.
    private(set) var header: VectorFileHeader
    private var dirty = false

    init(handle: VectorFileHandle, header: VectorFileHeader, dirty: Bool) {
        self.handle = handle
        self.header = header
        self.dirty = dirty
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
        dirty = true
    }

    /// Rewrites the header with the row count and makes rows and header durable (`fsync`).
    mutating func finish() throws {
        guard dirty else { return }
        try header.encoded().withUnsafeBytes { bytes in try handle.write(bytes, at: 0) }
        try handle.sync()
        dirty = false
    }
}
