import CBLAS

/// Products of dense matrices and vectors through BLAS.
///
/// The BLAS routines return nothing and do not check shapes the way Swift can, so every method checks its
/// shapes with a `precondition` first (a mismatch is a programmer error), answers empty shapes without calling
/// BLAS, and makes exactly one BLAS call inside the buffers' `withUnsafe…BufferPointer` scopes.
extension Matrix {
    /// `A·x`: the dot product of every row of this `m`×`n` matrix with `vector` (`n` elements); `m` elements.
    ///
    /// The corresponding BLAS routine is `cblas_sgemv` (row-major, no transpose).
    ///
    /// - Complexity: O(m · n).
    public func multiply(_ vector: [Float]) -> [Float] {
        precondition(
            vector.count == columns,
            "Matrix.multiply: a \(rows)×\(columns) matrix times a vector of \(vector.count) elements")
        return _gemv(transpose: false, vector)
    }

    /// `Aᵀ·x`: this `m`×`n` matrix transposed times `vector` (`m` elements); `n` elements.
    ///
    /// The corresponding BLAS routine is `cblas_sgemv` (row-major, transposed).
    ///
    /// - Complexity: O(m · n).
    public func transposeMultiply(_ vector: [Float]) -> [Float] {
        precondition(
            vector.count == rows,
            "Matrix.transposeMultiply: the transpose of a \(rows)×\(columns) matrix times a vector of \(vector.count) elements")
        return _gemv(transpose: true, vector)
    }

    /// `A·B`: this `m`×`k` matrix times `other` (`k`×`n`); an `m`×`n` matrix.
    ///
    /// The corresponding BLAS routine is `cblas_sgemm` (row-major, neither transposed).
    ///
    /// - Complexity: O(m · k · n).
    public func multiply(_ other: Matrix) -> Matrix {
        precondition(
            columns == other.rows,
            "Matrix.multiply: \(rows)×\(columns) times \(other.rows)×\(other.columns)")
        return Matrix._gemm(self, transposeA: false, other, transposeB: false)
    }

    /// `Aᵀ·B`: this `k`×`m` matrix transposed times `other` (`k`×`n`); an `m`×`n` matrix.
    ///
    /// The corresponding BLAS routine is `cblas_sgemm` (row-major, `A` transposed).
    ///
    /// - Complexity: O(m · k · n).
    public func transposeMultiply(_ other: Matrix) -> Matrix {
        precondition(
            rows == other.rows,
            "Matrix.transposeMultiply: (\(rows)×\(columns))ᵀ times \(other.rows)×\(other.columns)")
        return Matrix._gemm(self, transposeA: true, other, transposeB: false)
    }

    /// `A·Bᵀ`: this `m`×`k` matrix times `other` (`n`×`k`) transposed; an `m`×`n` matrix of all row-pair
    /// dot products (`result[i, j] = <row i of A, row j of B>`).
    ///
    /// The corresponding BLAS routine is `cblas_sgemm` (row-major, `B` transposed).
    ///
    /// - Complexity: O(m · k · n).
    public func multiplyTransposed(_ other: Matrix) -> Matrix {
        precondition(
            columns == other.columns,
            "Matrix.multiplyTransposed: \(rows)×\(columns) times (\(other.rows)×\(other.columns))ᵀ")
        return Matrix._gemm(self, transposeA: false, other, transposeB: true)
    }

    private func _gemv(transpose: Bool, _ vector: [Float]) -> [Float] {
        let outputCount = transpose ? columns : rows
        var result = [Float](repeating: 0, count: outputCount)
        guard rows > 0, columns > 0 else { return result }
        storage.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    cblas_sgemv(
                        CblasRowMajor, transpose ? CblasTrans : CblasNoTrans,
                        Int32(rows), Int32(columns), 1, a.baseAddress, Int32(columns),
                        x.baseAddress, 1, 0, y.baseAddress, 1)
                }
            }
        }
        return result
    }

    /// `op(A)·op(B)` for shapes the caller has already checked.
    static func _gemm(_ a: Matrix, transposeA: Bool, _ b: Matrix, transposeB: Bool) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return result }
        a.storage.withUnsafeBufferPointer { aBuffer in
            b.storage.withUnsafeBufferPointer { bBuffer in
                result.storage.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_sgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1,
                        aBuffer.baseAddress, Int32(a.columns), bBuffer.baseAddress, Int32(b.columns),
                        0, cBuffer.baseAddress, Int32(n))
                }
            }
        }
        return result
    }
}
