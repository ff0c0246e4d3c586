public import LinearAlgebra
public import TextEmbedding

/// How a Chinese query (a paper known only in Chinese, or Chinese search text) is ranked against the
/// library with a bilingual model: the dense view's top ``depth`` neighbours re-scored by their cosine on
/// the *topical view* — plain LSA (singular-value exponent 1), recovered from the stored dense rows
/// (``EmbeddingModel/spectrumRescaling(toExponent:)``, ``EmbeddingModel/uncentered(_:)``).
///
/// Why: the dense view stresses the leading singular directions (p = 3), the field-level topics that make
/// `similar` good at "same field" — but it blurs what tells one paper from the next, and a Chinese text
/// matches its English twin only through those finer directions. Measured with `arxrec evaluate
/// --crosslang` (cut 2025-10-01, 5,000 test pairs, zh → en): the dense view alone finds the twin with MRR
/// 0.750, the topical view alone 0.988; the dense top 30 / 100 / 300 re-scored on the topical view 0.936 /
/// 0.965 / 0.979 (0.983 with each language's mean taken off, ``LanguageMeans``). The sparse re-rank of English queries (``SimilarReRank``) cannot serve here: a Chinese
/// text shares its words with Chinese papers and only its Latin terms with English ones.
public struct CrossLanguageReRank: Sendable {
    /// How many dense neighbours are re-scored.
    public var depth: Int
    let model: EmbeddingModel
    /// Per-dimension factors from the dense view to the topical view.
    let scale: [Float]
    /// Each language's mean topical vector, taken off a vector of that language before the cosine; nil
    /// without calibration pairs (a model without a term table), or when not asked for.
    let languageMeans: LanguageMeans?

    /// The standard depth: 300.
    public static let standardDepth = 300

    /// Nil when the model cannot recover the topical view (a model fitted at exponent 1 is its own).
    /// `centeringLanguages`: take each language's mean off (``LanguageMeans``) when the model can; this
    /// embeds the model's calibration pairs (800 texts, tens of milliseconds in a release build).
    public init?(model: EmbeddingModel, depth: Int = CrossLanguageReRank.standardDepth, centeringLanguages: Bool = true) {
        guard let scale = model.spectrumRescaling(toExponent: 1) else { return nil }
        self.model = model
        self.scale = scale
        self.depth = depth
        if centeringLanguages, let pairs = model.translation?.pairs, !pairs.isEmpty {
            let english = model.denseMatrix(pairs.map(\.english))
            let chinese = model.denseMatrix(pairs.map(\.chinese))
            languageMeans = LanguageMeans(
                english: (0 ..< english.rows).map { Self.topical(english.row($0), model: model, scale: scale) },
                chinese: (0 ..< chinese.rows).map { Self.topical(chinese.row($0), model: model, scale: scale) })
        } else {
            languageMeans = nil
        }
    }

    /// The unit topical vector of a dense vector of the model (zeros stay zeros).
    public func topical(_ dense: some Collection<Float>) -> [Float] {
        Self.topical(dense, model: model, scale: scale)
    }

    static func topical(_ dense: some Collection<Float>, model: EmbeddingModel, scale: [Float]) -> [Float] {
        var vector = model.uncentered(Array(dense))
        for j in vector.indices { vector[j] *= scale[j] }
        DenseVector.normalize(&vector)
        return vector
    }

    /// The vector the re-rank compares: ``topical(_:)`` less its language's mean, L2 (the plain topical
    /// vector without ``languageMeans``).
    public func compared(_ dense: some Collection<Float>) -> [Float] {
        let plain = topical(dense)
        return languageMeans?.centered(plain) ?? plain
    }

    /// Whether the dense vector reads as Chinese by ``LanguageMeans``; nil without them.
    public func readsAsChinese(_ dense: some Collection<Float>) -> Bool? {
        languageMeans.map { $0.isChinese(topical(dense)) }
    }

    /// `hits` (indices with their dense scores) re-scored by the cosine of `query` with `row(index)` (the
    /// dense rows) on ``compared(_:)``, sorted by that score (then index).
    public func apply(_ hits: [ScoredIndex], query: [Float], row: (Int) -> [Float]) -> [ScoredIndex] {
        let q = compared(query)
        return hits.map { ScoredIndex(index: $0.index, score: DenseVector.dot(q, compared(row($0.index)))) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
    }
}

/// The mean topical vector of each language, so that a Chinese query's neighbours are chosen by topic and
/// not by language.
///
/// Why: every Chinese text's topical vector shares a common "Chinese" component, so in a library that
/// holds Chinese-only papers they crowd a Chinese query's re-ranked list. Measured on the time split
/// (`evaluate --crosslang`, session 8, ``LanguageMeanProbe``): with the 5,000 test papers' English texts
/// and the other pairs' Chinese texts in one pool, 10.5 % of a Chinese query's 10 nearest were English and
/// its English twin's MRR was 0.714; each language's mean taken off, 39.6 % and 0.916 (half the pool is
/// English). Among the English texts alone the twins' MRR rises too, 0.980 → 0.983, and P@10 same primary
/// category 0.700 → 0.711.
///
/// The means come from the model's calibration pairs (``TextEmbedding/CalibrationPair``): the same papers
/// in both languages, so their difference is the language and not a topic. A vector's language is told by
/// the vector itself — which side of the midpoint between the two means it falls on along their difference
/// — since a library row carries no language (and a Chinese text's Latin terms do not make it English).
struct LanguageMeans: Sendable {
    let english: [Float]
    let chinese: [Float]
    /// chinese − english, and the midpoint's coordinate along it.
    let direction: [Float]
    let midpoint: Float

    /// The means of the non-zero topical vectors `english` and `chinese` (of the same papers).
    init(english: [[Float]], chinese: [[Float]]) {
        func mean(_ vectors: [[Float]]) -> [Float] {
            var sums = [Double](repeating: 0, count: vectors.first?.count ?? 0)
            var counted = 0
            for t in vectors where t.contains(where: { $0 != 0 }) {
                for j in t.indices { sums[j] += Double(t[j]) }
                counted += 1
            }
            return sums.map { Float($0 / Double(max(counted, 1))) }
        }
        self.english = mean(english)
        self.chinese = mean(chinese)
        var direction = self.chinese
        DenseVector.add(self.english, scaledBy: -1, to: &direction)
        self.direction = direction
        midpoint = (DenseVector.dot(self.chinese, direction) + DenseVector.dot(self.english, direction)) / 2
    }

    /// Whether the topical vector `t` reads as Chinese.
    func isChinese(_ t: [Float]) -> Bool { DenseVector.dot(t, direction) > midpoint }

    /// `t` − chinese + english, L2 (zeros stay zeros): a Chinese text's topical vector on the English side.
    func movedToEnglish(_ t: [Float]) -> [Float] {
        guard t.contains(where: { $0 != 0 }) else { return t }
        var v = t
        DenseVector.add(chinese, scaledBy: -1, to: &v)
        DenseVector.add(english, to: &v)
        DenseVector.normalize(&v)
        return v
    }

    /// `t` less its language's mean, L2; zeros stay zeros.
    func centered(_ t: [Float]) -> [Float] {
        guard t.contains(where: { $0 != 0 }) else { return t }
        var v = t
        DenseVector.add(isChinese(t) ? chinese : english, scaledBy: -1, to: &v)
        DenseVector.normalize(&v)
        return v
    }
}
