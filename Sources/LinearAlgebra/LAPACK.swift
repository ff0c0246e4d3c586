import CBLAS

/// Typed, shape-checked wrappers over the LAPACKE routines the model fitting needs.
///
/// Each wrapper copies its input (LAPACK overwrites it), refuses NaN or infinity with a `LAPACKError` before
/// calling, makes its LAPACKE calls with row-major layout inside the buffers' `withUnsafe…BufferPointer`
/// scopes, and turns a positive `info` into a `LAPACKError` (see `checkLAPACK`). Shape mismatches are
/// programmer errors and stop the program.
public enum LAPACK {
    /// The eigen-decomposition `A = V·diag(λ)·Vᵀ` of a symmetric `n`×`n` matrix; only its upper triangle is read.
    ///
    /// Postconditions: `values` ascending; `vectors` is `n`×`n` with the unit eigenvector of `values[j]` in
    /// column `j` (row-major, so `vectors[i, j]` is component `i` of eigenvector `j`).
    ///
    /// The corresponding LAPACK routine is `LAPACKE_ssyevd` (divide and conquer).
    ///
    /// - Throws: `LAPACKError` if `a` holds NaN or infinity or the algorithm fails to converge.
    /// - Complexity: O(n³).
    public static func symmetricEigen(_ a: Matrix) throws(LAPACKError) -> (values: [Float], vectors: Matrix) {
        precondition(a.rows == a.columns, "LAPACK.symmetricEigen: matrix is \(a.rows)×\(a.columns), not square")
        try checkFinite(a, routine: "ssyevd")
        let n = a.rows
        var vectors = a
        var values = [Float](repeating: 0, count: n)
        guard n > 0 else { return (values, vectors) }
        let info = vectors.withUnsafeMutableBufferPointer { matrix in
            values.withUnsafeMutableBufferPointer { w in
                LAPACKE_ssyevd(
                    LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), Int32(n),
                    matrix.baseAddress, Int32(n), w.baseAddress)
            }
        }
        try checkLAPACK(info, routine: "ssyevd") { "\($0) off-diagonal elements did not converge to zero" }
        return (values, vectors)
    }

    /// Solves `A·X = B` for a symmetric positive definite `n`×`n` matrix `A` (upper triangle read) and an
    /// `n`×`m` right-hand side `B`; returns `X` (`n`×`m`).
    ///
    /// The corresponding LAPACK routine is `LAPACKE_sposv` (Cholesky factorisation, then two triangular solves).
    ///
    /// - Throws: `LAPACKError` if an input holds NaN or infinity, or `A` is not positive definite (`info` is the
    ///   order of the leading minor that is not).
    /// - Complexity: O(n³ + n² · m).
    public static func solvePositiveDefinite(_ a: Matrix, _ b: Matrix) throws(LAPACKError) -> Matrix {
        precondition(a.rows == a.columns, "LAPACK.solvePositiveDefinite: A is \(a.rows)×\(a.columns), not square")
        precondition(
            b.rows == a.rows,
            "LAPACK.solvePositiveDefinite: A is \(a.rows)×\(a.columns) but B has \(b.rows) rows")
        try checkFinite(a, routine: "sposv")
        try checkFinite(b, routine: "sposv")
        let (n, m) = (a.rows, b.columns)
        var factor = a
        var solution = b
        guard n > 0, m > 0 else { return solution }
        let info = factor.withUnsafeMutableBufferPointer { aBuffer in
            solution.withUnsafeMutableBufferPointer { bBuffer in
                LAPACKE_sposv(
                    LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "U")), Int32(n), Int32(m),
                    aBuffer.baseAddress, Int32(n), bBuffer.baseAddress, Int32(m))
            }
        }
        try checkLAPACK(info, routine: "sposv") { "leading minor \($0) is not positive definite" }
        return solution
    }

    /// An orthonormal basis `Q` (`m`×`min(m, n)`) of the column space of an `m`×`n` matrix: the `Q` of its
    /// thin QR factorisation `A = Q·R`.
    ///
    /// Postconditions: `QᵀQ = I`. Householder reflections keep `Q` orthonormal even when `A` is rank
    /// deficient (then `Q` spans a superset of the column space), which the power iterations of
    /// `truncatedSVD` rely on.
    ///
    /// The corresponding LAPACK routines are `LAPACKE_sgeqrf` (factorise) and `LAPACKE_sorgqr` (form `Q`).
    ///
    /// - Throws: `LAPACKError` if `a` holds NaN or infinity.
    /// - Complexity: O(m · n · min(m, n)).
    public static func orthonormalBasis(_ a: Matrix) throws(LAPACKError) -> Matrix {
        try checkFinite(a, routine: "sgeqrf")
        let (m, n) = (a.rows, a.columns)
        let k = min(m, n)
        guard k > 0 else { return Matrix(rows: m, columns: 0) }
        var factors = a
        var tau = [Float](repeating: 0, count: k)
        let info = factors.withUnsafeMutableBufferPointer { matrix in
            tau.withUnsafeMutableBufferPointer { reflectors in
                let factored = LAPACKE_sgeqrf(
                    LAPACK_ROW_MAJOR, Int32(m), Int32(n), matrix.baseAddress, Int32(n), reflectors.baseAddress)
                guard factored == 0 else { return (routine: "sgeqrf", info: factored) }
                // Q's first k columns, formed in place in the leading m×k block (leading dimension still n).
                let formed = LAPACKE_sorgqr(
                    LAPACK_ROW_MAJOR, Int32(m), Int32(k), Int32(k), matrix.baseAddress, Int32(n),
                    reflectors.baseAddress)
                return (routine: "sorgqr", info: formed)
            }
        }
        try checkLAPACK(info.info, routine: info.routine) { "failed with info \($0)" }
        guard n > k else { return factors }
        var basis = Matrix(rows: m, columns: k)
        for i in 0 ..< m {
            basis.storage[i * k ..< (i + 1) * k] = factors.storage[i * n ..< i * n + k]
        }
        return basis
    }

    /// The thin singular value decomposition `A = U·diag(s)·Vt` of an `m`×`n` matrix, with `r = min(m, n)`.
    ///
    /// Postconditions: `u` is `m`×`r` with orthonormal columns, `s` holds `r` non-negative values in descending
    /// order, `vt` is `r`×`n` with orthonormal rows.
    ///
    /// The corresponding LAPACK routine is `LAPACKE_sgesdd` (divide and conquer, `jobz = "S"`).
    ///
    /// - Throws: `LAPACKError` if `a` holds NaN or infinity or the bidiagonal SVD does not converge.
    /// - Complexity: O(m · n · min(m, n)).
    public static func svd(_ a: Matrix) throws(LAPACKError) -> (u: Matrix, s: [Float], vt: Matrix) {
        try checkFinite(a, routine: "sgesdd")
        let (m, n) = (a.rows, a.columns)
        let r = min(m, n)
        var u = Matrix(rows: m, columns: r)
        var s = [Float](repeating: 0, count: r)
        var vt = Matrix(rows: r, columns: n)
        guard r > 0 else { return (u, s, vt) }
        var work = a
        let info = work.withUnsafeMutableBufferPointer { aBuffer in
            s.withUnsafeMutableBufferPointer { sBuffer in
                u.withUnsafeMutableBufferPointer { uBuffer in
                    vt.withUnsafeMutableBufferPointer { vtBuffer in
                        LAPACKE_sgesdd(
                            LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "S")), Int32(m), Int32(n),
                            aBuffer.baseAddress, Int32(n), sBuffer.baseAddress,
                            uBuffer.baseAddress, Int32(r), vtBuffer.baseAddress, Int32(n))
                    }
                }
            }
        }
        try checkLAPACK(info, routine: "sgesdd") { "the bidiagonal SVD did not converge (info \($0))" }
        return (u, s, vt)
    }
}
