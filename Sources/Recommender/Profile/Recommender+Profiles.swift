import ArxivFormats
import Library
import LinearAlgebra
import TextEmbedding

// Profiles: a profile's ratings as training examples, and the fitted profile.

extension Recommender {
    /// The profile's ratings as training examples (papers missing from the library are skipped;
    /// `rate` never stores such a rating).
    public func ratedExamples(profile name: String, features: inout ProfileFeatures) throws -> [RatedExample] {
        let ratings = try library.ratings(profile: name)
        let papers = try library.papers(ratings.map(\.id))
        let byID = Dictionary(papers.map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        return ratings.compactMap { rating in
            guard let paper = byID[rating.id.base] else { return nil }
            return RatedExample(
                id: paper.id.base, features: features.vector(of: ScoringText(paper)),
                label: rating.value == .like ? .like : .dislike
            )
        }
    }

    /// Fits the named profile from its ratings (once per command).
    public func profile(named name: String) throws -> Profile {
        var features = ProfileFeatures(model: model, settings: settings)
        return try profile(named: name, features: &features)
    }

    /// ``profile(named:)`` with the caller's ``ProfileFeatures``, which a shortlist reuses for its candidates
    /// (building one recovers the model's spectrum: 4.5 M reads, 5 ms).
    func profile(named name: String, features: inout ProfileFeatures) throws -> Profile {
        let examples = try ratedExamples(profile: name, features: &features)
        let negatives = try examples.contains { $0.label == .like } ? weakNegatives() : nil
        return try ProfileTrainer(settings: settings, featureCount: featureCount).train(examples, negatives: negatives)
    }
}
