public import ArxivFormats
import Foundation
import LinearAlgebra
public import Recommender
public import TextEmbedding

/// `arxrec evaluate --digest`: issue 16's generality check on a Chinese daily digest, which no lever is
/// tuned on.
///
/// The digest's rows are ranked from their Chinese text alone (title cell and abstract, read as `shortlist`
/// reads a Chinese-only row: ``ProfileFeatures/translated(_:dense:)``), by author-users: every author of a row's
/// paper (the corpus's English record names them all; the digest names one) who has at least
/// ``minimumLikes`` English papers in the corpus announced before the digest's day likes those papers,
/// and nothing of that day's papers but their Chinese text enters the ranking. Each user's own rows are
/// the positives; recall@``k`` is the share of them in the user's top k, averaged over users. The same
/// users then rank the same rows read as their English title and abstract (the English reader), and chance
/// is k / rows. Only rows whose paper the corpus has are ranked, so both readings rank the same list.
public struct DigestRecallCheck: Sendable {
    public var settings: ProfileSettings
    public var seed: UInt64
    /// English papers before the day an author needs to be a user.
    public var minimumLikes = 3
    /// The cut-off of the recall.
    public var k = 20

    public init(settings: ProfileSettings = .standard, seed: UInt64) {
        self.settings = settings
        self.seed = seed
    }

    /// The check's figures for one digest.
    public struct Figures: Codable, Sendable, Equatable {
        /// The digest's day, `YYYY-MM-DD`.
        public var day: String
        /// Rows read from the digest, and those ranked (their paper is in the corpus).
        public var rows: Int
        public var ranked: Int
        public var users: Int
        /// The users' own rows, summed over users.
        public var positives: Int
        public var k: Int
        /// Mean recall@k over users: the rows read in Chinese only, read in English, and a random order.
        public var chineseRecall: Double
        public var englishRecall: Double
        public var chance: Double
    }

    /// The figures of the digest `rows` of `day` against the English `corpus` (which gives the rows' authors
    /// and English texts and the users' likes), ranked with `model`.
    public func run(rows: [Paper], day: Day, corpus: [Paper], model: EmbeddingModel) throws -> Figures {
        let dayNumber = EvaluatedPaper.dayNumber(day.date)
        var byID: [String: Int] = [:]
        for (index, paper) in corpus.enumerated() { byID[paper.id.base] = index }
        var seenRows = Set<String>()
        let ranked = rows.compactMap { row -> (row: Paper, english: Int)? in
            guard seenRows.insert(row.id.base).inserted, let english = byID[row.id.base] else { return nil }
            return (row, english)
        }
        // The likes: each author's corpus papers announced before the day.
        var earlier: [String: [Int]] = [:]
        for (index, paper) in corpus.enumerated() {
            guard let published = paper.published, EvaluatedPaper.dayNumber(published) < dayNumber else { continue }
            for author in paper.authors { earlier[author, default: []].append(index) }
        }
        var positives: [String: [Int]] = [:]
        for (position, candidate) in ranked.enumerated() {
            for author in Set(corpus[candidate.english].authors) { positives[author, default: []].append(position) }
        }
        let users = positives.keys.sorted().compactMap { author -> (likes: [Int], positives: [Int])? in
            guard let likes = earlier[author], likes.count >= minimumLikes, let own = positives[author] else { return nil }
            return (likes, own)
        }

        var features = ProfileFeatures(model: model, settings: settings)
        let liked = Set(users.flatMap(\.likes))
        var pool = corpus.indices.filter { index in
            guard let published = corpus[index].published else { return false }
            return EvaluatedPaper.dayNumber(published) < dayNumber && !liked.contains(index)
        }
        var generator = SeededGenerator(seed: seed ^ EvaluationCorpus.Stream.negatives)
        let sample = SeededSample.draw(settings.weakNegativeCount, from: &pool, using: &generator).sorted()
        var vectors: [Int: ProfileVector] = [:]
        for index in liked.union(sample).sorted() { vectors[index] = features.vector(corpus[index].embeddingText) }
        let negatives = sample.isEmpty ? nil : try WeakNegatives(
            ids: sample.map { corpus[$0].id.base }, vectors: sample.compactMap { vectors[$0] }, settings: settings,
            featureCount: model.definition.bucketCount)
        var english = ranked.map { features.vector(corpus[$0.english].embeddingText) }
        var chinese = ranked.map { features.translated($0.row.embeddingText)?.vector ?? features.vector($0.row.embeddingText) }
        if let hubness = settings.candidateHubness(negatives) {
            let ids = ranked.map(\.row.id.base)
            hubness.measure(&english, at: Array(english.indices), ids: ids)
            hubness.measure(&chinese, at: Array(chinese.indices), ids: ids)
        }

        let trainer = ProfileTrainer(settings: settings, featureCount: model.definition.bucketCount)
        let k = self.k
        let results = ConcurrentParts.map(users.count, minimumPerPart: 1, makeState: {}) { _, index in
            Result { () throws -> (chinese: Double, english: Double) in
                let user = users[index]
                let examples = user.likes.compactMap { like in
                    vectors[like].map { RatedExample(id: corpus[like].id.base, features: $0, label: .like) }
                }
                let profile = try trainer.train(examples, negatives: negatives)
                return (Self.recall(chinese.map { profile.score($0).value }, positives: user.positives, k: k),
                        Self.recall(english.map { profile.score($0).value }, positives: user.positives, k: k))
            }
        }
        let recalls = try results.map { try $0.get() }
        let count = Double(max(recalls.count, 1))
        return Figures(
            day: day.description, rows: rows.count, ranked: ranked.count, users: users.count,
            positives: users.reduce(0) { $0 + $1.positives.count }, k: k,
            chineseRecall: recalls.reduce(0) { $0 + $1.chinese } / count,
            englishRecall: recalls.reduce(0) { $0 + $1.english } / count,
            chance: ranked.isEmpty ? 0 : min(1, Double(k) / Double(ranked.count)))
    }

    /// The share of `positives` (indices into `scores`) ranked in the top `k`, a positive's rank being
    /// 1 + the number of other rows scoring at least as high (ties count against it, as in the profile task).
    static func recall(_ scores: [Float], positives: [Int], k: Int) -> Double {
        guard !positives.isEmpty else { return 0 }
        let hits = positives.filter { positive in
            let score = scores[positive]
            var above = 0
            for (index, other) in scores.enumerated() where index != positive && other >= score { above += 1 }
            return above < k
        }
        return Double(hits.count) / Double(positives.count)
    }
}
