public import LinearAlgebra

/// Reads an English text in a bilingual model's Chinese units (its learned Chinese words), through a table
/// learned from the same fitted pairs as the ``TermTable`` but in the other direction: English content
/// bucket → Chinese words (``TermTableLearner/learnReverse(_:)``, the same settings).
///
/// Why: a Chinese-only candidate scored only through its forward translation has one reading of its text,
/// and that reading's errors (a word read as its company's English) are the only evidence. A profile's
/// likes read into Chinese and matched on the candidate's own words is a second reading that errs
/// differently (issue 16, lever b). ``calibration`` puts its cosines on the scale of a cosine between two
/// English texts, as ``TranslationCalibration`` does for the forward one.
public struct ReverseReading: Sendable, Equatable {
    /// English content buckets → Chinese-word buckets; the weights carry the Chinese words' hash signs.
    let table: TermTable
    /// What the cosine of an English text read into Chinese units with a Chinese text's own units
    /// (``Translator/Translation/units``) is worth as the cosine of the two English texts.
    public let calibration: KernelCalibration

    init(table: TermTable, calibration: KernelCalibration) {
        self.table = table
        self.calibration = calibration
    }

    /// How many English buckets have a reading.
    public var bucketCount: Int { table.wordCount }

    /// An English content view in Chinese units: Σ_e |x_e|·R[e,·], L2 (the hash sign of an English
    /// bucket says nothing; the table carries the Chinese words' signs); empty when nothing maps.
    public func chineseUnits(ofEnglish english: SparseVector) -> SparseVector {
        var sums: [Int32: Float] = [:]
        for (bucket, value) in zip(english.indices, english.values) {
            for (target, weight) in table.translations(of: bucket) { sums[target, default: 0] += abs(value) * weight }
        }
        let indices = sums.keys.sorted()
        return SparseVector(indices: indices, values: indices.map { sums[$0] ?? 0 }).normalized()
    }
}

extension EmbeddingModel {
    /// The reverse reading of this bilingual model learned from `pairs` (the pairs it was fitted on) with its
    /// definition's term-table settings, calibrated on its calibration pairs against `negatives` (English
    /// texts of other fitted papers); nil when the model has no term table.
    ///
    /// Cost: featurizing the pairs (as the forward table's learning) and one pass of the learner.
    public func reverseReading(learningFrom pairs: [CalibrationPair], negatives: [String]) -> ReverseReading? {
        guard let settings = definition.termTable, let calibrationPairs = translation?.pairs,
              var translator = Translator(model: self)
        else { return nil }
        let table = TermTableLearner(settings: settings, definition: definition, idf: idf, lexicon: lexicon).learnReverse(pairs)
        var content = Featurizer(model: self)
        let calibration = ReverseReading.fitCalibration(
            table: table, pairs: calibrationPairs, negatives: negatives, translator: &translator, content: &content,
            bucketCount: definition.bucketCount)
        return ReverseReading(table: table, calibration: calibration)
    }
}
