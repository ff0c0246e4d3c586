import ArxivFormats
import Library
import LinearAlgebra
import TextEmbedding

/// What `arxrec profile show` prints: the ratings and what the profile learned from them.
public struct ProfileSummary: Codable, Sendable {
    public struct RatedPaper: Codable, Sendable {
        public var id: String
        public var title: String
    }

    public var profile: String
    /// The rule in effect (`blend`, or the cold start when there are too few likes).
    public var model: String
    public var weakNegatives: Int
    public var likes: [RatedPaper]
    public var dislikes: [RatedPaper]
    /// N-grams with the largest positive weights, strongest first.
    public var positiveTerms: [String]
    /// N-grams with the most negative weights.
    public var negativeTerms: [String]
}

extension Recommender {
    /// Fits the profile and names its strongest terms among the n-grams of the rated papers.
    public func describeProfile(named name: String, termCount: Int = 12) throws -> ProfileSummary {
        var features = ProfileFeatures(model: model, settings: settings)
        let profile = try profile(named: name, features: &features)
        let ratings = try library.ratings(profile: name)
        let papers = try library.papers(ratings.map(\.id))
        var weights: [String: Float] = [:]
        // One name per bucket: "model" and "models" share a bucket since plurals are stemmed (model v3).
        // The weights are over the linear view; its stop-word n-grams are not named.
        var named = Set<Int>()
        for paper in papers {
            for feature in features.linearFeatures(of: ScoringText(paper).text) where !named.contains(feature.bucket) {
                named.insert(feature.bucket)
                // Hashing is signed: a feature's effect is its bucket's weight times its own sign.
                let sign: Float = feature.weight < 0 ? -1 : 1
                weights[feature.text] = profile.linearScore(SparseVector(indices: [Int32(feature.bucket)], values: [sign]))
            }
        }
        let ranked = weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let titles = Dictionary(papers.map { ($0.id.base, $0.title) }, uniquingKeysWith: { a, _ in a })
        return ProfileSummary(
            profile: name, model: profile.effectiveKind.rawValue, weakNegatives: profile.weakNegativeCount,
            likes: profile.likeIDs.map { .init(id: $0, title: titles[$0] ?? "") },
            dislikes: profile.dislikeIDs.map { .init(id: $0, title: titles[$0] ?? "") },
            positiveTerms: ranked.prefix(termCount).filter { $0.value > 0 }.map(\.key),
            negativeTerms: ranked.reversed().prefix(termCount).filter { $0.value < 0 }.map(\.key)
        )
    }
}

extension Feature {
    /// Whether the n-gram means something to a reader on its own: a single CJK character (的, 一) rarely
    /// does, so explanations name CJK bigrams and words of two or more characters only.
    var isReadable: Bool {
        switch kind {
        case .cjkUnigram: false
        case .cjkWord: text.unicodeScalars.count > 1
        case .wordUnigram, .wordBigram, .cjkBigram: true
        }
    }
}
