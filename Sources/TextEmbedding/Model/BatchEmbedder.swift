public import LinearAlgebra

/// The sparse and dense views of many texts: the path of ingest, fitting and evaluation
/// (``EmbeddingModel/denseMatrix(_:)``) and of `embed-profile`; a single text (a query, `similar`) takes
/// ``EmbeddingModel/embed(_:)``. Its output is that path's, bit for bit: every text's rows are looked up and
/// summed by the same code, in the same order.
///
/// A batch's texts are featurized first and their rows looked up, then their dense sums run one after
/// another: the place where work across texts goes. That split alone is worth 8 % of an English text on
/// session 14's host (`embed-profile english 40717 8 compare`, quiet: one by one 19.57 µs, batched 18.05),
/// probably because the featurizer's tables stay in the cache through a batch of featurizing instead of
/// being evicted by every text's 75 KB of projection rows. Two such schemes were measured and dropped (session 12,
/// Benchmarks/README): adding a whole batch's rows in row order, each row read once for every text that holds
/// it — the sum got a fifth cheaper, and sorting the batch's entries by row cost as much again; and summing
/// each text while prefetching the next text's rows — slower with the table in 4 KB pages (each prefetch
/// waits for a page walk), 4–13 % off the sum with the table copied into 2 MB pages, ≤ 1 % of a text's
/// embedding, not worth a 12.6 MB copy per process.
///
/// A batch embedder is not shared between threads; make one per thread.
public struct BatchEmbedder {
    /// Texts featurized before their dense views are summed.
    public static let defaultBatchSize = 64

    public let model: EmbeddingModel
    /// How many texts are featurized before their dense sums.
    public let batchSize: Int
    private let kernel: ProjectionGather.Kernel
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
                    guard let table = projection.baseAddress, let out = output.baseAddress,
                        let rowBase = rows.baseAddress, let weightBase = weights.baseAddress
                    else {
                        output.update(repeating: 0)
                        return
                    }
                    for t in 0 ..< texts.count {
                        ProjectionGather.sum(
                            rows: rowBase + starts[t], weights: weightBase + starts[t], count: starts[t + 1] - starts[t],
                            table: table, dimension: d, into: out + t * d, kernel: kernel)
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
