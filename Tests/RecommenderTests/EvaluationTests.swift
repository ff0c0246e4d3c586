import ArxivFormats
import Foundation
import TestSupport
import Testing
import TextEmbedding
@testable import Evaluation
@testable import Recommender

/// The whole evaluation, fitted on a small real slice: the figures are sane and a seed repeats them.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct EvaluationTests {
    @Test func aSeedGivesTheSameFiguresTwice() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluation")
        let slice = try CorpusSlice.lastPapers(3_000, in: directory.url)
        let corpus = try EvaluationCorpus.load(slice, limit: 2_000, seed: 3)
        #expect(corpus.papers.count == 2_000)
        #expect(corpus.available == 3_000)
        // Small enough for a debug build: 2^16 buckets, 200 weak negatives, 20 users, 100 queries.
        let definition = ModelDefinition(name: "evaluation-test", bucketBits: 16, dimension: 32, minimumDocumentFrequency: 5)
        var evaluation = Evaluation(seed: 3, profileSettings: ProfileSettings.with { $0.weakNegativeCount = 200 })
        evaluation.similar.queries = 100
        evaluation.users.maximumUsers = 20

        let first = try evaluation.run(corpus: corpus, model: .fit(definition), dataDirectory: directory.file("one"))
        let second = try evaluation.run(corpus: corpus, model: .fit(definition), dataDirectory: directory.file("two"))
        #expect(first.papers == 2_000)
        #expect(first.similar.queries == 100)
        #expect(first.profile.users >= 5 && first.profile.positives >= first.profile.users)
        // Far above chance (P@10 ≈ 0.4 on this slice; a random rank's nDCG@10 ≈ 0.02).
        #expect(first.similar.precision > 0.5)
        #expect(first.profile.nDCG > 0.05)
        #expect(first.model == second.model)
        #expect(first.similar == second.similar)
        #expect(first.profile == second.profile)

        let other = try EvaluationCorpus.load(slice, limit: 2_000, seed: 4)
        #expect(other.papers.map(\.id) != corpus.papers.map(\.id))
    }
}
