public import LinearAlgebra

/// The 8-bit rows of the vector file (``QuantizedFileHeader``), memory-mapped read-only, lent beside a
/// ``VectorView`` by ``Library/withScanViews(_:)`` only.
///
/// It covers rows `0..<rowCount`, never more than the vector view: rows the vector file has beyond it (the
/// 8-bit file lags after a crash between the two writes, or an older library) are for the caller to score
/// in Float32.
public struct QuantizedVectorView {
    /// The full copy (`vectors-<model>.i8`).
    public let full: QuantizedRows
    /// The prefix copies (``Int8Prefix``) that can be trusted: one missing, damaged or of an older file is
    /// absent, and the caller scans another or the full rows. Each covers at most `rowCount` rows.
    public let prefixes: [Int8Prefix: QuantizedRows]

    public var rowCount: Int { full.rowCount }
    public var layout: Int8RowLayout { full.layout }
    /// `rowCount × layout.rowBytes` bytes.
    public var rows: UnsafeRawBufferPointer { full.rows }

    /// Every copy lent: the full rows, then the prefix copies, narrowest first.
    public var copies: [QuantizedRows] { [full] + Int8Prefix.allCases.compactMap { prefixes[$0] } }
}

/// The mapped rows of one 8-bit copy: rows `0..<rowCount` in `layout`. For a prefix copy
/// (`vectors-<model>.p8`, `.w8` or `.h8`, the leading ``Int8Prefix/dimension`` dimensions), rows past it are for
/// the caller to score in full.
public struct QuantizedRows {
    public let rowCount: Int
    public let layout: Int8RowLayout
    /// `rowCount × layout.rowBytes` bytes.
    public let rows: UnsafeRawBufferPointer
    /// The open file the rows are mapped from, and where row 0 starts in it: ``gather(_:)`` reads from it.
    let file: VectorFileHandle
    let firstRowOffset: Int

    /// The bytes of `rows` (each below `rowCount`) one after another, read from the file rather than
    /// through the mapping.
    ///
    /// Why: the rows a prefix pass keeps (8,192 of 2.7 M) are scattered over a 700 MB file, and through the
    /// mapping each costs a page fault that also maps the 15 pages around it, which the unmapping must then
    /// clear again; a `pread` of 260 bytes costs a third of that (session 10, Benchmarks/README.md). Runs of
    /// adjacent rows are read at once. A row the read cannot deliver (an I/O error, a file cut short under
    /// us) is copied from the mapping, which shows the same file.
    public func gather(_ rows: [Int]) -> [UInt8] {
        let rowBytes = layout.rowBytes
        var bytes = [UInt8](repeating: 0, count: rows.count * rowBytes)
        bytes.withUnsafeMutableBytes { out in
            var start = 0
            while start < rows.count {
                var end = start + 1
                while end < rows.count && rows[end] == rows[end - 1] + 1 { end += 1 }
                precondition(rows[start] >= 0 && rows[end - 1] < rowCount, "QuantizedRows.gather: row out of range")
                let target = UnsafeMutableRawBufferPointer(rebasing: out[(start * rowBytes)..<(end * rowBytes)])
                let read = (try? file.read(into: target, at: firstRowOffset + rows[start] * rowBytes)) ?? 0
                if read < target.count {
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: self.rows[(rows[start] * rowBytes)..<(rows[end - 1] + 1) * rowBytes]))
                }
                start = end
            }
        }
        return bytes
    }
}
