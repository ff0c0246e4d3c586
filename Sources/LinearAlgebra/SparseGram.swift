import Dispatch

/// The Gram matrix of a small set of sparse vectors (a profile's rated papers, a shortlist's head for MMR).
/// Products of many vectors with one fixed large set go through ``SparsePostings`` instead.
///
/// Each row is scattered once into a dense accumulator and every earlier row is gathered against it, so
/// a product costs O(nnz) instead of a merge join per pair. The rows' indices are first renumbered onto
/// the columns they actually use (a few thousand of the 2^20 hash buckets), so the accumulator stays in
/// the L2 cache instead of spanning a 4 MB bucket-wide array. Work is split over two threads by rows, each
/// with its own accumulator, and every output element is written by exactly one thread, so results are
/// identical to a single-threaded run.
public enum SparseGram {
    /// The symmetric Gram matrix K[i][j] = <rows[i], rows[j]>, computing only the lower triangle.
    ///
    /// - Complexity: O(n² × average nnz / 2).
    public static func gram(_ rows: [SparseVector], dimension: Int) -> Matrix {
        let n = rows.count
        var result = Matrix(rows: n, columns: n)
        guard n > 0 else { return result }
        let (rows, dimension) = compacted(rows)
        let chunks = ConcurrentParts.parts(for: n, minimumPerPart: 1)
        result.withUnsafeMutableBufferPointer { output in
            let out = _GramOutput(buffer: output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var dense = [Float](repeating: 0, count: dimension)
                dense.withUnsafeMutableBufferPointer { accumulator in
                    // Interleaved rows balance the triangle's uneven row lengths between threads.
                    var i = chunk
                    while i < n {
                        scatter(rows[i], into: accumulator)
                        for j in 0 ... i {
                            let value = gather(rows[j], from: accumulator)
                            out.buffer[i * n + j] = value
                            out.buffer[j * n + i] = value
                        }
                        clear(rows[i], in: accumulator)
                        i += chunks
                    }
                }
            }
        }
        return result
    }

    /// The rows renumbered onto the sorted union of their indices (order-preserving, so still sorted),
    /// and the union's size.
    static func compacted(_ rows: [SparseVector]) -> ([SparseVector], Int) {
        var all: [Int32] = []
        all.reserveCapacity(rows.reduce(0) { $0 + $1.indices.count })
        for row in rows { all.append(contentsOf: row.indices) }
        all.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(all.count / 4)
        for index in all where unique.last != index { unique.append(index) }
        let renumbered = unique.withUnsafeBufferPointer { columns in
            rows.map { row in
                SparseVector(indices: row.indices.map { Int32(position(of: $0, in: columns)) }, values: row.values)
            }
        }
        return (renumbered, unique.count)
    }

    /// Binary search for an index known to be present.
    @inline(__always)
    static func position(of index: Int32, in columns: UnsafeBufferPointer<Int32>) -> Int {
        var low = 0
        var high = columns.count
        while low < high {
            let middle = (low + high) >> 1
            if columns[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    @inline(__always)
    static func scatter(_ row: SparseVector, into accumulator: UnsafeMutableBufferPointer<Float>) {
        for (index, value) in zip(row.indices, row.values) { accumulator[Int(index)] = value }
    }

    @inline(__always)
    static func clear(_ row: SparseVector, in accumulator: UnsafeMutableBufferPointer<Float>) {
        for index in row.indices { accumulator[Int(index)] = 0 }
    }

    @inline(__always)
    static func gather(_ row: SparseVector, from accumulator: UnsafeMutableBufferPointer<Float>) -> Float {
        var sum: Float = 0
        for (index, value) in zip(row.indices, row.values) { sum += accumulator[Int(index)] * value }
        return sum
    }
}

/// The output buffer of one Gram or postings product, lent to the worker threads of one `concurrentPerform`.
///
/// `@unchecked Sendable` because it carries a pointer: each worker writes only the rows (and, for the
/// symmetric Gram, their mirrored columns) of its own interleaved share, and the buffer outlives the call.
struct _GramOutput: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Float>
}
