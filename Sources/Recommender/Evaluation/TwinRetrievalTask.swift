import ArxivFormats
import LinearAlgebra
import TextEmbedding

/// zh → en twin retrieval: for seeded random test papers that have a Chinese text, each Chinese text
/// asks for its own paper's English text among the English texts of all of them (N candidates, its twin
/// one of them), ranked by cosine. Ties count against the twin (``RankingMetrics/rank(positive:others:)``).
///
/// Two rankings are measured: the dense view alone (the bilingual space), and the dense cosine plus
/// ``bridgeWeight`` × the sparse cosine — the *sparse bridge*: the Latin terms (GRPO, ImageNet, Qwen) a
/// Chinese text shares with its English twin, which is all an English-only model has to go on.
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
        public var meanReciprocalRank: Double
        public var recallAt1: Double
        public var recallAt10: Double
        /// The same with the sparse bridge added.
        public var bridgeWeight: Float
        public var bridgedMeanReciprocalRank: Double
        public var bridgedRecallAt1: Double
        /// The sparse bridge alone (what an English-only model could do).
        public var sparseMeanReciprocalRank: Double

        enum CodingKeys: String, CodingKey {
            case candidates
            case meanReciprocalRank = "MRR"
            case recallAt1 = "R@1"
            case recallAt10 = "R@10"
            case bridgeWeight
            case bridgedMeanReciprocalRank = "bridged_MRR"
            case bridgedRecallAt1 = "bridged_R@1"
            case sparseMeanReciprocalRank = "sparse_MRR"
        }
    }

    /// Runs the task on `split`'s test pairs, the sample drawn with `seed`.
    public func run(split: CrossLanguageSplit, seed: UInt64) -> Figures {
        let pairs = split.testPairs
        let picks = SeededSample.indices(count: candidates, from: pairs.count, seed: seed ^ EvaluationCorpus.Stream.twins)
            .sorted().map { pairs[$0] }
        let english = picks.map(\.embeddingText)
        let chinese = picks.map { split.chinese[$0.id.base] ?? "" }
        let model = split.model
        let zhDense = model.denseMatrix(chinese)
        let enDense = model.denseMatrix(english)
        let denseScores = zhDense.multiplyTransposed(enDense)
        // DIAGNOSTIC (temporary): q = 1 view and per-language means.
        func transform(_ m: Matrix, _ f: ([Float]) -> [Float]) -> Matrix {
            var storage: [Float] = []
            for r in 0 ..< m.rows { storage.append(contentsOf: f(Array(m.row(r)))) }
            return Matrix(rows: m.rows, columns: m.columns, storage: storage)
        }
        func normalize(_ v: [Float]) -> [Float] { let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot(); return n > 0 ? v.map { $0 / n } : v }
        if let scale = model.spectrumRescaling(toExponent: 1) {
            let q1 = { (v: [Float]) in normalize(zip(model.uncentered(v), scale).map { $0 * $1 }) }
            let s = transform(zhDense, q1).multiplyTransposed(transform(enDense, q1))
            var r = TwinRanks()
            s.withUnsafeBufferPointer { all in for q in picks.indices { r.add(Self.rank(of: q, in: UnsafeBufferPointer(rebasing: all[(q * picks.count) ..< ((q + 1) * picks.count)]))) } }
            print("DIAG q=1 view: MRR \(r.meanReciprocalRank) R@1 \(r.share(within: 1))")
        }
        if let scale = model.spectrumRescaling(toExponent: 1) {
            let q1 = { (v: [Float]) in normalize(zip(model.uncentered(v), scale).map { $0 * $1 }) }
            let s = transform(zhDense, q1).multiplyTransposed(transform(enDense, q1))
            for depth in [30, 100, 300] {
                var r = TwinRanks()
                denseScores.withUnsafeBufferPointer { all in
                    s.withUnsafeBufferPointer { q1all in
                        for q in picks.indices {
                            let row = UnsafeBufferPointer(rebasing: all[(q * picks.count) ..< ((q + 1) * picks.count)])
                            let stage1 = Self.rank(of: q, in: row)
                            if stage1 > depth { r.add(stage1); continue }
                            let top = topK(row, k: depth)
                            let twin = q1all[q * picks.count + q]
                            r.add(1 + top.filter { $0.index != q && q1all[q * picks.count + $0.index] >= twin }.count)
                        }
                    }
                }
                print("DIAG p3 top \(depth) then q=1: MRR \(r.meanReciprocalRank) R@1 \(r.share(within: 1))")
            }
        }
        var featurizer = Featurizer(model: model)
        let postings = SparsePostings(rows: english.map { featurizer.sparse($0) })
        let queries = chinese.map { featurizer.sparse($0) }

        var dense = TwinRanks()
        var bridged = TwinRanks()
        var sparse = TwinRanks()
        var sparseRow = [Float](repeating: 0, count: picks.count)
        var combined = [Float](repeating: 0, count: picks.count)
        denseScores.withUnsafeBufferPointer { all in
            for q in picks.indices {
                let denseRow = UnsafeBufferPointer(rebasing: all[(q * picks.count) ..< ((q + 1) * picks.count)])
                sparseRow.withUnsafeMutableBufferPointer { postings.products(with: queries[q], into: $0) }
                for j in picks.indices { combined[j] = denseRow[j] + bridgeWeight * sparseRow[j] }
                dense.add(Self.rank(of: q, in: denseRow))
                combined.withUnsafeBufferPointer { bridged.add(Self.rank(of: q, in: $0)) }
                sparseRow.withUnsafeBufferPointer { sparse.add(Self.rank(of: q, in: $0)) }
            }
        }
        return Figures(
            candidates: picks.count, meanReciprocalRank: dense.meanReciprocalRank, recallAt1: dense.share(within: 1),
            recallAt10: dense.share(within: 10), bridgeWeight: bridgeWeight,
            bridgedMeanReciprocalRank: bridged.meanReciprocalRank, bridgedRecallAt1: bridged.share(within: 1),
            sparseMeanReciprocalRank: sparse.meanReciprocalRank)
    }

    /// The rank of candidate `twin` among `scores` (ties against it).
    static func rank(of twin: Int, in scores: UnsafeBufferPointer<Float>) -> Int {
        var rank = 1
        let positive = scores[twin]
        for j in scores.indices where j != twin && (scores[j] >= positive || scores[j].isNaN) { rank += 1 }
        return rank
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
