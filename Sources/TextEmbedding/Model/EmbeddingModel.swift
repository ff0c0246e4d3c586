import Foundation
public import LinearAlgebra

/// The hashed n-gram model: a sparse view (hashed tf-idf) and a dense view (a learned LSA projection of
/// the sparse view), as ../shared/design.md's model section describes.
///
/// A model is its ``definition`` plus its fitted artifacts — the idf of every bucket, the buckets that
/// have a projection row, those rows, and (when the definition centers) the mean dense vector — and its
/// ``id`` hashes all of them, so vectors made by different models are never mixed. Loading and writing live in `EmbeddingModel+Files.swift`, fitting in
/// `EmbeddingModel+Fit.swift`.
///
/// Empty input: a text without any feature (empty, punctuation only, stop words only) has the empty
/// sparse vector and the all-zero dense vector — defined, never an error; check `isEmpty` or the zero
/// norm when that matters. A text whose buckets all lack a projection row also gets the zero dense vector.
public struct EmbeddingModel: Sendable {
    public let definition: ModelDefinition
    /// `lsa256-3f2a9c1d7b4e8a21`: the kind and dimension, then a 64-bit hash (hex) of the canonical
    /// definition JSON and the artifact files. Fit-time metadata is not part of it.
    public let id: String
    /// idf per bucket (Float16 values widened to Float).
    let idf: [Float]
    /// Buckets with a projection row, ascending.
    let projectionBuckets: [Int32]
    /// Bucket → projection row.
    let projectionIndex: ProjectionIndex
    /// `projectionBuckets.count × dimension` row-major Float16 bit patterns, as stored: half the memory
    /// traffic of Float rows, widened exactly while they are added (see ``HalfFloat``). A loaded model reads
    /// them in place from its mapped file (``HalfRows``).
    let projectionRows: HalfRows

    /// ``projectionRows`` as an array (a copy for a loaded model): for writing and refitting a model.
    var projectionHalves: [UInt16] { projectionRows.array }
    /// μ, the mean of the fitted papers' uncentered dense vectors (`dimension` floats, ‖μ‖ < 1), when the
    /// definition centers (``ModelDefinition/centerDense``); empty otherwise.
    let centering: [Float]
    /// The Chinese words CJK runs are segmented into, when the definition has
    /// ``ModelDefinition/chineseWords``; nil otherwise.
    public let lexicon: ChineseLexicon?
    /// The term table, its calibration and calibration pairs, when the definition has
    /// ``ModelDefinition/termTable``; nil otherwise. Decoded on first use (``LazyTranslation``).
    let lazyTranslation: LazyTranslation?
    /// Where this value keeps the ``CalibrationViews`` between processes (``keepingCalibrationViews(in:)``);
    /// nil: made in memory only.
    var calibrationViewsStore: (any CalibrationViewsStore)?
    /// The projection's column squares once computed (``spectrumRescaling(toExponent:)``), shared by copies.
    let columnSquaresMemo = ColumnSquaresMemo()

    /// The term table, its calibration and calibration pairs, when the definition has
    /// ``ModelDefinition/termTable``; nil otherwise (and, never in practice, when artifacts that hash to
    /// the model's id do not decode: ``translationError`` says why).
    public var translation: TermTranslation? { try? lazyTranslation?.value().get() }

    /// Why a model with a term table has no ``translation`` (its artifacts do not decode), or nil.
    public var translationError: ModelError? {
        guard case .failure(let error) = lazyTranslation?.value() else { return nil }
        return error
    }

    /// Whether the model has a term table (without decoding it): Chinese texts can be translated.
    public var hasTermTable: Bool { definition.termTable != nil }

    /// The projection rows widened to Float (row-major, `projectionBucketCount × dimension`).
    var projection: [Float] { projectionRows.withUnsafeBufferPointer { $0.map(HalfFloat.widen) } }

    /// The dimension of the dense view.
    public var dimension: Int { definition.dimension }

    /// How many buckets have a projection row.
    public var projectionBucketCount: Int { projectionBuckets.count }

    /// Assembles a model from artifacts whose values are exactly representable as Float16 (the caller
    /// rounds them), so writing and loading it again reproduces it bit for bit.
    /// `centering` is μ when the definition centers and empty when it does not.
    init(
        definition: ModelDefinition, idf: [Float], projectionBuckets: [Int32], projection: [Float],
        centering: [Float] = [], lexicon: ChineseLexicon? = nil, translation: TermTranslation? = nil, id: String? = nil
    ) {
        self.init(
            definition: definition, idf: idf, projectionBuckets: projectionBuckets,
            projectionHalves: projection.map { Float16($0).bitPattern }, centering: centering, lexicon: lexicon,
            translation: translation, id: id)
    }

    init(
        definition: ModelDefinition, idf: [Float], projectionBuckets: [Int32], projectionHalves: [UInt16],
        centering: [Float] = [], lexicon: ChineseLexicon? = nil, translation: TermTranslation? = nil, id: String?
    ) {
        self.init(
            definition: definition, idf: idf, projectionBuckets: projectionBuckets,
            projectionRows: HalfRows(projectionHalves), centering: centering, lexicon: lexicon,
            lazyTranslation: translation.map(LazyTranslation.init), id: id ?? Self.identifier(
                definition: definition, artifacts: Self.encodeArtifacts(
                    definition: definition, idf: idf, projectionBuckets: projectionBuckets, projectionHalves: projectionHalves,
                    centering: centering, lexicon: lexicon, translation: translation)))
    }

    /// A model whose projection may be read in place and whose term table may still be undecoded (a
    /// loaded model), with its id known.
    init(
        definition: ModelDefinition, idf: [Float], projectionBuckets: [Int32], projectionRows: HalfRows,
        centering: [Float], lexicon: ChineseLexicon?, lazyTranslation: LazyTranslation?, id: String
    ) {
        precondition(idf.count == definition.bucketCount)
        precondition(projectionRows.count == projectionBuckets.count * definition.dimension)
        precondition(
            definition.centerDense ? centering.count == definition.dimension : centering.isEmpty,
            "EmbeddingModel: a centering vector goes with, and only with, a definition that centers")
        precondition(
            (definition.chineseWords != nil) == (lexicon != nil),
            "EmbeddingModel: a lexicon goes with, and only with, a definition that learns Chinese words")
        precondition(
            (definition.termTable != nil) == (lazyTranslation != nil),
            "EmbeddingModel: a term table goes with, and only with, a definition that learns one")
        self.definition = definition
        self.idf = idf
        self.projectionBuckets = projectionBuckets
        self.projectionRows = projectionRows
        self.centering = centering
        self.lexicon = lexicon
        self.lazyTranslation = lazyTranslation
        self.projectionIndex = ProjectionIndex(buckets: projectionBuckets, bucketCount: definition.bucketCount)
        self.id = id
    }

    /// The sparse view of `text` (see ``Featurizer``).
    public func sparse(_ text: String) -> SparseVector {
        var featurizer = Featurizer(model: self)
        return featurizer.sparse(text)
    }

    /// The dense view of a sparse vector of this model: `Σ weight × projection row` over its buckets that
    /// have a row, then L2-normalised; all zeros when none has a row. A centering model then subtracts μ
    /// and normalises again (see ``ModelDefinition/centerDense``); the zero vector stays zero.
    ///
    /// Each bucket adds one contiguous row of `dimension` floats (an axpy the compiler vectorises); the
    /// order of the additions is the bucket order, so the result is bit-identical on every run.
    /// - Complexity: O(nonzeros × dimension) for the nonzeros that have a row.
    public func dense(_ sparse: SparseVector) -> [Float] {
        [Float](unsafeUninitializedCapacity: dimension) { buffer, initialized in
            writeDense(sparse, into: buffer)
            initialized = dimension
        }
    }

    /// The language `text` is embedded as (see ``Featurizer/language``).
    public func language(of text: String) -> TextLanguage {
        var featurizer = Featurizer(model: self)
        return featurizer.language(of: text)
    }

    /// Whether the dense view places Chinese texts among English ones: the model was fitted on Chinese
    /// texts too and has Chinese words (v6 on). A model without it gives a Chinese text a dense vector
    /// made only of its Latin terms.
    public var isBilingual: Bool { lexicon.map { $0.count > 0 } ?? false }

    /// The sparse and the dense view of `text`.
    public func embed(_ text: String) -> (sparse: SparseVector, dense: [Float]) {
        let sparse = sparse(text)
        return (sparse, dense(sparse))
    }

    /// The features of `text` with their readable n-grams, for explanations (slow path).
    public func features(of text: String) -> [Feature] {
        var featurizer = Featurizer(model: self)
        return featurizer.features(of: text)
    }

    /// The features of `text`'s phrase view (``ModelDefinition/phraseView``) with their readable n-grams;
    /// empty when the model has none.
    public func phraseFeatures(of text: String) -> [Feature] {
        guard var featurizer = Featurizer(phrasesOf: self) else { return [] }
        return featurizer.features(of: text)
    }

    /// The dense views of `texts`, one row each. Large batches are split over two threads (each with its
    /// own ``BatchEmbedder``); every row is computed exactly as ``dense(_:)`` would, so the result does not
    /// depend on the split.
    public func denseMatrix(_ texts: [String]) -> Matrix {
        let d = dimension
        let storage = [Float](unsafeUninitializedCapacity: texts.count * d) { buffer, initialized in
            let threads = ConcurrentParts.parts(for: texts.count, minimumPerPart: 128)
            nonisolated(unsafe) let base = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { part in
                let start = texts.count * part / threads
                let end = texts.count * (part + 1) / threads
                var embedder = BatchEmbedder(model: self)
                embedder.embed(texts[start ..< end], into: UnsafeMutableBufferPointer(rebasing: base[(start * d) ..< (end * d)]))
            }
            initialized = texts.count * d
        }
        return Matrix(rows: texts.count, columns: d, storage: storage)
    }

    /// Writes the dense view of `sparse` into `output` (`dimension` floats).
    ///
    /// The rows are found first (the rank lookups are independent, so their latencies overlap), then
    /// ``ProjectionGather`` fetches and adds them. Many texts at once take ``BatchEmbedder``, which runs the
    /// same lookup and sum.
    func writeDense(_ sparse: SparseVector, into output: UnsafeMutableBufferPointer<Float>) {
        let d = dimension
        precondition(output.count == d)
        guard let out = output.baseAddress else { return }
        let count = sparse.indices.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(count, 1)) { rows in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: max(count, 1)) { weights in
                projectionRows.withUnsafeBufferPointer { projection in
                    guard let table = projection.baseAddress, let rowBase = rows.baseAddress,
                        let weightBase = weights.baseAddress
                    else {
                        out.initialize(repeating: 0, count: d)
                        return
                    }
                    let found = sparse.indices.withUnsafeBufferPointer { buckets in
                        sparse.values.withUnsafeBufferPointer { values in
                            projectionIndex.rows(of: buckets, values: values, rows: rowBase, weights: weightBase)
                        }
                    }
                    ProjectionGather.sum(
                        rows: rowBase, weights: weightBase, count: found, table: table, dimension: d, into: out)
                }
            }
        }
        finishDense(output)
    }

    /// The dense view's last step, after the row sum in `output` (`dimension` floats): L2-normalised, then
    /// centered and normalised again when the definition centers; a zero sum stays zero.
    func finishDense(_ output: UnsafeMutableBufferPointer<Float>) {
        let d = dimension
        precondition(output.count == d)
        guard let out = output.baseAddress else { return }
        guard Self.normalize(out, count: d) else { return }
        guard !centering.isEmpty else { return }
        centering.withUnsafeBufferPointer { mean in
            for j in 0 ..< d { out[j] -= mean[j] }
        }
        Self.normalize(out, count: d)
    }

    /// Scales `count` floats at `vector` to unit length in a fixed order (bit-identical on every run); false,
    /// leaving them as they are, when their norm is zero.
    @discardableResult
    private static func normalize(_ vector: UnsafeMutablePointer<Float>, count: Int) -> Bool {
        var sumOfSquares: Float = 0
        for j in 0 ..< count { sumOfSquares += vector[j] * vector[j] }
        guard sumOfSquares > 0 else { return false }
        let scale = 1 / sumOfSquares.squareRoot()
        for j in 0 ..< count { vector[j] *= scale }
        return true
    }
}
