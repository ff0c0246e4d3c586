/// The learned default of a profile's score bar: a high quantile of the profile's own scores over a noise
/// sample — unrated library papers that are neither the day's candidates nor the weak negatives the
/// profile was trained on (those are pulled towards 0 by the fit, so their scores would set the bar too
/// low) — scored exactly as candidates are.
///
/// Why a quantile of noise: a profile's scores have no fixed scale (a ridge with many likes spreads over
/// ±0.1, a cold start over cosines), but what an unrelated paper scores is that profile's own noise level.
/// A day's candidate that clears what only `1 − quantile` of random papers clear is unlikely to be noise.
/// QUANTILE_MEASUREMENT
public enum ScoreBar {
    /// How many noise papers the bar is learned from.
    public static let sampleSize = 1_000
    /// Below this many noise papers (a small library) no bar is learned: the quantile would be noise.
    public static let minimumSample = 200
    /// The share of noise papers that score below the bar.
    public static let quantile: Float = 0.99

    /// The bar for `noiseScores`, or `nil` when there are too few of them (non-finite scores are ignored).
    public static func learn(noiseScores: [Float]) -> Float? {
        let scores = noiseScores.filter(\.isFinite).sorted()
        guard scores.count >= minimumSample else { return nil }
        let position = Float(scores.count - 1) * quantile
        let below = Int(position.rounded(.down))
        let above = min(below + 1, scores.count - 1)
        let fraction = position - Float(below)
        return scores[below] + (scores[above] - scores[below]) * fraction
    }
}
