public import Foundation

/// Everything that shapes a vector: two models with equal definitions and equal artifacts give
/// bit-identical vectors, and the model id is a hash of both.
///
/// The defaults are the design's measured configuration (model v6): hashed word uni- and bigrams plus
/// Chinese words of a learned lexicon in 2^20 signed buckets, English stop words dropped, sublinear tf ×
/// smooth idf, L2;
/// the dense view an LSA projection to 256 dimensions of the buckets found in at least `minimumDocumentFrequency`
/// papers (the design measured ≥ 20 of 20,000 papers — 0.1 % — losing nothing against all buckets).
public struct ModelDefinition: Codable, Sendable, Equatable {
    /// The version of the definition and artifact formats this code reads and writes.
    public static let currentFormatVersion = 1

    /// Names the model's folder under `Models/`.
    public var name: String
    /// Must equal ``currentFormatVersion`` to load.
    public var formatVersion: Int
    /// Seeds every token hash (see ``FeatureHash``).
    public var hashSeed: UInt64
    /// log2 of the number of buckets of the sparse view.
    public var bucketBits: Int
    /// Dimensions of the dense view, which is also the rank of the truncated SVD.
    public var dimension: Int
    /// The weight of each feature kind; 0 turns a kind off.
    public var weights: FeatureWeights
    /// Drop scikit-learn's English stop words before forming word bigrams.
    public var dropEnglishStopWords: Bool
    /// `1 + ln tf` instead of raw counts.
    public var sublinearTF: Bool
    /// Only buckets found in at least this many fitted papers get a projection row; the others do not
    /// move the dense view (they still count in the sparse view).
    public var minimumDocumentFrequency: Int
    /// The randomized truncated SVD that learns the projection.
    public var svd: SVDSettings
    /// Fold English plurals onto the singular (``PluralStemmer``) before hashing words (model v3 on).
    /// Measured with `arxrec evaluate` on all 2,137 simulated users: nDCG@10 +0.003 / +0.001 and
    /// P@10_primary +0.001 on seeds 7 / 8 — small, but the same sign on both tasks and seeds.
    public var stemPlurals: Bool
    /// Drop Chinese function characters and words (``ChineseStopWords``) from the CJK features (model v3 on).
    public var dropChineseStopWords: Bool
    /// Subtract the mean μ of the fitted papers' dense vectors and normalise again (model v4 on; μ is the
    /// `centering` artifact). Every dense vector of a p = 3 model shares one large common direction, so
    /// raw cosines crowd near 1 (‖μ‖ = 0.99 for v4); removing it lets the remaining directions rank.
    /// Measured with `arxrec evaluate --papers 20000 --queries 20000`, dense view alone: P@10_primary
    /// 0.693 → 0.703 (seed 7) and 0.693 → 0.703 (seed 8). The profile's topical view undoes it
    /// (``EmbeddingModel/uncentered(_:)``), so profile figures do not move.
    public var centerDense: Bool
    /// Fit the idf over the *phrase view* too — the same word uni- and bigrams with English stop words
    /// and the words of links kept ("in this paper", "we propose a", "github com owner") — so that view has weights (model v5 on). The model's own
    /// sparse and dense views do not use it and keep their weights (a bucket's document frequency counts
    /// the papers having it in either view, which differs from the content view's only where a stop-word
    /// n-gram shares a bucket with a content one). The profile's ridge reads the phrase view
    /// (``ProfileSettings/linearView``): how a group words its abstracts is part of what makes its next
    /// paper recognisable. Measured with `arxrec evaluate --papers 20000 --users 100000`: nDCG@10
    /// 0.231 → 0.237 (seed 7) and 0.228 → 0.236 (seed 8); see `Models/EXPERIMENTS.md`, experiments 66–71.
    public var phraseView: Bool
    /// Keep the words of links (`https://github.com/owner/repo` → `https github com owner repo`) instead of
    /// dropping links (``MarkupStripper``). Off for the content view, where they are noise to the topic
    /// (experiment 37); on in the phrase view (``phraseDefinition``), where the owner and project names of
    /// a code link tell a group's papers apart.
    public var keepLinkWords: Bool
    /// Segment CJK runs into the words of a lexicon learned from the fitted Chinese texts
    /// (``ChineseLexicon``, stored with the model) and emit them as ``FeatureKind/cjkWord`` features
    /// (model v6 on). Nil: no lexicon, CJK text has only character n-grams (models v1–v5).
    public var chineseWords: ChineseWordSettings?
    /// Learn a term table from the fitted pairs (``TermTable``), which reads a Chinese-only text as English
    /// buckets so English ratings can score it (model v7 on). Nil: no table (models v1–v6); needs
    /// ``chineseWords``.
    public var termTable: TermTableSettings?

    public init(
        name: String, formatVersion: Int = ModelDefinition.currentFormatVersion, hashSeed: UInt64 = 0x6172_7872_6563,
        bucketBits: Int = 20, dimension: Int = 256, weights: FeatureWeights = .chineseWords,
        dropEnglishStopWords: Bool = true, sublinearTF: Bool = true,
        minimumDocumentFrequency: Int = 40, svd: SVDSettings = SVDSettings(), stemPlurals: Bool = true,
        dropChineseStopWords: Bool = true, centerDense: Bool = true, phraseView: Bool = true,
        keepLinkWords: Bool = false, chineseWords: ChineseWordSettings? = ChineseWordSettings(),
        termTable: TermTableSettings? = TermTableSettings()
    ) {
        self.name = name
        self.formatVersion = formatVersion
        self.hashSeed = hashSeed
        self.bucketBits = bucketBits
        self.dimension = dimension
        self.weights = weights
        self.dropEnglishStopWords = dropEnglishStopWords
        self.sublinearTF = sublinearTF
        self.minimumDocumentFrequency = minimumDocumentFrequency
        self.svd = svd
        self.stemPlurals = stemPlurals
        self.dropChineseStopWords = dropChineseStopWords
        self.centerDense = centerDense
        self.phraseView = phraseView
        self.keepLinkWords = keepLinkWords
        self.chineseWords = chineseWords
        // A term table translates Chinese words: a definition without them (v1–v5 style) has none.
        self.termTable = chineseWords == nil ? nil : termTable
    }

    /// The `idf` field's one value: `ln((1 + N) / (1 + df)) + 1`, scikit-learn's `smooth_idf` (never zero;
    /// a bucket no fitted paper has gets the largest value, `ln(1 + N) + 1`). Written in every definition,
    /// so the canonical JSON, and with it every model id, is what it was when the field was an enum.
    public static let idfFormula = "smooth"

    enum CodingKeys: String, CodingKey {
        case name, formatVersion, hashSeed, bucketBits, dimension, weights, dropEnglishStopWords, idf, sublinearTF
        case minimumDocumentFrequency, svd, idfExponent, tfSaturation, stemPlurals, dropChineseStopWords, centerDense
        case phraseView, keepLinkWords, chineseWords, termTable
    }

    /// Fields added after format version 1 shipped are optional when reading (older `model.json` files
    /// load) and left out when writing at their defaults, so the canonical JSON — and therefore the id —
    /// of a model that does not use them is what it always was.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        hashSeed = try c.decode(UInt64.self, forKey: .hashSeed)
        bucketBits = try c.decode(Int.self, forKey: .bucketBits)
        dimension = try c.decode(Int.self, forKey: .dimension)
        weights = try c.decode(FeatureWeights.self, forKey: .weights)
        dropEnglishStopWords = try c.decode(Bool.self, forKey: .dropEnglishStopWords)
        // Every model's idf is the smooth formula; the field stays in the JSON (and in the id's hash).
        let idf = try c.decode(String.self, forKey: .idf)
        guard idf == Self.idfFormula else {
            throw DecodingError.dataCorruptedError(
                forKey: .idf, in: c, debugDescription: "idf '\(idf)' is not supported: the only idf is '\(Self.idfFormula)'")
        }
        sublinearTF = try c.decode(Bool.self, forKey: .sublinearTF)
        minimumDocumentFrequency = try c.decode(Int.self, forKey: .minimumDocumentFrequency)
        svd = try c.decode(SVDSettings.self, forKey: .svd)
        // Two experiments that lost (Models/EXPERIMENTS.md) and that no shipped model used: a definition
        // naming them was fitted by an older arxrec and cannot be reproduced by this one.
        if let exponent = try c.decodeIfPresent(Float.self, forKey: .idfExponent), exponent != 1 {
            throw DecodingError.dataCorruptedError(
                forKey: .idfExponent, in: c, debugDescription: "idfExponent is no longer supported: refit without it")
        }
        if try c.decodeIfPresent(Float.self, forKey: .tfSaturation) != nil {
            throw DecodingError.dataCorruptedError(
                forKey: .tfSaturation, in: c, debugDescription: "tfSaturation is no longer supported: refit without it")
        }
        stemPlurals = try c.decodeIfPresent(Bool.self, forKey: .stemPlurals) ?? false
        dropChineseStopWords = try c.decodeIfPresent(Bool.self, forKey: .dropChineseStopWords) ?? false
        centerDense = try c.decodeIfPresent(Bool.self, forKey: .centerDense) ?? false
        phraseView = try c.decodeIfPresent(Bool.self, forKey: .phraseView) ?? false
        keepLinkWords = try c.decodeIfPresent(Bool.self, forKey: .keepLinkWords) ?? false
        chineseWords = try c.decodeIfPresent(ChineseWordSettings.self, forKey: .chineseWords)
        termTable = try c.decodeIfPresent(TermTableSettings.self, forKey: .termTable)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(hashSeed, forKey: .hashSeed)
        try c.encode(bucketBits, forKey: .bucketBits)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(weights, forKey: .weights)
        try c.encode(dropEnglishStopWords, forKey: .dropEnglishStopWords)
        try c.encode(Self.idfFormula, forKey: .idf)
        try c.encode(sublinearTF, forKey: .sublinearTF)
        try c.encode(minimumDocumentFrequency, forKey: .minimumDocumentFrequency)
        try c.encode(svd, forKey: .svd)
        if stemPlurals { try c.encode(stemPlurals, forKey: .stemPlurals) }
        if dropChineseStopWords { try c.encode(dropChineseStopWords, forKey: .dropChineseStopWords) }
        if centerDense { try c.encode(centerDense, forKey: .centerDense) }
        if phraseView { try c.encode(phraseView, forKey: .phraseView) }
        if keepLinkWords { try c.encode(keepLinkWords, forKey: .keepLinkWords) }
        try c.encodeIfPresent(chineseWords, forKey: .chineseWords)
        try c.encodeIfPresent(termTable, forKey: .termTable)
    }

    /// The definition the phrase view is featurized with: this one with English stop words and link words
    /// kept. Nil when the model has no phrase view (its idf knows nothing of those n-grams).
    public var phraseDefinition: ModelDefinition? {
        guard phraseView else { return nil }
        var phrases = self
        phrases.dropEnglishStopWords = false
        phrases.keepLinkWords = true
        return phrases
    }

    /// The number of buckets of the sparse view.
    public var bucketCount: Int { 1 << bucketBits }

    /// The prefix of the model id: the kind of dense view and its dimension, e.g. `lsa256`.
    public var idPrefix: String { "lsa\(dimension)" }

    /// The definition as compact JSON with sorted keys: the bytes the model id hashes.
    public func canonicalJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain numbers, strings and booleans cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Checks that the values can build a model.
    public func validate() throws(ModelError) {
        func fail(_ message: String) -> ModelError { .invalidDefinition(name: name, message) }
        guard formatVersion == Self.currentFormatVersion else {
            throw .unsupportedFormatVersion(name: name, found: formatVersion, supported: Self.currentFormatVersion)
        }
        guard !name.isEmpty, !name.contains("/") else { throw fail("name must be a non-empty folder name") }
        guard (8 ... 28).contains(bucketBits) else { throw fail("bucketBits \(bucketBits) is outside 8…28") }
        guard (1 ... 4096).contains(dimension) else { throw fail("dimension \(dimension) is outside 1…4096") }
        let all = FeatureKind.allCases.map { weights[$0] }
        guard all.allSatisfy({ $0.isFinite && $0 >= 0 }), all.contains(where: { $0 > 0 }) else {
            throw fail("feature weights must be finite, non-negative and not all zero")
        }
        if weights.cjkWord > 0 && chineseWords == nil { throw fail("weights.cjkWord needs chineseWords settings") }
        if let problem = chineseWords?.problem { throw fail(problem) }
        if termTable != nil && chineseWords == nil { throw fail("termTable needs chineseWords settings") }
        if let problem = termTable?.problem { throw fail(problem) }
        guard minimumDocumentFrequency >= 1 else { throw fail("minimumDocumentFrequency must be at least 1") }
        guard svd.oversampling >= 0, svd.powerIterations >= 0 else {
            throw fail("SVD oversampling and power iterations must be non-negative")
        }
        guard svd.singularValueExponent.isFinite else { throw fail("singularValueExponent must be finite") }
    }
}

/// The weight of each feature kind in the sparse view.
public struct FeatureWeights: Codable, Sendable, Equatable {
    public var wordUnigram: Float
    public var wordBigram: Float
    public var cjkUnigram: Float
    public var cjkBigram: Float
    /// Chinese words (``FeatureKind/cjkWord``); 0, and left out of the JSON, in models before v6.
    public var cjkWord: Float

    public init(wordUnigram: Float = 1, wordBigram: Float = 1, cjkUnigram: Float = 1, cjkBigram: Float = 1, cjkWord: Float = 0) {
        self.wordUnigram = wordUnigram
        self.wordBigram = wordBigram
        self.cjkUnigram = cjkUnigram
        self.cjkBigram = cjkBigram
        self.cjkWord = cjkWord
    }

    /// Model v6's: Chinese words instead of character uni- and bigrams.
    public static let chineseWords = FeatureWeights(cjkUnigram: 0, cjkBigram: 0, cjkWord: 1)

    /// The weight of `kind`.
    public subscript(kind: FeatureKind) -> Float {
        switch kind {
        case .wordUnigram: wordUnigram
        case .wordBigram: wordBigram
        case .cjkUnigram: cjkUnigram
        case .cjkBigram: cjkBigram
        case .cjkWord: cjkWord
        }
    }

    enum CodingKeys: String, CodingKey {
        case wordUnigram, wordBigram, cjkUnigram, cjkBigram, cjkWord
    }

    /// `cjkWord` is optional when reading and left out at 0 when writing, so older definitions keep their
    /// canonical JSON and therefore their ids.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        wordUnigram = try c.decode(Float.self, forKey: .wordUnigram)
        wordBigram = try c.decode(Float.self, forKey: .wordBigram)
        cjkUnigram = try c.decode(Float.self, forKey: .cjkUnigram)
        cjkBigram = try c.decode(Float.self, forKey: .cjkBigram)
        cjkWord = try c.decodeIfPresent(Float.self, forKey: .cjkWord) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(wordUnigram, forKey: .wordUnigram)
        try c.encode(wordBigram, forKey: .wordBigram)
        try c.encode(cjkUnigram, forKey: .cjkUnigram)
        try c.encode(cjkBigram, forKey: .cjkBigram)
        if cjkWord != 0 { try c.encode(cjkWord, forKey: .cjkWord) }
    }
}

/// Settings of the randomized truncated SVD (range finder with power iterations) behind the projection.
public struct SVDSettings: Codable, Sendable, Equatable {
    /// Extra random directions beyond the rank, for accuracy.
    public var oversampling: Int
    /// Power iterations, for accuracy when the spectrum decays slowly (text does).
    public var powerIterations: Int
    /// Seeds the random test matrix, so fitting is deterministic.
    public var seed: UInt64
    /// p in the projection rows V·Σ^(p−1): a paper's dense vector is x·V·Σ^(p−1) = UΣ^p. p = 1 is plain LSA
    /// (x·V); p < 1 flattens the leading components, p > 1 stresses them. Measured with `arxrec evaluate`
    /// (`Models/EXPERIMENTS.md`): P@10_primary 0.670 at p = 1, 0.646 at 0.5, 0.699 at 2, **0.701 at 3**, 0.687
    /// at 4 — the broad topical directions are what "similar" needs; the default is 3 (model v2).
    public var singularValueExponent: Float

    public init(oversampling: Int = 16, powerIterations: Int = 3, seed: UInt64 = 7, singularValueExponent: Float = 3) {
        self.oversampling = oversampling
        self.powerIterations = powerIterations
        self.seed = seed
        self.singularValueExponent = singularValueExponent
    }
}
