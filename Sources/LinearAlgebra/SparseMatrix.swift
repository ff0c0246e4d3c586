/// A sparse `Float` matrix in compressed sparse row (CSR) form.
///
/// Row `i` holds the entries `values[p]` at columns `columnIndices[p]` for `p` in
/// `rowOffsets[i] ..< rowOffsets[i + 1]`, with the column indices of a row strictly increasing. This is the
/// layout of a corpus's tf-idf matrix (one paper per row), and the layout whose rows the products in
/// `SparseMatrix+Products.swift` walk contiguously.
public struct SparseMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// `rows + 1` non-decreasing offsets into `columnIndices` and `values`, starting at 0.
    public let rowOffsets: [Int]
    /// The column of each stored entry, strictly increasing within a row.
    public let columnIndices: [Int32]
    /// The stored entries.
    public let values: [Float]

    /// A matrix whose row `i` is `rows[i]`; every index of every row must be below `columns`.
    ///
    /// - Complexity: O(rows + nonzeros).
    public init(rows: [SparseVector], columns: Int) {
        precondition(columns >= 0, "SparseMatrix: negative column count \(columns)")
        var offsets = [Int]()
        offsets.reserveCapacity(rows.count + 1)
        offsets.append(0)
        let total = rows.reduce(0) { $0 + $1.indices.count }
        var indices = [Int32]()
        var entries = [Float]()
        indices.reserveCapacity(total)
        entries.reserveCapacity(total)
        for (i, row) in rows.enumerated() {
            if let last = row.indices.last {
                precondition(
                    Int(last) < columns,
                    "SparseMatrix: row \(i) has column \(last), the matrix has \(columns) columns")
            }
            indices.append(contentsOf: row.indices)
            entries.append(contentsOf: row.values)
            offsets.append(indices.count)
        }
        self.init(unchecked: rows.count, columns: columns, rowOffsets: offsets, columnIndices: indices, values: entries)
    }

    /// A matrix over CSR arrays built elsewhere; they are checked for the invariants listed on the properties.
    ///
    /// - Complexity: O(rows + nonzeros).
    public init(rows: Int, columns: Int, rowOffsets: [Int], columnIndices: [Int32], values: [Float]) {
        precondition(rows >= 0 && columns >= 0, "SparseMatrix: negative shape \(rows)×\(columns)")
        precondition(
            rowOffsets.count == rows + 1 && rowOffsets.first == 0 && rowOffsets.last == columnIndices.count,
            "SparseMatrix: rowOffsets must have \(rows + 1) entries from 0 to \(columnIndices.count)")
        precondition(
            columnIndices.count == values.count,
            "SparseMatrix: \(columnIndices.count) column indices but \(values.count) values")
        for i in 0 ..< rows {
            let (start, end) = (rowOffsets[i], rowOffsets[i + 1])
            precondition(start <= end, "SparseMatrix: rowOffsets decrease at row \(i)")
            var previous: Int32 = -1
            for p in start ..< end {
                let column = columnIndices[p]
                precondition(
                    column > previous && Int(column) < columns,
                    "SparseMatrix: row \(i) has column \(column) out of order or outside 0..<\(columns)")
                previous = column
            }
        }
        self.init(unchecked: rows, columns: columns, rowOffsets: rowOffsets, columnIndices: columnIndices, values: values)
    }

    init(unchecked rows: Int, columns: Int, rowOffsets: [Int], columnIndices: [Int32], values: [Float]) {
        self.rows = rows
        self.columns = columns
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The number of stored entries.
    public var nonzeroCount: Int { values.count }

    /// Row `i` as a sparse vector.
    ///
    /// - Complexity: O(nonzeros of the row).
    public func row(_ i: Int) -> SparseVector {
        precondition(i >= 0 && i < rows, "SparseMatrix.row: row \(i) out of 0..<\(rows)")
        let range = rowOffsets[i] ..< rowOffsets[i + 1]
        return SparseVector(uncheckedIndices: Array(columnIndices[range]), values: Array(values[range]))
    }

    /// The transpose in CSR form (equivalently, this matrix in compressed sparse column form).
    ///
    /// A counting sort by column; rows are visited in order, so each output row's indices come out sorted.
    ///
    /// - Complexity: O(rows + columns + nonzeros).
    public func transposed() -> SparseMatrix {
        var offsets = [Int](repeating: 0, count: columns + 1)
        for column in columnIndices { offsets[Int(column) + 1] += 1 }
        for j in 0 ..< columns { offsets[j + 1] += offsets[j] }
        var next = offsets
        var indices = [Int32](repeating: 0, count: nonzeroCount)
        var entries = [Float](repeating: 0, count: nonzeroCount)
        for i in 0 ..< rows {
            for p in rowOffsets[i] ..< rowOffsets[i + 1] {
                let column = Int(columnIndices[p])
                let q = next[column]
                indices[q] = Int32(i)
                entries[q] = values[p]
                next[column] = q + 1
            }
        }
        return SparseMatrix(unchecked: columns, columns: rows, rowOffsets: offsets, columnIndices: indices, values: entries)
    }

    /// The same matrix stored densely.
    ///
    /// - Complexity: O(rows · columns + nonzeros).
    public func densified() -> Matrix {
        var dense = Matrix(rows: rows, columns: columns)
        for i in 0 ..< rows {
            for p in rowOffsets[i] ..< rowOffsets[i + 1] {
                dense.storage[i * columns + Int(columnIndices[p])] = values[p]
            }
        }
        return dense
    }
}
