/// The leading `k` singular triplets of a matrix: `A ≈ u·diag(singularValues)·vt`.
public struct TruncatedSVD: Sendable {
    /// `m`×`k`, orthonormal columns: the left singular vectors.
    public let u: Matrix
    /// `k` values, descending.
    public let singularValues: [Float]
    /// `k`×`n`, orthonormal rows: the right singular vectors. For LSA, `vt`'s columns project a term vector.
    public let vt: Matrix

    public init(u: Matrix, singularValues: [Float], vt: Matrix) {
        precondition(
            u.columns == singularValues.count && vt.rows == singularValues.count,
            "TruncatedSVD: u has \(u.columns) columns, \(singularValues.count) values, vt has \(vt.rows) rows")
        self.u = u
        self.singularValues = singularValues
        self.vt = vt
    }
}

/// The leading `rank` singular triplets of a sparse `m`×`n` matrix by the randomized range finder of Halko,
/// Martinsson and Tropp (2011, algorithms 4.4 and 5.1).
///
/// With `ℓ = min(rank + oversampling, m, n)`:
/// 1. `Y = A·Ω` for an `n`×`ℓ` Gaussian `Ω` drawn from `SeededGenerator(seed:)`; `Q = qr(Y)`.
/// 2. `powerIterations` times: `Q = qr(Aᵀ·Q)`, `Q = qr(A·Q)`. Each pass raises the spectrum's decay to a
///    higher power, so the captured subspace sharpens when singular values decay slowly (as for tf-idf);
///    orthonormalising between the products keeps the small directions from drowning in rounding.
/// 3. `Bᵀ = Aᵀ·Q` (`n`×`ℓ`, the transpose of `B = Qᵀ·A`), its thin SVD `Bᵀ = U'·S·V'ᵀ`; then
///    `A ≈ Q·B = (Q·V')·S·U'ᵀ`, of which the leading `rank` triplets are returned.
///
/// The sparse products run on all cores (`SparseMatrix.multiply(_:)` over the matrix and its transpose, built
/// once); QR is `LAPACKE_sgeqrf` + `LAPACKE_sorgqr`, the small SVD `LAPACKE_sgesdd`, the final product
/// `cblas_sgemm`.
///
/// Edge Cases: `rank` is clamped to `min(m, n)`; an empty matrix or `rank == 0` gives `m`×0, `[]`, 0×`n`.
/// When `ℓ` reaches `min(m, n)` the range is captured exactly and the result matches a full SVD up to
/// rounding.
///
/// Deterministic: the same matrix, parameters and seed give the same bits on the same machine and BLAS build.
///
/// - Throws: `LAPACKError` if `a` holds NaN or infinity, or a LAPACK routine fails.
/// - Complexity: O((2q + 2) · nonzeros · ℓ + (2q + 1) · (m + n) · ℓ²) for `q` power iterations.
public func truncatedSVD(
    of a: SparseMatrix, rank: Int, oversampling: Int = 16, powerIterations: Int = 3, seed: UInt64
) throws(LAPACKError) -> TruncatedSVD {
    precondition(rank >= 0, "truncatedSVD: negative rank \(rank)")
    precondition(oversampling >= 0, "truncatedSVD: negative oversampling \(oversampling)")
    precondition(powerIterations >= 0, "truncatedSVD: negative powerIterations \(powerIterations)")
    let (m, n) = (a.rows, a.columns)
    let r = min(rank, m, n)
    guard r > 0 else {
        return TruncatedSVD(u: Matrix(rows: m, columns: 0), singularValues: [], vt: Matrix(rows: 0, columns: n))
    }
    if let p = a.values.firstIndex(where: { !$0.isFinite }) {
        let row = a.rowOffsets.lastIndex(where: { $0 <= p }) ?? 0
        throw LAPACKError.nonFiniteInput(
            routine: "truncatedSVD", row: row, column: Int(a.columnIndices[p]), value: a.values[p])
    }
    let l = min(r + oversampling, m, n)
    let aT = a.transposed()

    var generator = SeededGenerator(seed: seed)
    let omega = Matrix(rows: n, columns: l, storage: generator.gaussianFloats(count: n * l))
    var q = try LAPACK.orthonormalBasis(a._multiply(omega))
    for _ in 0 ..< powerIterations {
        let z = try LAPACK.orthonormalBasis(aT._multiply(q))
        q = try LAPACK.orthonormalBasis(a._multiply(z))
    }

    let bT = aT._multiply(q)
    let small = try LAPACK.svd(bT)  // Bᵀ = U'·S·V'ᵀ: u n×ℓ, vt ℓ×ℓ

    // u = Q·V' restricted to the leading r columns: Q times (the first r rows of V'ᵀ) transposed.
    let leadingVt = Matrix(rows: r, columns: l, storage: Array(small.vt.storage[0 ..< r * l]))
    let u = q.multiplyTransposed(leadingVt)
    // vt = U'ᵀ restricted to the leading r rows.
    var vt = Matrix(rows: r, columns: n)
    small.u.withUnsafeBufferPointer { source in
        vt.withUnsafeMutableBufferPointer { target in
            for j in 0 ..< n {
                for i in 0 ..< r { target[i * n + j] = source[j * l + i] }
            }
        }
    }
    return TruncatedSVD(u: u, singularValues: Array(small.s[0 ..< r]), vt: vt)
}
