/// Pinned outputs; regenerate only on purpose (a change here invalidates every stored vector).
enum GoldenValues {
    /// The sparse view of `FeaturizerTests.goldenText` with idf 1 under the default definition (plurals
    /// stemmed, model v3): 8 word unigrams and 8 bigrams, three of them twice (weight 1 + ln 2 before
    /// normalisation), signs from the hash.
    static let sparseCount = 16
    static let sparse: [(Int32, Float)] = [
        (46212, 0.21516454), (69959, -0.21516454), (80574, 0.21516454), (335078, 0.21516454),
        (343946, -0.36430523), (348744, 0.21516454), (389126, -0.21516454), (392614, 0.21516454),
        (454412, 0.36430523), (558635, 0.21516454), (611918, -0.21516454), (677623, 0.36430523),
        (729583, -0.21516454), (814524, 0.21516454), (824403, 0.21516454), (861456, -0.21516454),
    ]
    /// The same text under a definition without `stemPlurals` (models v1 and v2): vectors stored by those
    /// models must stay reproducible.
    static let sparseWithoutStemming: [(Int32, Float)] = [
        (69959, -0.21516454), (80574, 0.21516454), (335078, 0.21516454), (487889, 0.21516454),
        (499309, -0.21516454), (558635, 0.21516454), (611918, -0.21516454), (668182, 0.36430523),
        (677623, 0.36430523), (684531, -0.36430523), (729583, -0.21516454), (780401, 0.21516454),
        (784090, 0.21516454), (814524, 0.21516454), (824403, 0.21516454), (861456, -0.21516454),
    ]
    /// The committed default model (v4: v3 — plurals stemmed, Chinese stop words dropped, singular-value
    /// exponent 3 — with the dense view centered) and the first dense values of `FeaturizerTests.goldenText`
    /// under it.
    static let defaultModelID = "lsa256-3cc282187c5a4f47"
    /// Model v3 (`Models/arxiv-cs-2025-v3/definition.json` fitted on the whole corpus): no centering.
    static let v3ModelID = "lsa256-bfca087f1be550f7"
    static let denseFirst: [Float] = [
        0.16904305, -0.5850566, 0.21301866, 0.2716476, -0.092488974, 0.4912071, 0.07542635, 0.23765233,
    ]
    /// The same under model v3 (no centering): vectors stored by v3 must stay reproducible.
    static let v3DenseFirst: [Float] = [
        -0.92434156, -0.22567914, 0.0783509, 0.100062504, -0.037819244, 0.19406988, 0.030880341, 0.09273579,
    ]
}
