import Dispatch

/// A fixed set of sparse rows stored by index — for every index in use, the rows holding it and their values
/// (an inverted index, i.e. the set's transpose in compressed form) — so that one vector's inner products
/// with all the rows cost only the entries the two actually share.
///
/// Why not a scatter/gather product (``SparseGram``): scattering the vector and gathering every row costs
/// the set's whole nnz per vector (2,000 weak negatives × ~120 entries = 240 k reads), although a paper
/// shares a word with most of them only through a few common terms. Walking the postings of the vector's
/// own entries (Gustavson's row-by-row sparse product) reads only those shared entries.
public struct SparsePostings: Sendable {
    /// How many rows the set has (the length of every product vector).
    public let rowCount: Int
    /// The indices in use, ascending.
    let indices: [Int32]
    /// `indices.count + 1` offsets into `rows`/`values`: the postings of `indices[k]`.
    let offsets: [Int]
    let rows: [Int32]
    let values: [Float]

    /// - Complexity: O(nnz · log nnz) (one sort of the entries by index).
    public init(rows set: [SparseVector]) {
        rowCount = set.count
        var entries: [(index: Int32, row: Int32, value: Float)] = []
        entries.reserveCapacity(set.reduce(0) { $0 + $1.indices.count })
        for (row, vector) in set.enumerated() {
            for (index, value) in zip(vector.indices, vector.values) { entries.append((index, Int32(row), value)) }
        }
        // Rows ascending within an index, so every product is summed in the same order on every run.
        entries.sort { $0.index != $1.index ? $0.index < $1.index : $0.row < $1.row }
        var indices: [Int32] = []
        var offsets: [Int] = []
        for (position, entry) in entries.enumerated() where indices.last != entry.index {
            indices.append(entry.index)
            offsets.append(position)
        }
        offsets.append(entries.count)
        self.indices = indices
        self.offsets = offsets
        self.rows = entries.map(\.row)
        self.values = entries.map(\.value)
    }

    /// Writes ⟨x, row j⟩ for every row j into `products` (`rowCount` elements, overwritten).
    ///
    /// - Complexity: O(nnz(x) · log(indices in use) + the entries x shares with the set).
    public func products(with x: SparseVector, into products: UnsafeMutableBufferPointer<Float>) {
        precondition(products.count == rowCount, "SparsePostings: \(products.count) outputs for \(rowCount) rows")
        products.update(repeating: 0)
        indices.withUnsafeBufferPointer { indices in
            rows.withUnsafeBufferPointer { rows in
                values.withUnsafeBufferPointer { values in
                    // x's indices ascend, so each search can start where the last one ended.
                    var low = 0
                    for (index, value) in zip(x.indices, x.values) {
                        var high = indices.count
                        while low < high {
                            let middle = (low + high) >> 1
                            if indices[middle] < index { low = middle + 1 } else { high = middle }
                        }
                        guard low < indices.count, indices[low] == index else { continue }
                        for p in offsets[low] ..< offsets[low + 1] {
                            products[Int(rows[p])] += value * values[p]
                        }
                    }
                }
            }
        }
    }

    /// K[i][j] = ⟨vectors[i], row j⟩: `vectors.count` × ``rowCount``, row-major. Rows of K are split over two
    /// threads; each is computed by ``products(with:into:)`` alone, so the split changes nothing.
    public func products(with vectors: [SparseVector]) -> Matrix {
        var result = Matrix(rows: vectors.count, columns: rowCount)
        guard !vectors.isEmpty, rowCount > 0 else { return result }
        let columns = rowCount
        let threads = min(2, vectors.count)
        result.withUnsafeMutableBufferPointer { output in
            let out = _GramOutput(buffer: output)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for i in stride(from: thread, to: vectors.count, by: threads) {
                    products(
                        with: vectors[i],
                        into: UnsafeMutableBufferPointer(rebasing: out.buffer[(i * columns) ..< ((i + 1) * columns)]))
                }
            }
        }
        return result
    }
}
