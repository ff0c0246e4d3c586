import Foundation

extension EmbeddingModel {
    /// Per-dimension factors that turn this model's dense view into the view with another singular-value
    /// exponent, or nil when the model cannot tell (its own exponent is 1 and `exponent` is not).
    ///
    /// The projection rows are V·Σ^(p−1) (p = ``SVDSettings/singularValueExponent``), so column j's norm is
    /// σⱼ^(p−1): the spectrum is recoverable from the shipped artifacts alone, and a dense row UΣ^p becomes
    /// UΣ^q by multiplying component j with σⱼ^(q−p) and normalising again. This is how profiles get the plain
    /// LSA view (q = 1), which ranks a person's papers better, from a model tuned for topical similarity
    /// (p = 3) without storing a second matrix.
    public func spectrumRescaling(toExponent exponent: Float) -> [Float]? {
        let p = definition.svd.singularValueExponent
        if exponent == p { return [Float](repeating: 1, count: dimension) }
        guard p != 1 else { return nil }
        let d = dimension
        var squares = [Double](repeating: 0, count: d)
        projectionRows.withUnsafeBufferPointer { halves in
            for row in 0 ..< projectionBuckets.count {
                for j in 0 ..< d {
                    let value = Double(HalfFloat.widen(halves[row * d + j]))
                    squares[j] += value * value
                }
            }
        }
        // ‖column j‖ = σⱼ^(p−1)  ⇒  σⱼ^(q−p) = ‖column j‖^((q−p)/(p−1)); a zero column (rank below d) stays zero.
        let power = Double(exponent - p) / Double(p - 1)
        return squares.map { $0 > 0 ? Float(pow($0.squareRoot(), power)) : 0 }
    }
}
