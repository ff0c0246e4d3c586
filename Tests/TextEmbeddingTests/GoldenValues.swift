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
    /// The committed default model (v8: v7 with its term table re-estimated by IBM model 1; v7: v6 with a
    /// term table; v6: v5 — plurals stemmed, Chinese stop words dropped, singular-value exponent 3, dense
    /// view centered, an idf that also covers the phrase view — fitted on English and Chinese texts
    /// together, with Chinese words) and the first dense values of `FeaturizerTests.goldenText` under it.
    static let defaultModelID = "lsa256-53a304ead909c488"
    /// The features of 基于扩散模型的图像生成方法 under the committed model (v6): its words, function words dropped.
    static let chineseWords = ["扩散模型", "图像生成"]
    static let denseFirst: [Float] = [
        -0.177995, -0.59239423, 0.10987075, -0.07153104, 0.056005344, 0.09858193, -0.5297251, 0.123886764,
    ]
}
