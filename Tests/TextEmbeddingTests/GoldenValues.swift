/// Pinned outputs; regenerate only on purpose (a change here invalidates every stored vector).
enum GoldenValues {
    /// The sparse view of `FeaturizerTests.goldenText` with idf 1: 8 word unigrams and 8 bigrams, three of
    /// them twice (weight 1 + ln 2 before normalisation), signs from the hash.
    static let sparseCount = 16
    static let sparse: [(Int32, Float)] = [
        (69959, -0.21516454), (80574, 0.21516454), (335078, 0.21516454), (487889, 0.21516454),
        (499309, -0.21516454), (558635, 0.21516454), (611918, -0.21516454), (668182, 0.36430523),
        (677623, 0.36430523), (684531, -0.36430523), (729583, -0.21516454), (780401, 0.21516454),
        (784090, 0.21516454), (814524, 0.21516454), (824403, 0.21516454), (861456, -0.21516454),
    ]
    /// The committed default model and the first dense values of `FeaturizerTests.goldenText` under it.
    static let defaultModelID = "lsa256-ee6fcddbc4c63198"
    static let denseFirst: [Float] = [
        -0.15618312, 0.16748655, -0.13233411, 0.15256086, -0.01335768, 0.36872593, 0.091799796, 0.18466072,
    ]
}
