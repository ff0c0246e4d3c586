import ArxivFormats
import Foundation
import LinearAlgebra
import Recommender
import TextEmbedding

/// ``NeighbourExpansion`` in `evaluate --crosslang`: the library is the training period (the papers a
/// reader's library held before the test days), so a test candidate is expanded by English papers that
/// are not its own, found as `similar` finds a Chinese query's neighbours; the calibration of translated cosines is refitted on the model's calibration pairs
/// read the same way (each pair's own English paper excluded from its neighbours), against 2,000 other
/// training papers, as the fit does (``TermTableSettings/calibrationNegatives``).
struct CrossLanguageExpansion {
    let expansion: NeighbourExpansion
    let rule: CrossLanguageReRank

    init?(settings: ProfileSettings, model: EmbeddingModel) {
        guard settings.refitsTranslationCalibration, let rule = CrossLanguageReRank(model: model) else { return nil }
        expansion = NeighbourExpansion(
            neighbours: settings.expandsTranslated ? settings.translatedNeighbours : 0, weight: settings.translatedNeighbourWeight)
        self.rule = rule
    }

    /// Expands `chinese[i]` for each translated `candidates` index (Chinese texts `texts[i]`); returns the
    /// refitted calibration.
    func apply(
        to chinese: inout [ProfileVector], candidates: [Int], texts: [Int: String], split: CrossLanguageSplit,
        features: inout ProfileFeatures
    ) -> TranslationCalibration? {
        let model = split.model
        guard let pairs = model.translation?.pairs, let views = model.calibrationViews else { return nil }
        let train = split.train
        let trainDense = model.denseMatrix(train.map(\.embeddingText))
        let library = compared((0 ..< trainDense.rows).map { trainDense.row($0) })
        let expandable = candidates.filter { texts[$0] != nil && chinese[$0].calibration != nil }
        let candidateDense = model.denseMatrix(expandable.map { texts[$0] ?? "" })
        var queryRows = (0 ..< candidateDense.rows).map { candidateDense.row($0) }
        queryRows += (0 ..< views.chinese.rows).map { views.chinese.row($0) }
        let queries = Matrix(rows: queryRows.count, columns: trainDense.columns, storage: queryRows.flatMap { $0 })
        // A pair's own English paper is in the library (the pairs are training papers): never its neighbour.
        var trainIndex: [String: Int] = [:]
        for (j, paper) in train.enumerated() { trainIndex[CalibrationPair(english: paper.embeddingText, chinese: "").english] = j }
        let own = pairs.map { trainIndex[$0.english] }
        let found = expansion.neighbours == 0 ? [[Int]](repeating: [], count: queryRows.count) : expansion.nearest(
            queries, comparedQueries: compared(queryRows), dense: trainDense, compared: library, depth: rule.depth
        ) { i in
            guard i >= expandable.count, let j = own[i - expandable.count] else { return [] }
            return [j]
        }
        var libraryVectors: [Int: ProfileVector] = [:]
        func vector(_ j: Int) -> ProfileVector {
            if let known = libraryVectors[j] { return known }
            let made = features.vector(train[j].embeddingText, dense: trainDense.row(j))
            libraryVectors[j] = made
            return made
        }
        // The calibration, refitted on the expanded readings.
        var readings: [TranslationCalibration.PairReading] = []
        for (i, pair) in pairs.enumerated() {
            guard let (translated, _) = features.translated(pair.chinese, dense: views.chinese.row(i)) else { continue }
            let neighbours = found[expandable.count + i].map(vector)
            let expanded = expansion.expanded(translated, by: neighbours, calibration: .init(content: .identity, linear: .identity))
            let english = features.vector(pair.english, dense: views.english.row(i))
            readings.append(.init(
                translatedContent: expanded.content, translatedLinear: expanded.linear, englishContent: english.content,
                englishLinear: english.linear))
        }
        let ownSet = Set(own.compactMap { $0 })
        let others = train.indices.filter { !ownSet.contains($0) }
        let negativeCount = model.definition.termTable?.calibrationNegatives ?? 2_000
        let negatives = (0 ..< min(negativeCount, others.count)).map { others[$0 * others.count / min(negativeCount, others.count)] }
        let negativeVectors = negatives.map(vector)
        let calibration = TranslationCalibration.fit(
            readings: readings, negativeContent: negativeVectors.map(\.content), negativeLinear: negativeVectors.map(\.linear),
            bucketCount: model.definition.bucketCount)
        for (row, index) in expandable.enumerated() {
            chinese[index] = expansion.expanded(chinese[index], by: found[row].map(vector), calibration: calibration)
        }
        return calibration
    }

    /// The rows on the re-rank's compared view (topical, language mean off), as one matrix.
    private func compared(_ rows: [ArraySlice<Float>]) -> Matrix {
        var storage: [Float] = []
        storage.reserveCapacity(rows.count * (rows.first?.count ?? 0))
        for row in rows { storage += rule.compared(row) }
        return Matrix(rows: rows.count, columns: rows.first?.count ?? 0, storage: storage)
    }
}
