public import LinearAlgebra
import TextEmbedding

/// A learned profile: a linear scorer over the sparse view, the liked papers themselves, and the likes'
/// centroid on the topical view.
///
/// Scoring a candidate is one gather of its non-zeros from ``weights`` (the ridge or centroid
/// direction, dense over all hash buckets), for the nearest-liked term one merge join per like, and
/// for the topical term one dot product of ``ProfileSettings/topicalExponent``'s view. A candidate's
/// ``Hubness``, which the nearest-liked term is corrected by, depends on the library and not the user: the
/// caller measures it once per candidate (``hubness``) and passes it in the ``ProfileVector``.
public struct Profile: Sendable {
    public let settings: ProfileSettings
    /// The rule actually used (a ridge profile with too few likes falls back to the cold start).
    public let effectiveKind: ProfileModelKind
    /// Linear weights over the hashed buckets of the linear view (count = feature count); empty for `nearest`.
    let weights: [Float]
    public let likeIDs: [String]
    let likes: [SparseVector]
    /// Each like's ``Hubness`` × ``ProfileSettings/likeHubnessWeight``, taken off its cosine when the
    /// nearest like is chosen; empty when unused.
    let likePenalties: [Float]
    public let dislikeIDs: [String]
    /// The L2-normalised mean of the likes' topical vectors; empty when the rule does not use it.
    let topicalCentroid: [Float]
    /// Training papers used as weak negatives.
    public let weakNegativeCount: Int
    /// Measures candidates' ``ProfileVector/hubness`` against the weak negatives; nil when the rule does
    /// not use it (or there is no sample). A caller ranking candidates fills their `hubness` with it.
    public let hubness: Hubness?

    /// How a candidate scored and why.
    public struct Score: Sendable {
        public let value: Float
        /// The linear (ridge/centroid) part.
        public let linear: Float
        /// The most similar liked paper (index into ``likeIDs``) and its cosine.
        public let nearestLike: (index: Int, similarity: Float)?
        /// That like's cosine less its like-hubness penalty: what `blend` weighs (0 without likes).
        public let nearest: Float
        /// The cosine to the likes' centroid on the topical view (0 when unused).
        public let topical: Float
        /// The candidate's hubness, as taken off the nearest-liked cosine (0 when unused).
        public let hubness: Float
    }

    public var isEmpty: Bool { likeIDs.isEmpty && dislikeIDs.isEmpty }

    /// Scores one candidate.
    ///
    /// A translated candidate (``ProfileVector/calibration``) has its sparse cosines read through the
    /// calibration: the linear part scaled by the linear slope (its offset times Σα is the same for every
    /// candidate of a profile, so it is left out), the nearest-liked cosine and the hubness mapped by the
    /// content kernel. The topical view needs none: the bilingual space already places the text, and it
    /// weighs ``ProfileSettings/topicalWeight`` as an English candidate's does (experiment 91).
    public func score(_ x: ProfileVector) -> Score {
        let kernel = x.calibration?.content ?? .identity
        let linear = linearScore(x.linear) * (x.calibration?.linear.slope ?? 1)
        let nearest = nearestLikeScored(x.content, kernel: kernel)
        let nearestSimilarity = nearest?.adjusted ?? 0
        let topical = topicalSimilarity(x.topical)
        let hubness = self.hubness == nil ? 0 : kernel(x.hubness)
        let value: Float
        switch effectiveKind {
        case .nearest: value = nearestSimilarity
        case .centroid, .ridge: value = linear
        case .blend:
            value = linear + settings.nearestWeight * (nearestSimilarity - settings.hubnessWeight * hubness)
                + settings.topicalWeight * topical
        }
        return Score(
            value: value, linear: linear, nearestLike: nearest.map { ($0.index, $0.similarity) },
            nearest: nearestSimilarity, topical: topical, hubness: hubness)
    }

    /// The cosine between a candidate's topical vector and the likes' centroid (0 when either is missing).
    public func topicalSimilarity(_ topical: [Float]) -> Float {
        guard !topicalCentroid.isEmpty, topical.count == topicalCentroid.count else { return 0 }
        return DenseVector.dot(topical, topicalCentroid)
    }

    /// The linear part alone: Σ weights[b]·x[b].
    public func linearScore(_ x: SparseVector) -> Float {
        guard !weights.isEmpty else { return 0 }
        var sum: Float = 0
        weights.withUnsafeBufferPointer { w in
            for (index, value) in zip(x.indices, x.values) { sum += w[Int(index)] * value }
        }
        return sum
    }

    /// The liked paper closest to `x` on the sparse view, each like's cosine less its penalty (ties → the
    /// earlier like); the similarity returned is the plain cosine.
    public func nearestLike(_ x: SparseVector) -> (index: Int, similarity: Float)? {
        nearestLikeScored(x, kernel: .identity).map { ($0.index, $0.similarity) }
    }

    /// ``nearestLike(_:)`` with the penalised cosine the choice was made on, which `blend` scores with;
    /// cosines are read through `kernel` (the identity for an untranslated candidate).
    private func nearestLikeScored(_ x: SparseVector, kernel: KernelCalibration) -> (index: Int, similarity: Float, adjusted: Float)? {
        var best: (index: Int, similarity: Float, adjusted: Float)?
        for (index, like) in likes.enumerated() {
            let similarity = kernel(like.dot(x))
            let adjusted = similarity - (likePenalties.isEmpty ? 0 : likePenalties[index])
            if adjusted > best?.adjusted ?? -.infinity { best = (index, similarity, adjusted) }
        }
        return best
    }

    /// The buckets that pushed `x`'s score up the most: weight × value, strongest first.
    public func contributions(_ x: SparseVector, limit: Int) -> [(bucket: Int32, contribution: Float)] {
        guard !weights.isEmpty else { return [] }
        var parts: [(bucket: Int32, contribution: Float)] = []
        for (index, value) in zip(x.indices, x.values) {
            let contribution = weights[Int(index)] * value
            if contribution > 0 { parts.append((index, contribution)) }
        }
        parts.sort { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.bucket < $1.bucket }
        return Array(parts.prefix(limit))
    }
}
