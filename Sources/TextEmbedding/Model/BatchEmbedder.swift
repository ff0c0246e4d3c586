public import LinearAlgebra

/// The sparse and dense views of many texts: the path of ingest, fitting and evaluation
/// (``EmbeddingModel/denseMatrix(_:)``) and of `embed-profile`; a single text (a query, `similar`) takes
/// ``EmbeddingModel/embed(_:)``.
///
/// A batch's texts are featurized first, then their dense row sums run one after another, each fetching
/// the next text's rows while it adds its own (``ProjectionGather/sum(rows:weights:count:table:dimension:into:prefetchingNext:nextCount:kernel:)``),
/// from the model's copy of the rows in 2 MB pages (``HugePageRows``) when there are many texts. One text at a time, the sum asked
/// for all its ~150 rows up front and then waited for them (perf, session 11: 44 % of the sum).
///
/// Bit-identical to ``EmbeddingModel/dense(_:)``: every text's sum is the same kernel's arithmetic over the
/// same rows in the same order; only which memory is asked for when changes. Tried and dropped (session 12):
/// adding a whole batch's rows in row order, each row read once for every text that holds it — the sum got
/// a fifth cheaper, and sorting the batch's entries by row cost as much again.
///
/// A batch embedder is not shared between threads; make one per thread.
public struct BatchEmbedder {
    /// Texts featurized before their dense views are summed.
    public static let defaultBatchSize = 64

    public let model: EmbeddingModel
    /// How many texts are featurized before their dense sums.
    public let batchSize: Int
    private let kernel: ProjectionGather.Kernel
    /// The model's rows in 2 MB pages, taken on the first call with at least ``hugePageMinimum`` texts.
    private var hugePageRows: HugePageRows?
    /// Fewer texts than this read the rows where they are: the copy (~3 ms, once per model) would be more
    /// than the gain (~1 µs a text).
    static let hugePageMinimum = 256
    private var featurizer: Featurizer
    /// The batch's rows and sparse weights, text after text.
    private var rows: [Int] = []
    private var weights: [Float] = []
    /// Per text of the batch, where its rows start, and one more for the end.
    private var starts: [Int] = []

    /// An embedder for `model` featurizing `batchSize` texts (1 and up) before summing their rows.
    public init(model: EmbeddingModel, batchSize: Int = defaultBatchSize) {
        self.init(model: model, batchSize: batchSize, kernel: .fastest)
    }

    /// With a given row-sum kernel (for tests); `kernel` must be available.
    init(model: EmbeddingModel, batchSize: Int, kernel: ProjectionGather.Kernel) {
        precondition(batchSize >= 1, "BatchEmbedder: a batch of \(batchSize) texts")
        precondition(kernel.isAvailable, "BatchEmbedder: \(kernel) does not run on this CPU")
        self.model = model
        self.batchSize = batchSize
        self.kernel = kernel
        self.featurizer = Featurizer(model: model)
    }

    /// Writes the dense view of the i-th of `texts` into `output[i × dimension ..< (i + 1) × dimension]`
    /// (`output` is exactly `texts.count × dimension` floats) and calls `sparse` with i and the text's sparse
    /// view, in order of i.
    public mutating func embed(
        _ texts: ArraySlice<String>, into output: UnsafeMutableBufferPointer<Float>,
        sparse: (Int, SparseVector) -> Void = { _, _ in }
    ) {
        let d = model.dimension
        precondition(output.count == texts.count * d, "BatchEmbedder: \(output.count) floats for \(texts.count) texts")
        if hugePageRows == nil && texts.count >= Self.hugePageMinimum { hugePageRows = model.hugePageRows.value() }
        var done = 0
        while done < texts.count {
            let size = min(batchSize, texts.count - done)
            let first = texts.startIndex + done
            embedBatch(
                texts[first ..< first + size], offset: done,
                into: UnsafeMutableBufferPointer(rebasing: output[done * d ..< (done + size) * d]), sparse: sparse)
            done += size
        }
    }

    private mutating func embedBatch(
        _ texts: ArraySlice<String>, offset: Int, into output: UnsafeMutableBufferPointer<Float>,
        sparse: (Int, SparseVector) -> Void
    ) {
        starts.removeAll(keepingCapacity: true)
        var rowCount = 0
        for (t, text) in texts.enumerated() {
            let vector = featurizer.sparse(text)
            sparse(offset + t, vector)
            starts.append(rowCount)
            rowCount += addRows(of: vector, at: rowCount)
        }
        starts.append(rowCount)
        let d = model.dimension
        let starts = self.starts
        let kernel = self.kernel
        model.projectionRows.withUnsafeBufferPointer { projection in
            rows.withUnsafeBufferPointer { rows in
                weights.withUnsafeMutableBufferPointer { weights in
                    guard let mapped = projection.baseAddress, let out = output.baseAddress,
                        let rowBase = rows.baseAddress, let weightBase = weights.baseAddress
                    else {
                        output.update(repeating: 0)
                        return
                    }
                    let table = hugePageRows?.halves ?? mapped
                    for t in 0 ..< texts.count {
                        let next = t + 1 < texts.count ? t + 1 : t
                        ProjectionGather.sum(
                            rows: rowBase + starts[t], weights: weightBase + starts[t], count: starts[t + 1] - starts[t],
                            table: table, dimension: d, into: out + t * d, prefetchingNext: rowBase + starts[next],
                            nextCount: next == t ? 0 : starts[next + 1] - starts[next], kernel: kernel)
                    }
                }
            }
        }
        for t in 0 ..< texts.count {
            model.finishDense(UnsafeMutableBufferPointer(rebasing: output[t * d ..< (t + 1) * d]))
        }
    }

    /// Writes the rows of `vector`'s buckets that have one, with their weights, from `start` on; returns how
    /// many.
    private mutating func addRows(of vector: SparseVector, at start: Int) -> Int {
        let room = start + vector.indices.count
        if rows.count < room {
            let size = max(room, 2 * rows.count)
            rows.append(contentsOf: repeatElement(0, count: size - rows.count))
            weights.append(contentsOf: repeatElement(0, count: size - weights.count))
        }
        let index = model.projectionIndex
        return vector.indices.withUnsafeBufferPointer { buckets in
            vector.values.withUnsafeBufferPointer { values in
                rows.withUnsafeMutableBufferPointer { rows in
                    weights.withUnsafeMutableBufferPointer { weights in
                        guard let rowBase = rows.baseAddress, let weightBase = weights.baseAddress else { return 0 }
                        return index.rows(of: buckets, values: values, rows: rowBase + start, weights: weightBase + start)
                    }
                }
            }
        }
    }
}
