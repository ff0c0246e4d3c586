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
    /// The committed default model (v2: singular-value exponent 3) and the first dense values of `FeaturizerTests.goldenText` under it.
    static let defaultModelID = "lsa256-c38f49fe5531d672"
    static let denseFirst: [Float] = [
        -0.92414683, 0.20890874, -0.094035275, 0.0994788, -0.007779953, 0.20754655, 0.04633174, 0.08956288,
    ]
}
