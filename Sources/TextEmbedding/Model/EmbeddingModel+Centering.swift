import LinearAlgebra

extension EmbeddingModel {
    /// Whether the dense view is centered: vectors are `normalize(n − μ)` of the plain unit vector n.
    public var isCentered: Bool { !centering.isEmpty }

    /// The plain (uncentered) unit dense vector n of a dense vector y this model made; y itself when the
    /// model does not center, and zeros stay zeros.
    ///
    /// Why: views derived from the dense one — the profile's topical view re-weights its columns by the
    /// spectrum — are defined on n, not on y. With y = normalize(n − μ) and ‖n‖ = 1, n = αy + μ for the α > 0
    /// with ‖αy + μ‖ = 1: α² + 2α⟨y, μ⟩ + ‖μ‖² = 1, so α = −⟨y, μ⟩ + √(⟨y, μ⟩² + 1 − ‖μ‖²). The square root
    /// is real and α positive because ‖μ‖ < 1 (checked when the model is loaded or fitted).
    ///
    /// Postconditions: ‖n‖ = 1 up to Float rounding (a few ulps), and `dense(…)` of the same text
    /// recentered gives y back to the same precision.
    /// - Complexity: O(dimension): two `cblas_sdot` and one `cblas_saxpy`.
    public func uncentered(_ dense: [Float]) -> [Float] {
        guard isCentered else { return dense }
        precondition(dense.count == dimension, "uncentered: \(dense.count) values, the model has \(dimension)")
        guard dense.contains(where: { $0 != 0 }) else { return dense }
        let alongMean = DenseVector.dot(dense, centering)
        let meanSquared = DenseVector.dot(centering, centering)
        let alpha = -alongMean + (alongMean * alongMean + 1 - meanSquared).squareRoot()
        var plain = centering
        DenseVector.add(dense, scaledBy: alpha, to: &plain)
        return plain
    }

    /// μ: the mean of the non-zero rows of `rows` (unit dense vectors of the fitted papers, as the uncentered
    /// model computes them from its Float16 rows), accumulated in Double in row order.
    ///
    /// Not a BLAS reduction on purpose: μ's bytes are hashed into the model id, so the summation order must
    /// not depend on the BLAS build or its threads. A paper without features (zero row) has no direction
    /// and is left out.
    static func meanDenseVector(_ rows: Matrix) -> [Float] {
        let d = rows.columns
        var sums = [Double](repeating: 0, count: d)
        var counted = 0
        rows.withUnsafeBufferPointer { all in
            for row in 0 ..< rows.rows {
                let values = UnsafeBufferPointer(rebasing: all[(row * d) ..< ((row + 1) * d)])
                guard values.contains(where: { $0 != 0 }) else { continue }
                for j in 0 ..< d { sums[j] += Double(values[j]) }
                counted += 1
            }
        }
        guard counted > 0 else { return [Float](repeating: 0, count: d) }
        return sums.map { Float($0 / Double(counted)) }
    }

    /// Why `mean` cannot center this model's vectors, or nil when it can: it must have `dimension` finite
    /// values and norm below 1 (the mean of unit vectors that are not all equal).
    static func centeringProblem(_ mean: [Float], dimension: Int) -> String? {
        guard mean.count == dimension else { return "\(mean.count) values, expected \(dimension)" }
        guard mean.allSatisfy(\.isFinite) else { return "centering values must be finite" }
        let squared = mean.reduce(0.0) { $0 + Double($1) * Double($1) }
        guard squared < 1 else { return "the mean dense vector must have norm below 1, has \(squared.squareRoot())" }
        return nil
    }
}
