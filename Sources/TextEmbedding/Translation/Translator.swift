import Foundation
public import LinearAlgebra

/// Reads a Chinese text as English buckets through a model's ``TermTable``: t = Σ_z |x_z|·T[z,·] over the
/// Chinese words z of the text's sparse view x (a word's hash sign says nothing; the table's weights carry
/// the English buckets' signs), plus x's Latin terms (GRPO, ImageNet) at κ times their sparse weight
/// (``TermTableSettings/latinTermWeight``, 1 unless the definition says), then L2. Words without a table row drop out. English text passes through as its own sparse view.
///
/// Each translated bucket remembers the Chinese word that gave it the most weight, so a reason can say
/// "强化学习 (reinforcement learning)". A translator is not shared between threads; make one per thread.
public struct Translator {
    let table: TermTable
    private var full: Featurizer
    /// The same featurizer without Chinese words: its buckets are the text's Latin terms.
    private var latin: Featurizer
    /// κ, the Latin terms' scale (``TermTableSettings/latinScale``).
    let latinScale: Float
    /// Whether a bucket several words translate into is read sublinearly (``TermTableSettings/sublinearTargets``).
    let sublinearTargets: Bool

    /// A translated text.
    public struct Translation: Sendable {
        /// The text's own sparse view (Chinese words and Latin terms).
        public let source: SparseVector
        /// The English-bucket vector (L2; empty when nothing translates).
        public let vector: SparseVector
        /// For each translated bucket, the Chinese-word bucket that gave it the most weight (Latin terms,
        /// which are not translated, are absent).
        public let origins: [Int32: Int32]
        /// How much of ``source`` the translation carries (error analysis: `evaluate --dump-coverage`).
        public let coverage: Coverage
    }

    /// How much of a Chinese text's sparse view (L2, so the masses are shares of 1) its translation carries.
    public struct Coverage: Sendable {
        /// Distinct Chinese-word buckets of the source, and those of them with a table row.
        public var chineseWords = 0, translatedWords = 0
        /// Distinct Latin-term buckets of the source.
        public var latinTerms = 0
        /// Σ x² over the Chinese words, over those without a table row, and over the Latin terms.
        public var chineseMass: Float = 0, untranslatedMass: Float = 0, latinMass: Float = 0
    }

    /// A translator for `model`; nil when the model has no term table.
    public init?(model: EmbeddingModel) {
        guard let translation = model.translation else { return nil }
        self.init(
            definition: model.definition, idf: model.idf, lexicon: model.lexicon, table: translation.table,
            latinScale: model.definition.termTable?.latinScale ?? 1,
            sublinearTargets: model.definition.termTable?.sublinearTargets ?? false)
    }

    init(definition: ModelDefinition, idf: [Float], lexicon: ChineseLexicon?, table: TermTable, latinScale: Float, sublinearTargets: Bool) {
        self.table = table
        self.sublinearTargets = sublinearTargets
        self.latinScale = latinScale
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
        var coverage = Coverage()
        var latinSums: [Int32: Float] = [:]
        for (bucket, value) in zip(source.indices, source.values) {
            if latinTerms.contains(bucket) {
                latinSums[bucket, default: 0] += latinScale * value
                coverage.latinTerms += 1
                coverage.latinMass += value * value
                continue
            }
            let translations = table.translations(of: bucket)
            coverage.chineseWords += 1
            coverage.chineseMass += value * value
            if translations.isEmpty { coverage.untranslatedMass += value * value } else { coverage.translatedWords += 1 }
            for (target, weight) in translations {
                let part = abs(value) * weight
                sums[target, default: 0] += part
                if abs(part) > strongest[target]?.weight ?? 0 { strongest[target] = (bucket, abs(part)) }
            }
        }
        if sublinearTargets {
            // An English bucket several words translate into: its strongest part is one occurrence, the sum
            // that many; 1 + ln of it, as the English view's sublinear tf reads a repeated word.
            for (target, sum) in sums {
                guard let unit = strongest[target]?.weight, unit > 0, abs(sum) > unit else { continue }
                sums[target] = (sum < 0 ? -unit : unit) * (1 + log(abs(sum) / unit))
            }
        }
        for (bucket, value) in latinSums { sums[bucket, default: 0] += value }
        let indices = sums.keys.sorted()
        let vector = SparseVector(indices: indices, values: indices.map { sums[$0] ?? 0 }).normalized()
        return Translation(source: source, vector: vector, origins: strongest.mapValues(\.origin), coverage: coverage)
    }
}
