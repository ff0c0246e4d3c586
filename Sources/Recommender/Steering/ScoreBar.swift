/// The learned default of a profile's score bar: a high quantile of the profile's own scores over a noise
/// sample — unrated library papers that are neither the day's candidates nor the weak negatives the
/// profile was trained on (those are pulled towards 0 by the fit, so their scores would set the bar too
/// low) — scored exactly as candidates are.
///
/// Why a quantile of noise: a profile's scores have no fixed scale (a ridge with many likes spreads over
/// ±0.1, a cold start over cosines), but what an unrelated paper scores is that profile's own noise level.
/// A day's candidate that clears what only `1 − quantile` of random papers clear is unlikely to be noise.
///
/// Measured on real data (`arxrec evaluate --corpus arxiv-cs-2025.jsonl --papers 20000 --seed 7`, 300
/// simulated users, 1,082 held-out papers each user went on to write, 107,118 same-week distractors; each
/// user's bar learned from half of their distractors, its pass rates counted on the other half):
///
/// | quantile | held-out papers above | distractors above | ratio |
/// |---|---|---|---|
/// | 0.90  | 46.9 % | 10.3 %  | 4.6 |
/// | 0.95  | 37.6 % | 5.4 %   | 7.0 |
/// | 0.98  | 29.4 % | 2.3 %   | 12.7 |
/// | 0.99  | 23.8 % | 1.3 %   | 18.4 |
/// | 0.995 | 19.8 % | 0.8 %   | 24.4 |
///
/// The noise pass rate follows the quantile (1.3 % at 0.99: the bar is calibrated), so the quantile says
/// what a day costs: at 0.99 a day of 300 papers lets about 4 unrelated papers through — fewer than a list
/// of 10, so a day with nothing for the user is short instead of padded — while a paper above it is 18
/// times as likely as a random one to be what the user would write next. Lower quantiles fill the list
/// with noise every day; higher ones cost recall faster than they cut noise.
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
