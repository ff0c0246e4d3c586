public import LinearAlgebra

/// Unrated library papers that stand in as weak negatives for every profile of one library.
///
/// The expensive part of the dual ridge is the Gram of the negatives (n² sparse products) and its
/// factorisation (n³/3). Both depend only on the sample and the regularisation, not on the user, so
/// they are computed once here and shared: a profile then adds only its own few rows (the Schur
/// complement in ``ProfileTrainer``).
public struct WeakNegatives: Sendable {
    public let ids: [String]
    /// The sample in the linear part's view (``ProfileVector/linear``): what the ridge learns from.
    public let vectors: [SparseVector]
    /// The same vectors by bucket, for the ridge's products with a profile's rated papers.
    let linearPostings: SparsePostings
    /// The sample's content views by bucket, for ``Hubness`` (built once here, shared by every profile).
    let postings: SparsePostings
    /// The row of each id.
    let rowOfID: [String: Int]
    /// Cholesky factor of K_WW + (λ / weight)·I.
    let factorization: CholeskyFactorization?
    /// The settings the factorisation was built for.
    let lambda: Float
    let weight: Float
    /// The view asked for (the vectors were made by ``ProfileFeatures`` for the same settings).
    let linearView: LinearView
    let featureCount: Int

    /// Builds the cache from the sample's ``ProfileVector``s (their linear and content views). The sample
    /// must not contain any rated paper of the profiles it will serve (callers sample with the ratings
    /// excluded; ``ProfileTrainer`` also skips any overlap).
    public init(ids: [String], vectors: [ProfileVector], settings: ProfileSettings, featureCount: Int) throws {
        precondition(ids.count == vectors.count, "WeakNegatives: \(ids.count) ids for \(vectors.count) vectors")
        self.ids = ids
        self.vectors = vectors.map(\.linear)
        (linearPostings, postings) = Self.postings(vectors)
        let vectors = self.vectors
        rowOfID = Self.rows(of: ids)
        self.lambda = settings.lambda
        self.weight = settings.weakNegativeWeight
        self.linearView = settings.linearView
        self.featureCount = featureCount
        guard !vectors.isEmpty else {
            factorization = nil
            return
        }
        var gram = linearPostings.products(with: vectors)
        let ridge = settings.lambda / max(settings.weakNegativeWeight, .leastNormalMagnitude)
        for i in 0 ..< vectors.count { gram[i, i] += ridge }
        factorization = try CholeskyFactorization(gram)
    }

    /// A sample whose linear view is its content view (``LinearView/content``).
    public init(ids: [String], vectors: [SparseVector], settings: ProfileSettings, featureCount: Int) throws {
        try self.init(
            ids: ids, vectors: vectors.map { ProfileVector(content: $0) }, settings: settings, featureCount: featureCount)
    }

    /// Restores a sample whose factorisation was computed earlier (``WeakNegativesCache``).
    init(
        ids: [String], vectors: [ProfileVector], factorization: CholeskyFactorization,
        settings: ProfileSettings, featureCount: Int
    ) {
        precondition(ids.count == vectors.count && factorization.dimension == ids.count)
        self.ids = ids
        self.vectors = vectors.map(\.linear)
        (linearPostings, postings) = Self.postings(vectors)
        rowOfID = Self.rows(of: ids)
        self.factorization = factorization
        self.lambda = settings.lambda
        self.weight = settings.weakNegativeWeight
        self.linearView = settings.linearView
        self.featureCount = featureCount
    }

    public var count: Int { vectors.count }

    /// K[i][j] = ⟨vectors[i], negative j⟩ on the linear view (`vectors.count` × ``count``), through the postings: a profile's
    /// few rated papers read only the entries they share with the sample.
    func products(with vectors: [SparseVector]) -> Matrix {
        linearPostings.products(with: vectors)
    }

    /// The postings of the linear views and of the content views (one index when they are the same).
    static func postings(_ vectors: [ProfileVector]) -> (linear: SparsePostings, content: SparsePostings) {
        let content = SparsePostings(rows: vectors.map(\.content))
        let same = vectors.allSatisfy { $0.linear == $0.content }
        return (same ? content : SparsePostings(rows: vectors.map(\.linear)), content)
    }

    static func rows(of ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether this cache was built for the given settings (λ, weight and linear view must match).
    public func matches(_ settings: ProfileSettings) -> Bool {
        settings.lambda == lambda && settings.weakNegativeWeight == weight && settings.linearView == linearView
    }
}
