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

    /// - Complexity: O(nnz + largest index): a counting sort of the entries by index (a comparison sort of
    /// the 1.1 M entries of a 2,000-paper weak-negative sample's two views was a tenth of a cold `shortlist`).
    public init(rows set: [SparseVector]) {
        rowCount = set.count
        let largest = set.reduce(-1) { max($0, Int($1.indices.last ?? -1)) }
        let total = set.reduce(0) { $0 + $1.indices.count }
        // next[i] counts index i's entries, then (prefix sums) says where the next of them goes.
        var next = [Int](repeating: 0, count: largest + 1)
        var rows = [Int32](repeating: 0, count: total)
        var values = [Float](repeating: 0, count: total)
        var indices: [Int32] = []
        var offsets: [Int] = []
        next.withUnsafeMutableBufferPointer { next in
            for vector in set {
                vector.indices.withUnsafeBufferPointer { for index in $0 { next[Int(index)] += 1 } }
            }
            var position = 0
            for index in next.indices where next[index] > 0 {
                indices.append(Int32(index))
                offsets.append(position)
                position += next[index]
                next[index] = offsets[offsets.count - 1]
            }
            offsets.append(position)
            // Rows are visited in order, so within an index they ascend: every product is summed in the same
            // order on every run (as the stable sort this replaces did).
            rows.withUnsafeMutableBufferPointer { rows in
                values.withUnsafeMutableBufferPointer { values in
                    for (row, vector) in set.enumerated() {
                        vector.indices.withUnsafeBufferPointer { vectorIndices in
                            vector.values.withUnsafeBufferPointer { vectorValues in
                                for k in 0 ..< vectorIndices.count {
                                    let index = Int(vectorIndices[k])
                                    let target = next[index]
                                    rows[target] = Int32(row)
                                    values[target] = vectorValues[k]
                                    next[index] = target + 1
                                }
                            }
                        }
                    }
                }
            }
        }
        self.indices = indices
        self.offsets = offsets
        self.rows = rows
        self.values = values
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

    /// K[i][j] = ⟨vectors[i], row j⟩: `vectors.count` × ``rowCount``, row-major. Rows of K are split over the
    /// cores (``ConcurrentParts/parts(for:minimumPerPart:)``); each is computed by ``products(with:into:)`` alone, so the split changes nothing.
    public func products(with vectors: [SparseVector]) -> Matrix {
        var result = Matrix(rows: vectors.count, columns: rowCount)
        guard !vectors.isEmpty, rowCount > 0 else { return result }
        let columns = rowCount
        let threads = ConcurrentParts.parts(for: vectors.count, minimumPerPart: 1)
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
