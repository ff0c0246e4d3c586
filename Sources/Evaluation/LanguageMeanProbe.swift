import ArxivFormats
import LinearAlgebra
import Recommender
import TextEmbedding

/// Whether a per-language mean would help `similar` for a Chinese query (session 8, item 2): the dense view
/// is centered on one μ, the mean of the fitted English texts, and every Chinese text keeps a common
/// "Chinese" offset — so a Chinese query's dense neighbours are crowded by other Chinese texts. The probe
/// centers Chinese texts on μ_zh instead (the mean plain dense vector of the *training* period's Chinese
/// texts, what a model artifact would hold; experiment 76 took the test texts' own mean, an optimistic
/// bound) and measures `similar`'s rule (``CrossLanguageReRank``) with and without it on the twin task's
/// pairs, in two pools:
/// - English: the N English texts (experiment 79's protocol: twins MRR, P@10 same primary category);
/// - mixed: the N English texts and the Chinese texts of the other N − 1 pairs, as a library holding
///   Chinese-only papers is: twins MRR, P@10, and the share of English texts among the 10 nearest.
/// "query only" recenters the Chinese query alone, the library's rows as stored. "topical too" also centers the topical view per language (each language's mean topical vector of the
/// training period), since the re-rank reads that view.
public struct LanguageMeanProbe: Sendable {
    public struct Reading: Codable, Sendable, Equatable {
        public var meanReciprocalRank: Double
        public var similarPrecision: Double
        /// The share of English texts among the 10 nearest (twin excluded); 1 in the English pool.
        public var englishShare: Double

        enum CodingKeys: String, CodingKey {
            case meanReciprocalRank = "MRR"
            case similarPrecision = "P@10_primary"
            case englishShare = "english_share@10"
        }
    }

    public struct Figures: Codable, Sendable, Equatable {
        public var englishPool: Reading
        public var englishPoolLanguageMean: Reading
        public var mixedPool: Reading
        /// Only the query recentered (the library's rows as stored): what `similar` could do without re-embedding.
        public var mixedPoolQueryOnly: Reading
        public var mixedPoolLanguageMean: Reading
        public var mixedPoolLanguageMeanTopicalToo: Reading
        /// `similar`'s rule as shipped (``CrossLanguageReRank/compared(_:)``: the topical view less each
        /// language's mean from the model's calibration pairs, a vector's language told by the vector), dense
        /// rows as stored, in either pool.
        public var englishPoolRule: Reading?
        public var mixedPoolRule: Reading?
        /// The share of the test texts (both languages) whose language the rule's means tell right.
        public var languageTold: Double?
    }

    public init() {}

    /// Runs the probe on the same seeded pairs as ``TwinRetrievalTask`` (`candidates` of them); nil when
    /// the model has no topical view or no training pair has a Chinese text.
    public func run(split: CrossLanguageSplit, candidates: Int, seed: UInt64) -> Figures? {
        let model = split.model
        guard let rule = CrossLanguageReRank(model: model) else { return nil }  // `topical` below is the plain view
        let pairs = split.testPairs
        let picks = SeededSample.indices(count: candidates, from: pairs.count, seed: seed ^ EvaluationCorpus.Stream.twins)
            .sorted().map { pairs[$0] }
        let n = picks.count
        let d = model.dimension
        let trainChinese = split.train.compactMap { split.chinese[$0.id.base] }
        guard n > 1, !trainChinese.isEmpty else { return nil }

        // The per-language means, from the training period only.
        let chineseTrainDense = model.denseMatrix(trainChinese)
        let englishTrainDense = model.denseMatrix(split.train.map(\.embeddingText))
        let plainMeanZh = Self.mean((0 ..< chineseTrainDense.rows).map { model.uncentered(Array(chineseTrainDense.row($0))) }, d)
        let topicalMeanZh = Self.mean((0 ..< chineseTrainDense.rows).map { rule.topical(Array(chineseTrainDense.row($0))) }, d)
        let topicalMeanEn = Self.mean((0 ..< englishTrainDense.rows).map { rule.topical(Array(englishTrainDense.row($0))) }, d)

        let englishDense = model.denseMatrix(picks.map(\.embeddingText))
        let chineseDense = model.denseMatrix(picks.map { split.chinese[$0.id.base] ?? "" })
        let englishRows = (0 ..< n).map { Array(englishDense.row($0)) }
        let chineseRows = (0 ..< n).map { Array(chineseDense.row($0)) }
        let chineseRecentered = chineseRows.map { Self.recentered(model.uncentered($0), on: plainMeanZh) }
        let englishTopical = englishRows.map { rule.topical($0) }
        let chineseTopical = chineseRows.map { rule.topical($0) }
        let englishTopicalCentered = englishTopical.map { Self.recentered($0, on: topicalMeanEn) }
        let chineseTopicalCentered = chineseTopical.map { Self.recentered($0, on: topicalMeanZh) }
        let categories = picks.map(\.categories.first)

        // One pool's ranking of every query under `similar`'s rule: the dense top `depth`, re-scored topically.
        func reading(
            queries: [[Float]], queryTopical: [[Float]], pool: [[Float]], poolTopical: [[Float]]
        ) -> Reading {
            var reciprocal = 0.0, precision = 0.0, english = 0.0
            let poolMatrix = Matrix(rows: pool.count, columns: d, storage: pool.flatMap { $0 })
            let block = 250
            for start in stride(from: 0, to: n, by: block) {
                let rows = start ..< min(start + block, n)
                let scores = Matrix(rows: rows.count, columns: d, storage: rows.flatMap { queries[$0] })
                    .multiplyTransposed(poolMatrix)
                for q in rows {
                    var dense = Array(scores.row(q - start))
                    if pool.count > n { dense[n + q] = -.infinity }  // the query's own Chinese text
                    var ruled = dense.map { $0 - 10 }
                    for hit in topK(dense, k: rule.depth) { ruled[hit.index] = DenseVector.dot(queryTopical[q], poolTopical[hit.index]) }
                    reciprocal += RankingMetrics.reciprocalRank(TwinRetrievalTask.rank(of: q, in: ruled))
                    let near = topK(ruled, k: 11, excluding: [q, n + q]).prefix(10)
                    precision += Double(near.filter { categories[$0.index % n] == categories[q] && categories[q] != nil }.count) / 10
                    english += Double(near.filter { $0.index < n }.count) / 10
                }
            }
            return Reading(meanReciprocalRank: reciprocal / Double(n), similarPrecision: precision / Double(n), englishShare: english / Double(n))
        }
        let mixedRows = englishRows + chineseRows
        let shipped = rule.readsAsChinese(chineseRows[0]) == nil ? nil : rule
        let englishCompared = shipped.map { rule in englishRows.map { rule.compared($0) } }
        let chineseCompared = shipped.map { rule in chineseRows.map { rule.compared($0) } }
        let told = shipped.map { rule in
            Double(englishRows.filter { rule.readsAsChinese($0) == false }.count
                + chineseRows.filter { rule.readsAsChinese($0) == true }.count) / Double(2 * n)
        }
        return Figures(
            englishPool: reading(queries: chineseRows, queryTopical: chineseTopical, pool: englishRows, poolTopical: englishTopical),
            englishPoolLanguageMean: reading(
                queries: chineseRecentered, queryTopical: chineseTopical, pool: englishRows, poolTopical: englishTopical),
            mixedPool: reading(
                queries: chineseRows, queryTopical: chineseTopical, pool: mixedRows, poolTopical: englishTopical + chineseTopical),
            mixedPoolQueryOnly: reading(
                queries: chineseRecentered, queryTopical: chineseTopical, pool: mixedRows, poolTopical: englishTopical + chineseTopical),
            mixedPoolLanguageMean: reading(
                queries: chineseRecentered, queryTopical: chineseTopical, pool: englishRows + chineseRecentered,
                poolTopical: englishTopical + chineseTopical),
            mixedPoolLanguageMeanTopicalToo: reading(
                queries: chineseRecentered, queryTopical: chineseTopicalCentered, pool: englishRows + chineseRecentered,
                poolTopical: englishTopicalCentered + chineseTopicalCentered),
            englishPoolRule: englishCompared.flatMap { english in chineseCompared.map { chinese in
                reading(queries: chineseRows, queryTopical: chinese, pool: englishRows, poolTopical: english)
            } },
            mixedPoolRule: englishCompared.flatMap { english in chineseCompared.map { chinese in
                reading(queries: chineseRows, queryTopical: chinese, pool: mixedRows, poolTopical: english + chinese)
            } },
            languageTold: told)
    }

    /// The mean of non-zero `vectors`, accumulated in Double.
    static func mean(_ vectors: [[Float]], _ d: Int) -> [Float] {
        var sums = [Double](repeating: 0, count: d)
        var counted = 0
        for v in vectors where v.contains(where: { $0 != 0 }) {
            for j in 0 ..< d { sums[j] += Double(v[j]) }
            counted += 1
        }
        return sums.map { Float($0 / Double(max(counted, 1))) }
    }

    /// normalize(`plain` − `mean`); zeros stay zeros.
    static func recentered(_ plain: [Float], on mean: [Float]) -> [Float] {
        guard plain.contains(where: { $0 != 0 }) else { return plain }
        var v = plain
        DenseVector.add(mean, scaledBy: -1, to: &v)
        DenseVector.normalize(&v)
        return v
    }
}
