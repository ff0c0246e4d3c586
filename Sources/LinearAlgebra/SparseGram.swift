import Dispatch

/// Inner products between sets of sparse vectors, for kernel (dual) methods on the sparse view.
///
/// Each row of the left set is scattered once into a dense accumulator of `dimension` floats and every
/// right row is gathered against it, so a product costs O(nnz) instead of a merge join per pair. The
/// accumulator is the only allocation and is reused across rows; work is split over two threads by
/// left rows, each with its own accumulator, and every output element is written by exactly one
/// thread, so results are identical to a single-threaded run.
public enum SparseGram {
    /// K[i][j] = <left[i], right[j]>; `left.count` × `right.count`, row-major.
    ///
    /// - Complexity: O(Σ nnz(left) + left.count × Σ nnz(right)).
    public static func cross(_ left: [SparseVector], _ right: [SparseVector], dimension: Int) -> Matrix {
        var result = Matrix(rows: left.count, columns: right.count)
        guard !left.isEmpty, !right.isEmpty else { return result }
        let columns = right.count
        let chunks = min(2, left.count)
        result.withUnsafeMutableBufferPointer { output in
            let out = _GramOutput(buffer: output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var dense = [Float](repeating: 0, count: dimension)
                dense.withUnsafeMutableBufferPointer { accumulator in
                    var i = chunk
                    while i < left.count {
                        let row = left[i]
                        scatter(row, into: accumulator)
                        for j in 0 ..< columns {
                            out.buffer[i * columns + j] = gather(right[j], from: accumulator)
                        }
                        clear(row, in: accumulator)
                        i += chunks
                    }
                }
            }
        }
        return result
    }

    /// The symmetric Gram matrix K[i][j] = <rows[i], rows[j]>, computing only the lower triangle.
    ///
    /// - Complexity: O(n² × average nnz / 2).
    public static func gram(_ rows: [SparseVector], dimension: Int) -> Matrix {
        let n = rows.count
        var result = Matrix(rows: n, columns: n)
        guard n > 0 else { return result }
        let chunks = min(2, n)
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

/// The output buffer of one Gram product, lent to the worker threads of one `concurrentPerform`.
///
/// `@unchecked Sendable` because it carries a pointer: each worker writes only the rows (and, for the
/// symmetric Gram, their mirrored columns) of its own interleaved share, and the buffer outlives the call.
struct _GramOutput: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Float>
}
