import CBLAS

/// BLAS level-1 on plain `[Float]` vectors: the dot product, the sum and the unit-length scaling that
/// profiles need on the 256-float topical view, so that every dense similarity goes through BLAS like the
/// whole-library scans do.
public enum DenseVector {
    /// `<a, b>` by `cblas_sdot`.
    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "DenseVector.dot: lengths \(a.count) and \(b.count) differ")
        guard !a.isEmpty else { return 0 }
        return cblas_sdot(Int32(a.count), a, 1, b, 1)
    }

    /// `y += alpha · x` by `cblas_saxpy`.
    public static func add(_ x: [Float], scaledBy alpha: Float = 1, to y: inout [Float]) {
        precondition(x.count == y.count, "DenseVector.add: lengths \(x.count) and \(y.count) differ")
        guard !x.isEmpty else { return }
        y.withUnsafeMutableBufferPointer { cblas_saxpy(Int32(x.count), alpha, x, 1, $0.baseAddress, 1) }
    }

    /// Scales `v` to unit length (`cblas_snrm2`, `cblas_sscal`); returns false, leaving it as it is, when its
    /// norm is zero.
    @discardableResult
    public static func normalize(_ v: inout [Float]) -> Bool {
        guard !v.isEmpty else { return false }
        let norm = cblas_snrm2(Int32(v.count), v, 1)
        guard norm > 0 else { return false }
        v.withUnsafeMutableBufferPointer { cblas_sscal(Int32($0.count), 1 / norm, $0.baseAddress, 1) }
        return true
    }
}
