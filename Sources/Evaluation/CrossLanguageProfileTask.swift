import ArxivFormats
import Foundation
import LinearAlgebra
import Recommender
import TextEmbedding

/// The profile task of `evaluate --crosslang`: author-simulated users (``UserSimulation`` with a
/// ``UserSimulation/Split/cut`` split) like their English papers announced before the cut; each of their
/// later papers that has a Chinese text is hidden among that period's other such papers, and the same
/// profiles (``ProfileTask``, one shared ``WeakNegatives`` sample of training papers) rank the day twice:
/// every candidate given only by its Chinese text (read as ``ProfileFeatures/translated(_:dense:)`` reads a
/// Chinese-only digest row), and every candidate read in English. The ratio of the two is what a reader of
/// Chinese digests loses.
struct CrossLanguageProfileTask: Sendable {
    var settings: ProfileSettings
    var users: UserSimulation

    struct Result {
        var chinese: EvaluationReport.ProfileFigures
        var english: EvaluationReport.ProfileFigures
        /// Every score of both readings, when the run records them (else empty).
        var scores: [ProfileScoreTable] = []
    }

    func run(split: CrossLanguageSplit, seed: UInt64, recordsScores: Bool = false) throws -> Result {
        let papers = split.train + split.test
        let (evaluated, authorNames) = EvaluatedPaper.make(papers)
        let cutDay = Day(split.cut).map { EvaluatedPaper.dayNumber($0.date) } ?? 0
        let candidates = Set(split.train.count ..< papers.count).filter { split.chinese[papers[$0].id.base] != nil }
        let simulated = users.users(
            papers: evaluated, authorNames: authorNames, seed: seed, split: .cut(day: cutDay, candidates: candidates))
        let model = split.model
        var features = ProfileFeatures(model: model, settings: settings)

        // Only the papers a profile reads: likes, days, and the weak-negative sample.
        let usersPapers = Set(simulated.flatMap { user in user.liked + user.heldOut.map(\.positive) })
        let pool = (0 ..< split.train.count).filter { !usersPapers.contains($0) }
        var generator = SeededGenerator(seed: seed ^ EvaluationCorpus.Stream.negatives)
        var drawn = pool
        let sample = SeededSample.draw(settings.weakNegativeCount, from: &drawn, using: &generator).sorted()
        let dayPapers = Set(simulated.flatMap { $0.heldOut.flatMap { [$0.positive] + $0.negatives } })
        var english = [ProfileVector](repeating: ProfileVector(content: .empty), count: papers.count)
        for index in usersPapers.union(dayPapers).union(sample) { english[index] = features.vector(papers[index].embeddingText) }
        let negatives = sample.isEmpty ? nil : try WeakNegatives(
            ids: sample.map { papers[$0].id.base }, vectors: sample.map { english[$0] }, settings: settings,
            featureCount: model.definition.bucketCount)
        var chinese = english
        for index in dayPapers {
            guard let text = split.chinese[papers[index].id.base], let (vector, _) = features.translated(text) else { continue }
            chinese[index] = vector
        }
        let days = dayPapers.sorted()
        if let hubness = settings.candidateHubness(negatives) {
            let ids = days.map { papers[$0].id.base }
            hubness.measure(&english, at: days, ids: ids)
            hubness.measure(&chinese, at: days, ids: ids)
        }
        let task = ProfileTask(settings: settings, featureCount: model.definition.bucketCount)
        let ids = evaluated.map(\.id)
        var tables: [ProfileScoreTable] = []
        func figures(_ vectors: [ProfileVector], reading: ProfileScoreTable.Reading) throws -> EvaluationReport.ProfileFigures {
            let perUser = try task.run(
                users: simulated, vectors: vectors, ids: ids, negatives: negatives, recordsScores: recordsScores)
            if recordsScores { tables.append(ProfileScoreTable(reading: reading, rows: perUser.flatMap(\.scores), ids: ids)) }
            var ranks = RankingAccumulator(k: 10)
            for user in perUser { ranks.merge(user.ranks) }
            return .init(
                model: settings.kind.rawValue, users: simulated.count, positives: ranks.count,
                meanReciprocalRank: ranks.meanReciprocalRank, recall: ranks.recall, nDCG: ranks.nDCG,
                nDCGStandardError: RankingAccumulator.nDCGStandardError(users: perUser.map(\.ranks)), settings: settings)
        }
        let chineseFigures = try figures(chinese, reading: .chinese)
        let englishFigures = try figures(english, reading: .english)
        return Result(chinese: chineseFigures, english: englishFigures, scores: tables)
    }
}
