/// What a vector row written by an embedder looks like, so that a damaged one — bit rot, a stray write, a
/// disk that returned garbage — is told apart when it is read and never reaches a score.
///
/// ``TextEmbedder`` rows are L2-normalised (a text without known terms may give all zeros). So a healthy
/// row is finite with a squared norm of 1, or 0; and its dot product with a unit query is a cosine, in
/// [−1, 1] (Cauchy–Schwarz). Checking the scores a whole-library scan computes anyway finds rows whose
/// values are absurd at no extra cost; checking the few rows a result is made of finds the rest.
public enum VectorRowCheck {
    /// How far a healthy row's squared norm, or a cosine, may stray past its bound through Float rounding
    /// (a 256-term sum in Float is off by ~1e-6; a damaged row is off by orders of magnitude).
    public static let tolerance: Float = 1e-3

    /// Whether `values` can be a row an embedder wrote: every value finite, squared norm 0 or 1 ± ``tolerance``.
    /// - Complexity: O(values.count).
    public static func isHealthy(_ values: UnsafeBufferPointer<Float>) -> Bool {
        var squared: Float = 0
        for value in values {
            guard value.isFinite else { return false }
            squared += value * value
        }
        return squared == 0 || abs(squared - 1) <= tolerance
    }

    /// ``isHealthy(_:)`` of an array.
    public static func isHealthy(_ values: [Float]) -> Bool {
        values.withUnsafeBufferPointer(isHealthy)
    }

    /// Whether `score`, the dot product of a row with a healthy query, can come from a healthy row.
    public static func isPossibleCosine(_ score: Float) -> Bool {
        score.isFinite && abs(score) <= 1 + tolerance
    }
}

extension VectorView {
    /// ``VectorRowCheck/isHealthy(_:)`` of row `r`.
    public func isHealthy(row r: Int) -> Bool { VectorRowCheck.isHealthy(row(r)) }
}
