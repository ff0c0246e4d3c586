public import LinearAlgebra
import TextEmbedding

/// How close a paper sits to the library at large: the mean of its ``neighbours`` largest sparse-view
/// cosines to a random sample of library papers (the profile's weak negatives).
///
/// Why: in a high-dimensional space some points are near to everything — "hubs" (Radovanović et al.,
/// 2010). A paper written in the field's common vocabulary ("large language models … reasoning …
/// benchmark") has a high cosine to some liked paper of nearly every user, so the nearest-liked term ranks
/// it high for everyone. Subtracting its typical closeness to random papers, as CSLS does for nearest
/// neighbours across embedding spaces (Conneau et al., 2018), leaves what is specific to this user. On
/// `arxrec evaluate` with all simulated users this lifts the blend's nDCG@10 on both seeds (`Models/EXPERIMENTS.md`,
/// experiment 53), where the same correction on the topical view did nothing.
///
/// A paper that is itself in the sample never counts its own cosine of 1.
public struct Hubness: Sendable {
    /// The sample the closeness is measured against, by bucket.
    let sample: SparsePostings
    /// The sample's paper ids (base ids), to skip a paper's own row.
    let sampleColumns: [String: Int]
    /// How many of the largest cosines are averaged.
    public let neighbours: Int
    /// Names what a paper's hubness depends on besides its own vector — the sample's papers in order and
    /// ``neighbours`` (FNV-1a; the sample's vectors follow from its papers and the model) — so a cache of
    /// hubness values (``NoiseSampleCache``) can tell whether they still hold.
    let sampleKey: UInt64

    /// `nil` when there is nothing to measure against (no sample, or `neighbours` < 1).
    public init?(sample negatives: WeakNegatives, neighbours: Int) {
        guard neighbours > 0, negatives.count > neighbours else { return nil }
        sample = negatives.postings
        sampleColumns = negatives.rowOfID
        self.neighbours = neighbours
        sampleKey = FeatureHash.fnv1a(Array("\(neighbours)\n".utf8) + Array(negatives.ids.joined(separator: "\n").utf8))
    }

    /// The hubness of each of `vectors` (the papers `ids`, same order).
    ///
    /// Per paper: its products with the whole sample through the sample's postings (only shared entries
    /// are read), then a partial top-k. Papers are split over the cores (``ConcurrentParts``); each result
    /// depends on its paper alone, so the split changes nothing.
    public func values(of vectors: [SparseVector], ids: [String]) -> [Float] {
        precondition(vectors.count == ids.count, "Hubness: \(vectors.count) vectors for \(ids.count) ids")
        return ConcurrentParts.map(vectors.count, minimumPerPart: 1, makeState: {
            [Float](repeating: 0, count: sample.rowCount)
        }) { products, i in
            products.withUnsafeMutableBufferPointer { products in
                sample.products(with: vectors[i], into: products)
                let own = sampleColumns[ids[i]].map { Set([$0]) } ?? []
                let nearest = topK(UnsafeBufferPointer(products), k: neighbours, excluding: own)
                return nearest.reduce(0) { $0 + $1.score } / Float(max(nearest.count, 1))
            }
        }
    }

    /// Sets the ``ProfileVector/hubness`` of `vectors[i]` for each `i` of `indices`, whose papers are `ids`
    /// (same order): the one way a shortlist and an evaluation give candidates their hubness.
    public func measure(_ vectors: inout [ProfileVector], at indices: [Int], ids: [String]) {
        let measured = values(of: indices.map { vectors[$0].content }, ids: ids)
        for (index, value) in zip(indices, measured) { vectors[index].hubness = value }
    }
}
