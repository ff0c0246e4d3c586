import Foundation
import LinearAlgebra

/// Every fitted paper's raw bucket sums (before idf and normalisation), in CSR form.
///
/// Fitting needs the idf before it can weight a paper, and the idf needs every paper's buckets; keeping
/// the raw sums lets it featurize each text once. Texts are split into two contiguous halves featurized on
/// two threads, each with its own ``Featurizer``; the halves are concatenated in order, so the result does
/// not depend on the threading.
struct RawCorpus {
    private(set) var offsets: [Int] = [0]
    private(set) var buckets: [Int32] = []
    private(set) var values: [Float] = []
    /// With a phrase view: per bucket, the papers having it in the content view or the phrase view
    /// (``ModelDefinition/phraseView``); empty otherwise, and ``documentFrequency(bucketCount:)`` counts
    /// the content view alone.
    private var unionDocumentFrequency: [Int32] = []

    var documentCount: Int { offsets.count - 1 }
    var nonzeroCount: Int { buckets.count }

    init(texts: [String], definition: ModelDefinition) {
        let parts = texts.count >= 256 ? 2 : 1
        let ones = [Float](repeating: 1, count: definition.bucketCount)
        let chunks = ChunkResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let start = texts.count * part / parts
            let end = texts.count * (part + 1) / parts
            var featurizer = Featurizer(definition: definition, idf: ones)
            var phrases = definition.phraseDefinition.map { Featurizer(definition: $0, idf: ones) }
            var chunk = RawCorpus(empty: ())
            if phrases != nil { chunk.unionDocumentFrequency = [Int32](repeating: 0, count: definition.bucketCount) }
            var phraseBuckets: [Int32] = []
            var phraseValues: [Float] = []
            for i in start ..< end {
                let count = featurizer.appendRaw(texts[i], buckets: &chunk.buckets, values: &chunk.values)
                chunk.offsets.append(chunk.offsets[chunk.offsets.count - 1] + count)
                if phrases != nil {
                    phraseBuckets.removeAll(keepingCapacity: true)
                    phraseValues.removeAll(keepingCapacity: true)
                    _ = phrases?.appendRaw(texts[i], buckets: &phraseBuckets, values: &phraseValues)
                    chunk.countUnion(chunk.buckets[(chunk.buckets.count - count)...], phraseBuckets[...])
                }
            }
            chunks.store(chunk, at: part)
        }
        for chunk in chunks.results() {
            let base = buckets.count
            offsets.append(contentsOf: chunk.offsets.dropFirst().map { $0 + base })
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

    /// Counts one paper in the union document frequency: both lists are strictly increasing buckets, and a
    /// bucket in both counts once.
    private mutating func countUnion(_ content: ArraySlice<Int32>, _ phrases: ArraySlice<Int32>) {
        var i = content.startIndex
        var j = phrases.startIndex
        while i < content.endIndex || j < phrases.endIndex {
            let bucket: Int32
            if j == phrases.endIndex || (i < content.endIndex && content[i] < phrases[j]) {
                bucket = content[i]
                i += 1
            } else if i == content.endIndex || phrases[j] < content[i] {
                bucket = phrases[j]
                j += 1
            } else {
                bucket = content[i]
                i += 1
                j += 1
            }
            unionDocumentFrequency[Int(bucket)] += 1
        }
    }

    private init(empty: Void) {}

    /// The document frequency the idf is computed from: in either view when the definition has a phrase
    /// view, else ``documentFrequency(bucketCount:)``.
    func idfDocumentFrequency(bucketCount: Int) -> [Int32] {
        unionDocumentFrequency.isEmpty ? documentFrequency(bucketCount: bucketCount) : unionDocumentFrequency
    }

    /// In how many documents each bucket is non-zero in the content view (which alone chooses the
    /// projection's buckets: the dense view is made from it).
    func documentFrequency(bucketCount: Int) -> [Int32] {
        var df = [Int32](repeating: 0, count: bucketCount)
        for bucket in buckets { df[Int(bucket)] += 1 }
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
                    let range = offsets[document] ..< offsets[document + 1]
                    let row = Featurizer.weighted(
                        buckets: UnsafeBufferPointer(rebasing: buckets[range]),
                        raw: UnsafeBufferPointer(rebasing: values[range]), idf: idf)
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
