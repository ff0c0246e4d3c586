public import LinearAlgebra

extension EmbeddingModel {
    /// Whether the model has an English-only plain-LSA projection (``ModelDefinition/englishTopicalDimension``).
    public var hasEnglishProjection: Bool { englishProjectionRows != nil }

    /// The plain-LSA view of `sparse` on the English-only projection: `Σ weight × row` over its buckets
    /// that have a row, L2-normalised (all zeros when none has one); nil when the model has no such
    /// projection. Plain LSA because the profile's topical term reads it as it reads the bilingual view at
    /// ``SVDSettings/singularValueExponent`` 1, and uncentered for the same reason (it ranks against the
    /// likes' centroid, where a common mean cancels).
    public func englishTopical(_ sparse: SparseVector) -> [Float]? {
        guard let rows = englishProjectionRows, let d = definition.englishTopicalDimension else { return nil }
        var vector = [Float](repeating: 0, count: d)
        rows.withUnsafeBufferPointer { halves in
            for (bucket, weight) in zip(sparse.indices, sparse.values) {
                let row = projectionIndex.row(of: Int(bucket))
                guard row >= 0 else { continue }
                let start = row * d
                for j in 0 ..< d { vector[j] += weight * HalfFloat.widen(halves[start + j]) }
            }
        }
        DenseVector.normalize(&vector)
        return vector
    }
}
