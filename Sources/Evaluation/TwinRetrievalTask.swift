import ArxivFormats
import LinearAlgebra
import Recommender
import TextEmbedding

/// zh → en on the test period: seeded random test papers that have a Chinese text (N of them); each
/// Chinese text is ranked against the English texts of all N as `similar` ranks a Chinese query
/// (``CrossLanguageReRank``: the dense top 300 re-scored on the topical view, each language's mean taken off).
///
/// - twins: the rank of its own paper's English text (ties count against it,
///   ``RankingMetrics/rank(positive:others:)``); MRR, R@1, R@10. Also measured: the dense view alone,
///   the topical view alone, the *sparse bridge* alone (the Latin terms — GRPO, ImageNet, Qwen — a Chinese
///   text shares with its twin: all an English-only model has) and the rule plus ``bridgeWeight`` × that
///   sparse cosine.
/// - similar: the share of its 10 nearest English texts (its twin excluded) whose primary category is its
///   paper's, next to the same figure for the English text asking (`similar`'s English rule, the sparse
///   re-rank): how much of the topical neighbourhood a Chinese query keeps.
public struct TwinRetrievalTask: Sendable {
    /// N: how many test pairs take part (each Chinese text is ranked against all N English texts).
    public var candidates = 5_000
    /// The weight of the sparse cosine in the bridged ranking.
    public var bridgeWeight: Float = 1

    public init(candidates: Int = 5_000, bridgeWeight: Float = 1) {
        self.candidates = candidates
        self.bridgeWeight = bridgeWeight
    }

    public struct Figures: Codable, Sendable, Equatable {
        /// How many twins were asked for (and how many candidates each faced).
        public var candidates: Int
        /// The twins under `similar`'s rule for a Chinese query.
        public var meanReciprocalRank: Double
        public var recallAt1: Double
        public var recallAt10: Double
        /// MRR on the dense view alone and on the topical view alone.
        public var denseMeanReciprocalRank: Double
        public var topicalMeanReciprocalRank: Double
        /// The sparse bridge alone (what an English-only model could do).
        public var sparseMeanReciprocalRank: Double
        /// The rule with the sparse bridge added.
        public var bridgeWeight: Float
        public var bridgedMeanReciprocalRank: Double
        public var bridgedRecallAt1: Double
        /// P@10 same primary category of the Chinese queries among the English texts (twin excluded), and of
        /// the English texts asking the same way with `similar`'s English rule.
        public var similarPrecision: Double
        public var englishSimilarPrecision: Double

        enum CodingKeys: String, CodingKey {
            case candidates
            case meanReciprocalRank = "MRR"
            case recallAt1 = "R@1"
            case recallAt10 = "R@10"
            case denseMeanReciprocalRank = "dense_MRR"
            case topicalMeanReciprocalRank = "topical_MRR"
            case sparseMeanReciprocalRank = "sparse_MRR"
            case bridgeWeight
            case bridgedMeanReciprocalRank = "bridged_MRR"
            case bridgedRecallAt1 = "bridged_R@1"
            case similarPrecision = "similar_P@10_primary"
            case englishSimilarPrecision = "english_similar_P@10_primary"
        }
    }

    /// Runs the task on `split`'s test pairs, the sample drawn with `seed`.
    public func run(split: CrossLanguageSplit, seed: UInt64) -> Figures {
        let pairs = split.testPairs
        let picks = SeededSample.indices(count: candidates, from: pairs.count, seed: seed ^ EvaluationCorpus.Stream.twins)
            .sorted().map { pairs[$0] }
        let n = picks.count
        let model = split.model
        let english = picks.map(\.embeddingText)
        let chinese = picks.map { split.chinese[$0.id.base] ?? "" }
        let categories = picks.map(\.categories.first)
        let englishDense = model.denseMatrix(english)
        let chineseDense = model.denseMatrix(chinese)
        let rule = CrossLanguageReRank(model: model)
        let englishTopical = rule.map { rule in Self.matrix((0 ..< n).map { rule.compared(englishDense.row($0)) }, columns: model.dimension) }
        var featurizer = Featurizer(model: model)
        let englishSparse = english.map { featurizer.sparse($0) }
        let postings = SparsePostings(rows: englishSparse)

        var ruleRanks = TwinRanks(), dense = TwinRanks(), topical = TwinRanks(), sparse = TwinRanks(), bridged = TwinRanks()
        var similar = 0.0
        var englishSimilar = 0.0
        var sparseRow = [Float](repeating: 0, count: n)
        let block = 250
        for start in stride(from: 0, to: n, by: block) {
            let rows = start ..< min(start + block, n)
            let queries = Matrix(rows: rows.count, columns: model.dimension, storage: Array(chineseDense.storage[(start * model.dimension) ..< (rows.upperBound * model.dimension)]))
            let englishQueries = Matrix(rows: rows.count, columns: model.dimension, storage: Array(englishDense.storage[(start * model.dimension) ..< (rows.upperBound * model.dimension)]))
            let scores = queries.multiplyTransposed(englishDense)
            let englishScores = englishQueries.multiplyTransposed(englishDense)
            let topicalScores = rule.flatMap { rule in
                englishTopical.map { Self.matrix(rows.map { rule.compared(chineseDense.row($0)) }, columns: model.dimension).multiplyTransposed($0) }
            }
            for q in rows {
                let denseRow = Array(scores.row(q - start))
                sparseRow.withUnsafeMutableBufferPointer { postings.products(with: featurizer.sparse(chinese[q]), into: $0) }
                dense.add(Self.rank(of: q, in: denseRow))
                sparse.add(Self.rank(of: q, in: sparseRow))
                // The rule: the dense top `depth`, re-scored on the topical view; the rest keep their dense order below.
                var ruled = denseRow.map { $0 - 10 }
                var bridgedScores = ruled
                if let rule, let topicalScores {
                    let topicalRow = Array(topicalScores.row(q - start))
                    topical.add(Self.rank(of: q, in: topicalRow))
                    for hit in topK(denseRow, k: rule.depth) {
                        ruled[hit.index] = topicalRow[hit.index]
                        bridgedScores[hit.index] = topicalRow[hit.index] + bridgeWeight * sparseRow[hit.index]
                    }
                } else {
                    ruled = denseRow
                    bridgedScores = zip(denseRow, sparseRow).map { $0 + bridgeWeight * $1 }
                }
                ruleRanks.add(Self.rank(of: q, in: ruled))
                bridged.add(Self.rank(of: q, in: bridgedScores))
                similar += Self.precision(topK(ruled, k: 11, excluding: [q]).prefix(10), category: categories[q], categories)
                var englishHits = topK(Array(englishScores.row(q - start)), k: SimilarReRank.standard.depth, excluding: [q])
                englishHits = SimilarReRank.standard.apply(englishHits, query: englishSparse[q], sparse: englishSparse)
                englishSimilar += Self.precision(englishHits.prefix(10), category: categories[q], categories)
            }
        }
        return Figures(
            candidates: n, meanReciprocalRank: ruleRanks.meanReciprocalRank, recallAt1: ruleRanks.share(within: 1),
            recallAt10: ruleRanks.share(within: 10), denseMeanReciprocalRank: dense.meanReciprocalRank,
            topicalMeanReciprocalRank: rule == nil ? dense.meanReciprocalRank : topical.meanReciprocalRank,
            sparseMeanReciprocalRank: sparse.meanReciprocalRank, bridgeWeight: bridgeWeight,
            bridgedMeanReciprocalRank: bridged.meanReciprocalRank, bridgedRecallAt1: bridged.share(within: 1),
            similarPrecision: n == 0 ? 0 : similar / Double(n), englishSimilarPrecision: n == 0 ? 0 : englishSimilar / Double(n))
    }

    /// A row-major matrix of `rows`.
    static func matrix(_ rows: [[Float]], columns: Int) -> Matrix {
        Matrix(rows: rows.count, columns: columns, storage: rows.flatMap { $0 })
    }

    /// The rank of candidate `twin` among `scores` (ties against it).
    static func rank(of twin: Int, in scores: [Float]) -> Int {
        var rank = 1
        let positive = scores[twin]
        for j in scores.indices where j != twin && (scores[j] >= positive || scores[j].isNaN) { rank += 1 }
        return rank
    }

    /// The share of `hits` (10 of them) whose primary category is `category`.
    static func precision(_ hits: ArraySlice<ScoredIndex>, category: String?, _ categories: [String?]) -> Double {
        guard let category, !hits.isEmpty else { return 0 }
        return Double(hits.filter { categories[$0.index] == category }.count) / 10
    }
}

/// The ranks of the twins of one ranking.
private struct TwinRanks {
    private var ranks: [Int] = []

    mutating func add(_ rank: Int) { ranks.append(rank) }

    var meanReciprocalRank: Double {
        ranks.isEmpty ? 0 : ranks.reduce(0) { $0 + RankingMetrics.reciprocalRank($1) } / Double(ranks.count)
    }

    /// The share of twins ranked within the top `k`.
    func share(within k: Int) -> Double {
        ranks.isEmpty ? 0 : Double(ranks.filter { $0 <= k }.count) / Double(ranks.count)
    }
}
