public import ArxivFormats
import Foundation
public import Recommender
import TextEmbedding

/// `arxrec evaluate --crosslang`: how well one model serves Chinese texts of papers it has never seen.
///
/// The corpus is cut in time (``CrossLanguageSplit``): the model is fitted on the papers announced before
/// the cut, each with its Chinese text (cross-language LSI), and the tasks run on the later papers. Today's
/// task is ``TwinRetrievalTask`` (zh → en among N); a task that needs more of the split — the profile task
/// with the test days' candidates given only in Chinese, next to the same users reading English — reads the
/// same ``CrossLanguageSplit`` and fills ``CrossLanguageReport/profile`` (``CrossLanguageProfileTask``).
public struct CrossLanguageEvaluation: Sendable {
    public var seed: UInt64
    /// The first day of the test period.
    public var cut: Day
    public var twins: TwinRetrievalTask
    /// The profile task's settings and users (``CrossLanguageProfileTask``).
    public var profileSettings: ProfileSettings = .standard
    public var users = UserSimulation()

    /// The default cut: 2025-10-01 leaves about three quarters of the dev corpus (announced from 2025-03-18)
    /// to fit on and 8,374 pairs of its last three months to test on.
    public static let defaultCut = "2025-10-01"

    public init(seed: UInt64, cut: Day, twins: TwinRetrievalTask = TwinRetrievalTask()) {
        self.seed = seed
        self.cut = cut
        self.twins = twins
    }

    /// Splits `papers` at the cut, fits (or takes) the model, and runs the tasks. `chinese` holds the
    /// Chinese text of each paper that has one, by base id. `scores`, when given, receives every score of
    /// the profile task (``ProfileScoreTable``), reading `chinese` then `english`.
    public func run(
        papers: [Paper], chinese: [String: String], model source: Evaluation.ModelSource,
        scores: ((ProfileScoreTable) throws -> Void)? = nil, progress: (String) -> Void = { _ in }
    ) throws -> CrossLanguageReport {
        var phases = PhaseClock()
        func phase(_ name: String, _ message: String) { phases.mark(name, message, progress: progress) }

        let (train, test) = CrossLanguageSplit.papers(papers, cut: cut)
        let model: EmbeddingModel
        switch source {
        case .fit(let definition):
            model = try CrossLanguageSplit.fitModel(train, chinese: chinese, definition: definition)
            phase("fit", "fitted \(model.id) on \(train.count) papers announced before \(cut)")
        case .given(let given):
            model = given
            phase("fit", "using \(model.id) (it may have been fitted on test papers)")
        }
        let split = CrossLanguageSplit(cut: cut.description, train: train, test: test, chinese: chinese, model: model)

        let figures = twins.run(split: split, seed: seed)
        phase("twins", String(
            format: "twins: zh → en among %d, MRR %.4f, R@1 %.4f (dense %.4f, topical %.4f, sparse %.4f; bridged ×%.1f: %.4f); P@10_primary zh %.4f, en %.4f",
            figures.candidates, figures.meanReciprocalRank, figures.recallAt1, figures.denseMeanReciprocalRank,
            figures.topicalMeanReciprocalRank, figures.sparseMeanReciprocalRank, figures.bridgeWeight,
            figures.bridgedMeanReciprocalRank, figures.similarPrecision, figures.englishSimilarPrecision))

        let languageMean = LanguageMeanProbe().run(split: split, candidates: twins.candidates, seed: seed)
        if let languageMean {
            func line(_ r: LanguageMeanProbe.Reading) -> String {
                String(format: "MRR %.4f, P@10 %.4f, English share %.3f", r.meanReciprocalRank, r.similarPrecision, r.englishShare)
            }
            phase("language-mean", "per-language mean: English pool \(line(languageMean.englishPool)) → \(line(languageMean.englishPoolLanguageMean)); "
                + "mixed pool \(line(languageMean.mixedPool)) → query only \(line(languageMean.mixedPoolQueryOnly)), both \(line(languageMean.mixedPoolLanguageMean)), topical too \(line(languageMean.mixedPoolLanguageMeanTopicalToo)); "
                + "the rule's means (calibration pairs): English pool \(languageMean.englishPoolRule.map(line) ?? "-"), "
                + "mixed pool \(languageMean.mixedPoolRule.map(line) ?? "-"), language told \(languageMean.languageTold.map { String(format: "%.4f", $0) } ?? "-")")
        }

        let profile = try CrossLanguageProfileTask(settings: profileSettings, users: users)
            .run(split: split, seed: seed, recordsScores: scores != nil)
        for table in profile.scores { try scores?(table) }
        phase("profile", String(
            format: "profile: %d users, %d positives; nDCG@10 Chinese-only candidates %.4f, English %.4f (× %.3f)",
            profile.english.users, profile.english.positives, profile.chinese.nDCG, profile.english.nDCG,
            profile.english.nDCG > 0 ? profile.chinese.nDCG / profile.english.nDCG : 0))

        return CrossLanguageReport(
            cut: cut.description, model: model.id, fitted: { if case .fit = source { true } else { false } }(),
            seed: seed, train: .init(papers: train.count, pairs: split.trainPairCount),
            test: .init(papers: test.count, pairs: split.testPairs.count), twins: figures, languageMean: languageMean,
            profile: .init(chinese: profile.chinese, english: profile.english),
            seconds: phases.elapsed, phases: phases.phases)
    }
}

/// The figures of `evaluate --crosslang`:
/// `{"cut":…, "model":…, "train":{"papers":N, "pairs":P}, "test":{…}, "twins":{"candidates":N, "MRR":x,
/// "R@1":x, "R@10":x, "bridged_MRR":x, …}, "profile":null, "seconds":t, "phases":{…}}`.
public struct CrossLanguageReport: Codable, Sendable, Equatable {
    public struct Period: Codable, Sendable, Equatable {
        public var papers: Int
        /// Papers that also have a Chinese text.
        public var pairs: Int
    }

    /// The profile task on the test period read twice: the candidates given only by their Chinese text,
    /// and the same users reading the English abstracts.
    public struct ProfileComparison: Codable, Sendable, Equatable {
        public var chinese: EvaluationReport.ProfileFigures
        public var english: EvaluationReport.ProfileFigures

        public init(chinese: EvaluationReport.ProfileFigures, english: EvaluationReport.ProfileFigures) {
            self.chinese = chinese
            self.english = english
        }
    }

    public var cut: String
    public var model: String
    /// Whether the model was fitted on the training period (`true`) or given.
    public var fitted: Bool
    public var seed: UInt64
    public var train: Period
    public var test: Period
    public var twins: TwinRetrievalTask.Figures
    /// The per-language-mean probe (``LanguageMeanProbe``); nil without a topical view.
    public var languageMean: LanguageMeanProbe.Figures?
    /// The profile task with Chinese-only candidates next to the same users reading English (nil only in
    /// reports written before it was measured).
    public var profile: ProfileComparison?
    public var seconds: Double
    public var phases: [String: Double]
}
