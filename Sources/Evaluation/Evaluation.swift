import ArxivFormats
public import Foundation
import Library
import LinearAlgebra
public import Recommender
public import TextEmbedding

/// `arxrec evaluate`: the offline evaluation of issue 9 on real papers — the similar task and the
/// author-simulated profile task — run end to end through the code users run: the model is fitted
/// (or given), the papers are ingested into a real library, similar scores come from the library's
/// vector file, profiles from ``ProfileTrainer`` with a ``WeakNegatives`` sample of that library.
public struct Evaluation: Sendable {
    /// Where the embedding model comes from.
    public enum ModelSource: Sendable {
        /// Fit this definition on the evaluated papers (as the reference methods fit theirs).
        case fit(ModelDefinition)
        /// Evaluate a model as it is.
        case given(EmbeddingModel)
    }

    public var seed: UInt64
    public var profileSettings: ProfileSettings
    public var similar: SimilarTask
    public var users: UserSimulation

    public init(
        seed: UInt64, profileSettings: ProfileSettings = .standard, similar: SimilarTask = SimilarTask(),
        users: UserSimulation = UserSimulation()
    ) {
        self.seed = seed
        self.profileSettings = profileSettings
        self.similar = similar
        self.users = users
    }

    /// Runs both tasks on `corpus`, with the library in `dataDirectory` (created when missing; papers
    /// already there stay and may serve as weak negatives). `progress` receives one line per phase;
    /// `scores`, when given, every score of the profile task (``ProfileScoreTable``, reading `english`).
    public func run(
        corpus: EvaluationCorpus, model source: ModelSource, dataDirectory: URL,
        scores: ((ProfileScoreTable) throws -> Void)? = nil, progress: (String) -> Void = { _ in }
    ) throws -> EvaluationReport {
        var phases = PhaseClock()
        func phase(_ name: String, _ message: String) { phases.mark(name, message, progress: progress) }

        let model: EmbeddingModel
        switch source {
        case .fit(let definition):
            model = try EmbeddingModel.fit(documents: corpus.fitDocuments, definition: definition).0
            phase("fit", "fitted \(model.id) on \(corpus.papers.count) papers"
                + (corpus.chinese.isEmpty ? "" : " with their Chinese texts"))
        case .given(let given):
            model = given
            phase("fit", "using \(model.id)")
        }

        let library = try Library.open(at: dataDirectory, embedder: ModelEmbedder(model: model))
        for start in stride(from: 0, to: corpus.papers.count, by: 2_000) {
            try library.ingest(Array(corpus.papers[start ..< min(start + 2_000, corpus.papers.count)]), source: "evaluate")
        }
        let stored = try library.papers(corpus.papers.map(\.id))
        let (evaluated, authorNames) = EvaluatedPaper.make(stored)
        var featurizer = Featurizer(model: model)
        let texts = stored.map { ScoringText($0).text }
        let sparse = texts.map { featurizer.sparse($0) }
        let (dense, hasDenseRow) = try library.denseRows(of: stored)
        phase("ingest", "ingested \(stored.count) papers into \(dataDirectory.path)")

        let (precision, queries) = similar.run(
            dense: dense, sparse: sparse, categories: evaluated.map(\.primaryCategory), seed: seed)
        phase("similar", String(format: "similar: P@%d_primary %.4f over %d queries", similar.k, precision, queries))

        let simulated = users.users(papers: evaluated, authorNames: authorNames, seed: seed)
        var recommender = Recommender(library: library, model: model, settings: profileSettings)
        recommender.negativeSeed = seed
        // As in the library, where the sample excludes every rated paper: no simulated user's likes or
        // held-out positives are weak negatives.
        let usersPapers = Set(simulated.flatMap { user in
            user.liked.map { evaluated[$0].id } + user.heldOut.map { evaluated[$0.positive].id }
        })
        let negatives = try recommender.weakNegatives(excluding: usersPapers)
        var features = ProfileFeatures(model: model, settings: profileSettings)
        var profileVectors = sparse.indices.map { i in
            features.extend(sparse[i], text: texts[i], dense: hasDenseRow[i] ? dense.row(i) : nil)
        }
        // Hubness depends on the shared sample, not the user: measured once for every paper of a day. Each
        // profile decides whether it uses it (``Profile/hubness``), as in `shortlist`.
        if let hubness = profileSettings.candidateHubness(negatives) {
            let candidates = Array(Set(simulated.flatMap { $0.heldOut.flatMap { [$0.positive] + $0.negatives } })).sorted()
            hubness.measure(&profileVectors, at: candidates, ids: candidates.map { evaluated[$0].id })
        }
        let perUser = try ProfileTask(settings: profileSettings, featureCount: model.definition.bucketCount)
            .run(
                users: simulated, vectors: profileVectors, ids: evaluated.map(\.id), negatives: negatives,
                recordsScores: scores != nil)
        try scores?(ProfileScoreTable(reading: .english, rows: perUser.flatMap(\.scores), ids: evaluated.map(\.id)))
        var ranks = RankingAccumulator(k: 10)
        for user in perUser { ranks.merge(user.ranks) }
        let standardError = RankingAccumulator.nDCGStandardError(users: perUser.map(\.ranks))
        phase("profile", String(
            format: "profile: %d users, %d positives, MRR %.4f, Recall@10 %.4f, nDCG@10 %.4f ± %.4f",
            simulated.count, ranks.count, ranks.meanReciprocalRank, ranks.recall, ranks.nDCG, standardError))

        return EvaluationReport(
            papers: stored.count, model: model.id, fitted: { if case .fit = source { true } else { false } }(),
            seed: seed,
            similar: .init(precision: precision, queries: queries, reRank: similar.reRank),
            profile: .init(
                model: profileSettings.kind.rawValue, users: simulated.count, positives: ranks.count,
                meanReciprocalRank: ranks.meanReciprocalRank, recall: ranks.recall, nDCG: ranks.nDCG,
                nDCGStandardError: standardError,
                settings: profileSettings),
            seconds: phases.elapsed, phases: phases.phases)
    }

}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
