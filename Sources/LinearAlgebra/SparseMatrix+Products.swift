import CBLAS
import Dispatch
import Foundation

/// Products of a CSR matrix with dense blocks: the heavy steps of `truncatedSVD(of:rank:…)`.
///
/// Row `i` of `A·X` is `Σ_p values[p] · X[columnIndices[p], :]`: every stored entry adds one contiguous row of
/// `X` into one contiguous output row, a `cblas_saxpy`, so the inner loop runs at vector speed even in a debug
/// build. Output rows are split into contiguous ranges of about equal nonzeros, one per core, and each output
/// row is written by one thread in a fixed order, so results do not depend on scheduling.
extension SparseMatrix {
    /// `A·X`: this `m`×`n` matrix times `dense` (`n`×`k`); an `m`×`k` matrix.
    ///
    /// The corresponding BLAS routine is `cblas_saxpy`, once per stored entry.
    ///
    /// - Complexity: O(nonzeros · k + m · k), split across the available cores.
    public func multiply(_ dense: Matrix) -> Matrix {
        precondition(
            dense.rows == columns,
            "SparseMatrix.multiply: \(rows)×\(columns) sparse times \(dense.rows)×\(dense.columns) dense")
        return _multiply(dense)
    }

    /// `Aᵀ·X`: this `m`×`n` matrix transposed times `dense` (`m`×`k`); an `n`×`k` matrix.
    ///
    /// Builds the transpose first (a counting sort), so that each output row is again one thread's
    /// contiguous accumulation. A caller multiplying by the transpose repeatedly should keep `transposed()`
    /// and call `multiply(_:)` on it.
    ///
    /// - Complexity: O(nonzeros · k + n · k) plus O(m + n + nonzeros) for the transpose.
    public func transposeMultiply(_ dense: Matrix) -> Matrix {
        precondition(
            dense.rows == rows,
            "SparseMatrix.transposeMultiply: (\(rows)×\(columns))ᵀ sparse times \(dense.rows)×\(dense.columns) dense")
        return transposed()._multiply(dense)
    }

    /// `A·x`: this `m`×`n` matrix times `vector` (`n` elements); `m` elements.
    ///
    /// - Complexity: O(nonzeros + m).
    public func multiply(_ vector: [Float]) -> [Float] {
        precondition(
            vector.count == columns,
            "SparseMatrix.multiply: \(rows)×\(columns) sparse times a vector of \(vector.count) elements")
        var result = [Float](repeating: 0, count: rows)
        vector.withUnsafeBufferPointer { x in
            columnIndices.withUnsafeBufferPointer { indices in
                values.withUnsafeBufferPointer { entries in
                    for i in 0 ..< rows {
                        var sum: Float = 0
                        for p in rowOffsets[i] ..< rowOffsets[i + 1] { sum += entries[p] * x[Int(indices[p])] }
                        result[i] = sum
                    }
                }
            }
        }
        return result
    }

    /// `A·X` for a `dense` whose row count the caller has checked.
    func _multiply(_ dense: Matrix) -> Matrix {
        let width = dense.columns
        var result = Matrix(rows: rows, columns: width)
        guard rows > 0, width > 0, nonzeroCount > 0 else { return result }
        let parts = _RowPartition(rowOffsets: rowOffsets, work: nonzeroCount * width)
        rowOffsets.withUnsafeBufferPointer { offsets in
            columnIndices.withUnsafeBufferPointer { indices in
                values.withUnsafeBufferPointer { entries in
                    dense.withUnsafeBufferPointer { source in
                        result.withUnsafeMutableBufferPointer { target in
                            let kernel = _AccumulateKernel(
                                offsets: offsets, indices: indices, entries: entries, source: source, target: target,
                                width: width)
                            parts.forEachRange { kernel.accumulate(rows: $0) }
                        }
                    }
                }
            }
        }
        return result
    }
}

/// Contiguous row ranges of a CSR matrix with about equal nonzeros, one per worker thread.
struct _RowPartition {
    let ranges: [Range<Int>]

    /// Below this many multiply-adds a product runs on the calling thread: dispatching costs more than it saves.
    static let parallelThreshold = 1 << 18

    init(rowOffsets: [Int], work: Int) {
        let rowCount = rowOffsets.count - 1
        let workers = work < Self.parallelThreshold ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let total = rowOffsets[rowCount]
        var ranges = [Range<Int>]()
        var start = 0
        for part in 1 ... workers {
            // The first row whose starting offset reaches this part's share of the nonzeros.
            let target = total * part / workers
            var (low, high) = (start, rowCount)
            while low < high {
                let middle = (low + high) / 2
                if rowOffsets[middle] < target { low = middle + 1 } else { high = middle }
            }
            let end = part == workers ? rowCount : low
            if end > start { ranges.append(start ..< end) }
            start = end
        }
        self.ranges = ranges
    }

    /// Runs `body` once per range, concurrently when there is more than one.
    func forEachRange(_ body: @Sendable (Range<Int>) -> Void) {
        if ranges.count <= 1 {
            ranges.forEach(body)
        } else {
            DispatchQueue.concurrentPerform(iterations: ranges.count) { body(ranges[$0]) }
        }
    }
}

/// The buffers of one `A·X` product, lent to the worker threads for the duration of one
/// `DispatchQueue.concurrentPerform`.
///
/// `@unchecked Sendable` because it carries pointers: every worker reads the shared inputs and writes only
/// the output rows of its own range, and the buffers outlive the call that spawns the workers.
struct _AccumulateKernel: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let indices: UnsafeBufferPointer<Int32>
    let entries: UnsafeBufferPointer<Float>
    let source: UnsafeBufferPointer<Float>
    let target: UnsafeMutableBufferPointer<Float>
    let width: Int

    /// Output rows `rows` of `A·X`: for each stored entry, `target[i, :] += value · source[column, :]`.
    func accumulate(rows: Range<Int>) {
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return }
        let length = Int32(width)
        for i in rows {
            let outputRow = targetBase + i * width
            for p in offsets[i] ..< offsets[i + 1] {
                cblas_saxpy(length, entries[p], sourceBase + Int(indices[p]) * width, 1, outputRow, 1)
            }
        }
    }
}
