import LinearAlgebra
import TextEmbedding

/// The vector a profile learns from and scores: the sparse view, followed — when
/// ``ProfileSettings/denseWeight`` is above zero — by the dense view scaled by that weight, as extra
/// features after the last hash bucket.
///
/// Appending the dense view makes the dual ridge's kernel the sum of both views' dot products
/// (K = K_sparse + w²·K_dense): exact shared terms still dominate, and topical closeness between
/// papers that share few terms gets a voice. Every profile path — `rate`, `shortlist`, `evaluate` —
/// builds its vectors here, so they cannot disagree.
public struct ProfileFeatures {
    public let model: EmbeddingModel
    public let denseWeight: Float
    private var featurizer: Featurizer

    public init(model: EmbeddingModel, denseWeight: Float) {
        self.model = model
        self.denseWeight = denseWeight
        featurizer = Featurizer(model: model)
    }

    /// Buckets plus, when the dense view is used, its dimensions.
    public var featureCount: Int { Self.featureCount(model: model, denseWeight: denseWeight) }

    public static func featureCount(model: EmbeddingModel, denseWeight: Float) -> Int {
        model.definition.bucketCount + (denseWeight > 0 ? model.dimension : 0)
    }

    /// The profile vector of `text`.
    public mutating func vector(_ text: String) -> SparseVector {
        extend(featurizer.sparse(text))
    }

    /// The profile vector of a sparse view already computed.
    public func extend(_ sparse: SparseVector) -> SparseVector {
        guard denseWeight > 0, !sparse.isEmpty else { return sparse }
        let dense = model.dense(sparse)
        let base = Int32(model.definition.bucketCount)
        var indices = sparse.indices
        var values = sparse.values
        indices.reserveCapacity(indices.count + dense.count)
        values.reserveCapacity(values.count + dense.count)
        for (j, value) in dense.enumerated() where value != 0 {
            indices.append(base + Int32(j))
            values.append(denseWeight * value)
        }
        return SparseVector(indices: indices, values: values)
    }
}
