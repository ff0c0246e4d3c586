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
        let squares = columnSquaresMemo.value { columnSquares() }
        // ‖column j‖ = σⱼ^(p−1)  ⇒  σⱼ^(q−p) = ‖column j‖^((q−p)/(p−1)); a zero column (rank below d) stays zero.
        let power = Double(exponent - p) / Double(p - 1)
        return squares.map { $0 > 0 ? Float(pow($0.squareRoot(), power)) : 0 }
    }

    /// The sum of squares of each column of the projection rows, in `Double`, each column summed in row
    /// order.
    ///
    /// Eight columns at a time: the 18 k × 256 halves were widened and squared one by one, ~10 ms at every
    /// call, and a Chinese `search` calls this twice (its calibration views and its re-rank; perf, session
    /// 10). Lanes are columns, so each column's sum is formed in the same order as one at a time: the same
    /// bits.
    func columnSquares() -> [Double] {
        let d = dimension
        let chunks = d / 8
        var lanes = [SIMD8<Double>](repeating: .zero, count: chunks)
        var squares = [Double](repeating: 0, count: d)
        projectionRows.withUnsafeBufferPointer { halves in
            guard let base = halves.baseAddress.map(UnsafeRawPointer.init) else { return }
            for row in 0 ..< projectionBuckets.count {
                let start = row &* d
                for chunk in 0 ..< chunks {
                    let bits = base.loadUnaligned(fromByteOffset: 2 &* (start &+ 8 &* chunk), as: SIMD8<UInt16>.self)
                    let value = SIMD8<Double>(HalfFloat.scaledDown(bits) * HalfFloat.biasAdjustment)
                    lanes[chunk] += value * value
                }
                for j in (8 * chunks) ..< d {
                    let value = Double(HalfFloat.widen(halves[start + j]))
                    squares[j] += value * value
                }
            }
        }
        for chunk in 0 ..< chunks { for lane in 0 ..< 8 { squares[8 * chunk + lane] = lanes[chunk][lane] } }
        return squares
    }
}

/// A model's ``EmbeddingModel/columnSquares()``, computed on the first call and kept: they depend on the
/// projection alone, so every copy of the model shares one memo.
///
/// Why: a cold Chinese `search` computed them twice (its calibration views' language means and its re-rank),
/// 10 % of its CPU at ~8 ms a time on 2.7 M papers (perf, session 12), and a shortlist once per profile.
final class ColumnSquaresMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var squares: [Double]?

    /// Whether the squares have been computed.
    var isFilled: Bool { lock.withLock { squares != nil } }

    /// The squares, made by `make` on the first call.
    func value(_ make: () -> [Double]) -> [Double] {
        lock.withLock {
            if let squares { return squares }
            let made = make()
            squares = made
            return made
        }
    }
}
