import CBLAS

/// The Cholesky factor of a symmetric positive definite matrix, kept to solve many right-hand sides.
///
/// Factor once (O(n³/3)), then each solve costs O(n² × m) — this is what lets a cached Gram of the
/// weak negatives serve every profile. The corresponding LAPACK routines are `LAPACKE_spotrf` and
/// `LAPACKE_spotrs`.
public struct CholeskyFactorization: Sendable {
    /// The factor, lower triangle, row-major n × n (the upper triangle holds the original values).
    public let factor: Matrix

    /// Factors `a` (n × n, symmetric positive definite; only the lower triangle is read).
    public init(_ a: Matrix) throws(LAPACKError) {
        precondition(a.rows == a.columns, "Cholesky: matrix must be square, got \(a.rows)×\(a.columns)")
        try checkFinite(a, routine: "spotrf")
        var factor = a
        let n = Int32(a.rows)
        let info = n == 0 ? 0 : factor.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_spotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), n, buffer.baseAddress, n)
        }
        try checkLAPACK(info, routine: "spotrf") { "leading minor \($0) is not positive definite" }
        self.factor = factor
    }

    /// Restores a factorisation computed earlier (e.g. read back from a cache file).
    ///
    /// - Precondition: `factor` is square; its lower triangle is the Cholesky factor of some SPD matrix.
    public init(precomputedFactor factor: Matrix) {
        precondition(factor.rows == factor.columns, "Cholesky: factor must be square, got \(factor.rows)×\(factor.columns)")
        self.factor = factor
    }

    public var dimension: Int { factor.rows }

    /// Solves A·X = B for X; `b` is n × m.
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == factor.rows, "Cholesky.solve: B has \(b.rows) rows, factor is \(factor.rows)×\(factor.rows)")
        var x = b
        guard b.rows > 0, b.columns > 0 else { return x }
        let n = Int32(factor.rows)
        let m = Int32(b.columns)
        let info = factor.withUnsafeBufferPointer { a in
            x.withUnsafeMutableBufferPointer { rhs in
                LAPACKE_spotrs(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), n, m, a.baseAddress, n, rhs.baseAddress, m)
            }
        }
        precondition(info == 0, "spotrs: argument \(-info) is invalid")
        return x
    }

    /// Solves A·x = b for one vector.
    public func solve(_ b: [Float]) -> [Float] {
        solve(Matrix(rows: b.count, columns: 1, storage: b)).storage
    }
}
