import Foundation
import LinearAlgebra

/// Every fitted text's raw bucket sums (before idf and normalisation), in CSR form, grouped by document.
///
/// Fitting needs the idf before it can weight a paper, and the idf needs every paper's buckets; keeping
/// the raw sums lets it featurize each text once. Documents are split into two contiguous halves featurized
/// on two threads, each with its own ``Featurizer``; the halves are concatenated in order, so the result does
/// not depend on the threading. A document has one text per language (``FitDocument``).
struct RawCorpus {
    /// Where each text's entries start in `buckets`/`values` (one more entry than texts).
    private(set) var offsets: [Int] = [0]
    /// Where each document's texts start in `offsets` (one more entry than documents).
    private(set) var documentTexts: [Int] = [0]
    private(set) var buckets: [Int32] = []
    private(set) var values: [Float] = []
    /// With a phrase view: per bucket, the papers having it in the content view or the phrase view
    /// (``ModelDefinition/phraseView``); empty otherwise, and ``documentFrequency(bucketCount:)`` counts
    /// the content view alone.
    private var unionDocumentFrequency: [Int32] = []

    var documentCount: Int { documentTexts.count - 1 }
    var nonzeroCount: Int { buckets.count }

    init(documents: [FitDocument], definition: ModelDefinition, lexicon: ChineseLexicon? = nil) {
        let parts = ConcurrentParts.parts(for: documents.count, minimumPerPart: 128)
        let ones = [Float](repeating: 1, count: definition.bucketCount)
        let chunks = ChunkResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let start = documents.count * part / parts
            let end = documents.count * (part + 1) / parts
            var featurizer = Featurizer(definition: definition, idf: ones, lexicon: lexicon)
            var phrases = definition.phraseDefinition.map { Featurizer(definition: $0, idf: ones, lexicon: lexicon) }
            var chunk = RawCorpus(empty: ())
            if phrases != nil || documents.contains(where: { $0.texts.count > 1 }) {
                chunk.unionDocumentFrequency = [Int32](repeating: 0, count: definition.bucketCount)
            }
            var documentBuckets: [Int32] = []
            var phraseValues: [Float] = []
            for i in start ..< end {
                let firstEntry = chunk.buckets.count
                documentBuckets.removeAll(keepingCapacity: true)
                for text in documents[i].texts {
                    let count = featurizer.appendRaw(text, buckets: &chunk.buckets, values: &chunk.values)
                    chunk.offsets.append(chunk.offsets[chunk.offsets.count - 1] + count)
                    if phrases != nil {
                        _ = phrases?.appendRaw(text, buckets: &documentBuckets, values: &phraseValues)
                    }
                }
                chunk.documentTexts.append(chunk.offsets.count - 1)
                if !chunk.unionDocumentFrequency.isEmpty {
                    documentBuckets.append(contentsOf: chunk.buckets[firstEntry...])
                    chunk.countUnion(&documentBuckets)
                }
                phraseValues.removeAll(keepingCapacity: true)
            }
            chunks.store(chunk, at: part)
        }
        for chunk in chunks.results() {
            let base = buckets.count
            let textBase = offsets.count - 1
            offsets.append(contentsOf: chunk.offsets.dropFirst().map { $0 + base })
            documentTexts.append(contentsOf: chunk.documentTexts.dropFirst().map { $0 + textBase })
            buckets.append(contentsOf: chunk.buckets)
            values.append(contentsOf: chunk.values)
            if unionDocumentFrequency.isEmpty {
                unionDocumentFrequency = chunk.unionDocumentFrequency
            } else {
                for (bucket, count) in chunk.unionDocumentFrequency.enumerated() where count != 0 {
                    unionDocumentFrequency[bucket] += count
                }
            }
        }
    }

    /// Counts one paper in the union document frequency: `buckets` holds the buckets of all its texts in
    /// both views, and a bucket found more than once counts once.
    private mutating func countUnion(_ buckets: inout [Int32]) {
        buckets.sort()
        var previous: Int32 = -1
        for bucket in buckets where bucket != previous {
            unionDocumentFrequency[Int(bucket)] += 1
            previous = bucket
        }
    }

    private init(empty: Void) {}

    /// The document frequency the idf is computed from: in either view when the definition has a phrase
    /// view, else ``documentFrequency(bucketCount:)``.
    func idfDocumentFrequency(bucketCount: Int) -> [Int32] {
        unionDocumentFrequency.isEmpty ? documentFrequency(bucketCount: bucketCount) : unionDocumentFrequency
    }

    /// In how many documents each bucket is non-zero in the content view of any of their texts (which alone
    /// chooses the projection's buckets: the dense view is made from it).
    func documentFrequency(bucketCount: Int) -> [Int32] {
        var df = [Int32](repeating: 0, count: bucketCount)
        if documentTexts.count == offsets.count {
            for bucket in buckets { df[Int(bucket)] += 1 }
            return df
        }
        var seen = [Int](repeating: -1, count: bucketCount)
        for document in 0 ..< documentCount {
            for entry in offsets[documentTexts[document]] ..< offsets[documentTexts[document + 1]] {
                let bucket = Int(buckets[entry])
                if seen[bucket] != document {
                    seen[bucket] = document
                    df[bucket] += 1
                }
            }
        }
        return df
    }

    /// The documents' sparse views (× `idf`, L2 over all buckets, exactly as ``Featurizer/sparse(_:)``)
    /// restricted to `columns` (ascending buckets), which become columns `0 ..< columns.count`.
    func tfidfMatrix(idf: [Float], columns: [Int32], bucketCount: Int) -> SparseMatrix {
        var columnOfBucket = [Int32](repeating: -1, count: bucketCount)
        for (column, bucket) in columns.enumerated() { columnOfBucket[Int(bucket)] = Int32(column) }
        var rowOffsets = [0]
        rowOffsets.reserveCapacity(documentCount + 1)
        var columnIndices: [Int32] = []
        var entries: [Float] = []
        buckets.withUnsafeBufferPointer { buckets in
            values.withUnsafeBufferPointer { values in
                for document in 0 ..< documentCount {
                    let texts = documentTexts[document] ..< documentTexts[document + 1]
                    let rows = texts.map { text in
                        let range = offsets[text] ..< offsets[text + 1]
                        return Featurizer.weighted(
                            buckets: UnsafeBufferPointer(rebasing: buckets[range]),
                            raw: UnsafeBufferPointer(rebasing: values[range]), idf: idf)
                    }
                    // One text: its sparse view exactly; several: the sum of their unit vectors, so each
                    // language weighs the same in the fitted row, normalised again.
                    let row = rows.count == 1 ? rows[0] : Self.normalizedSum(rows)
                    for (bucket, value) in zip(row.indices, row.values) {
                        let column = columnOfBucket[Int(bucket)]
                        if column >= 0 {
                            columnIndices.append(column)
                            entries.append(value)
                        }
                    }
                    rowOffsets.append(columnIndices.count)
                }
            }
        }
        return SparseMatrix(
            rows: documentCount, columns: columns.count, rowOffsets: rowOffsets, columnIndices: columnIndices,
            values: entries)
    }

    /// The L2-normalised sum of `vectors` (in a fixed order, so the result is the same on every run); the
    /// empty vector when they cancel or are all empty.
    static func normalizedSum(_ vectors: [SparseVector]) -> SparseVector {
        var indices: [Int32] = []
        var sums: [Double] = []
        for vector in vectors {
            // Merge two ascending lists: the sums so far and this vector.
            var mergedIndices: [Int32] = []
            var mergedSums: [Double] = []
            mergedIndices.reserveCapacity(indices.count + vector.indices.count)
            mergedSums.reserveCapacity(indices.count + vector.indices.count)
            var i = 0
            var j = 0
            while i < indices.count || j < vector.indices.count {
                if j == vector.indices.count || (i < indices.count && indices[i] < vector.indices[j]) {
                    mergedIndices.append(indices[i])
                    mergedSums.append(sums[i])
                    i += 1
                } else if i == indices.count || vector.indices[j] < indices[i] {
                    mergedIndices.append(vector.indices[j])
                    mergedSums.append(Double(vector.values[j]))
                    j += 1
                } else {
                    mergedIndices.append(indices[i])
                    mergedSums.append(sums[i] + Double(vector.values[j]))
                    i += 1
                    j += 1
                }
            }
            indices = mergedIndices
            sums = mergedSums
        }
        let norm = sums.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return .empty }
        let kept = sums.indices.filter { sums[$0] != 0 }
        return SparseVector(indices: kept.map { indices[$0] }, values: kept.map { Float(sums[$0] / norm) })
    }
}

/// Per-thread results of a `concurrentPerform`, each slot written by exactly one iteration.
private final class ChunkResults: @unchecked Sendable {
    private var slots: [RawCorpus?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ chunk: RawCorpus, at index: Int) {
        lock.withLock { slots[index] = chunk }
    }

    func results() -> [RawCorpus] { lock.withLock { slots.compactMap { $0 } } }
}
