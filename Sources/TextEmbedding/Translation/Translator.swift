public import LinearAlgebra

/// Reads a Chinese text as English buckets through a model's ``TermTable``: t = Σ_z |x_z|·T[z,·] over the
/// Chinese words z of the text's sparse view x (a word's hash sign says nothing; the table's weights carry
/// the English buckets' signs), plus x's Latin terms (GRPO, ImageNet) unchanged, then
/// L2. Words without a table row drop out. English text passes through as its own sparse view.
///
/// Each translated bucket remembers the Chinese word that gave it the most weight, so a reason can say
/// "强化学习 (reinforcement learning)". A translator is not shared between threads; make one per thread.
public struct Translator {
    let table: TermTable
    private var full: Featurizer
    /// The same featurizer without Chinese words: its buckets are the text's Latin terms.
    private var latin: Featurizer

    /// A translated text.
    public struct Translation: Sendable {
        /// The text's own sparse view (Chinese words and Latin terms).
        public let source: SparseVector
        /// The English-bucket vector (L2; empty when nothing translates).
        public let vector: SparseVector
        /// For each translated bucket, the Chinese-word bucket that gave it the most weight (Latin terms,
        /// which are not translated, are absent).
        public let origins: [Int32: Int32]
    }

    /// A translator for `model`; nil when the model has no term table.
    public init?(model: EmbeddingModel) {
        guard let translation = model.translation else { return nil }
        self.init(definition: model.definition, idf: model.idf, lexicon: model.lexicon, table: translation.table)
    }

    init(definition: ModelDefinition, idf: [Float], lexicon: ChineseLexicon?, table: TermTable) {
        self.table = table
        full = Featurizer(definition: definition, idf: idf, lexicon: lexicon)
        var latinOnly = definition
        latinOnly.weights.cjkWord = 0
        latinOnly.weights.cjkUnigram = 0
        latinOnly.weights.cjkBigram = 0
        latin = Featurizer(definition: latinOnly, idf: idf, lexicon: nil)
    }

    /// The translation of `text`.
    public mutating func translate(_ text: String) -> Translation {
        let source = full.sparse(text)
        return translate(source, latinTerms: Set(latin.sparse(text).indices))
    }

    /// The translation of a sparse view whose Latin-term buckets are `latinTerms`.
    func translate(_ source: SparseVector, latinTerms: Set<Int32>) -> Translation {
        var sums: [Int32: Float] = [:]
        var strongest: [Int32: (origin: Int32, weight: Float)] = [:]
        for (bucket, value) in zip(source.indices, source.values) {
            if latinTerms.contains(bucket) {
                sums[bucket, default: 0] += value
                continue
            }
            for (target, weight) in table.translations(of: bucket) {
                let part = abs(value) * weight
                sums[target, default: 0] += part
                if abs(part) > strongest[target]?.weight ?? 0 { strongest[target] = (bucket, abs(part)) }
            }
        }
        let indices = sums.keys.sorted()
        let vector = SparseVector(indices: indices, values: indices.map { sums[$0] ?? 0 }).normalized()
        return Translation(source: source, vector: vector, origins: strongest.mapValues(\.origin))
    }
}
