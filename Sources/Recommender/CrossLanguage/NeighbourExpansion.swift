public import LinearAlgebra
public import TextEmbedding

/// Document expansion by neighbours for a translated Chinese text: its sparse views (the table's English
/// buckets) plus β × the mean views of its k nearest English papers of the library, found on the topical
/// view with each language's mean taken off (``CrossLanguageReRank/compared(_:)``), L2.
///
/// Why: the table reads a Chinese text word by word, and loses what a summary does not say in the words an
/// abstract would; the bilingual topical view places the same text among English papers on its topic
/// (twins MRR 0.98; with the language means off its 10 nearest are on topic, experiment 90). Those
/// neighbours' own English n-grams are a second, independent reading of the text — classic cluster-based
/// smoothing. The neighbours come from the library only, never from the candidate's own English text.
/// The calibration of translated cosines must then be refitted on the same expanded readings
/// (``TextEmbedding/TranslationCalibration/fit(readings:negativeContent:negativeLinear:bucketCount:)``).
public struct NeighbourExpansion: Sendable {
    public let neighbours: Int
    public let weight: Float

    public init(neighbours: Int, weight: Float) {
        self.neighbours = neighbours
        self.weight = weight
    }

    /// `translated` with its content and linear views expanded by `found` (the neighbours' profile
    /// vectors), carrying `calibration`; only the calibration changes when nothing was found.
    public func expanded(_ translated: ProfileVector, by found: [ProfileVector], calibration: TranslationCalibration) -> ProfileVector {
        var vector = translated
        vector.calibration = calibration
        guard !found.isEmpty else { return vector }
        let share = weight / Float(found.count)
        vector.content = Self.sum(translated.content, found.map(\.content), share: share)
        vector.linear = Self.sum(translated.linear, found.map(\.linear), share: share)
        return vector
    }

    /// `base` + share × Σ `others`, L2.
    static func sum(_ base: SparseVector, _ others: [SparseVector], share: Float) -> SparseVector {
        var sums: [Int32: Float] = [:]
        for (index, value) in zip(base.indices, base.values) { sums[index, default: 0] += value }
        for other in others {
            for (index, value) in zip(other.indices, other.values) { sums[index, default: 0] += share * value }
        }
        let indices = sums.keys.sorted()
        return SparseVector(indices: indices, values: indices.map { sums[$0] ?? 0 }).normalized()
    }

    /// The `neighbours` nearest rows of the library for each query, found as `similar` finds a Chinese
    /// query's neighbours (``CrossLanguageReRank``): the library's dense rows (`dense`, the model's dense
    /// view) scanned for the query's dense top ``CrossLanguageReRank/depth``, those re-scored on the
    /// compared view (`compared`: each library row's ``CrossLanguageReRank/compared(_:)``), best first.
    /// `queries` are the queries' dense rows, `comparedQueries` the same on the compared view;
    /// `excluding(i)` names library rows query i must not get (a calibration pair's own English paper).
    /// Blocks of 256 queries, one matrix product each.
    public func nearest(
        _ queries: Matrix, comparedQueries: Matrix, dense: Matrix, compared: Matrix, depth: Int,
        excluding: (Int) -> Set<Int> = { _ in [] }
    ) -> [[Int]] {
        var result: [[Int]] = []
        result.reserveCapacity(queries.rows)
        let block = 256
        var start = 0
        while start < queries.rows {
            let end = min(start + block, queries.rows)
            let scores = Self.rows(queries, start ..< end).multiplyTransposed(dense)
            for i in start ..< end {
                let excluded = excluding(i)
                let shortlist = topK(Array(scores.row(i - start)), k: max(depth, neighbours), excluding: excluded)
                let query = comparedQueries.row(i)
                let rescored = shortlist.map { hit in
                    ScoredIndex(index: hit.index, score: zip(query, compared.row(hit.index)).reduce(0) { $0 + $1.0 * $1.1 })
                }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
                result.append(rescored.prefix(neighbours).map(\.index))
            }
            start = end
        }
        return result
    }

    /// Rows `range` of `matrix` as a matrix.
    static func rows(_ matrix: Matrix, _ range: Range<Int>) -> Matrix {
        var storage: [Float] = []
        storage.reserveCapacity(range.count * matrix.columns)
        for i in range { storage.append(contentsOf: matrix.row(i)) }
        return Matrix(rows: range.count, columns: matrix.columns, storage: storage)
    }
}
