import Foundation
import LinearAlgebra

extension EmbeddingModel {
    /// Fits idf and the LSA projection on `texts` (title + ". " + abstract of each paper; never authors or
    /// categories, which the evaluation measures).
    ///
    /// Steps: featurize every text (two threads, raw bucket sums; with a phrase view, also counting the
    /// phrase view's buckets for the idf) → document frequency per bucket →
    /// idf = `ln((1+N)/(1+df)) + 1`, rounded to Float16 as stored → the sparse view of every paper with that
    /// idf → its columns for the buckets with df ≥ `minimumDocumentFrequency` → the truncated SVD X ≈ UΣVᵀ
    /// of rank `dimension` → projection rows V·Σ^(p−1), each component's sign fixed so that its largest
    /// magnitude entry is positive, rounded to Float16 → when the definition centers, μ = the mean of the
    /// fitted texts' unit dense vectors made from those Float16 rows (exactly what ``dense(_:)`` subtracts
    /// it from).
    ///
    /// Deterministic: the same texts and definition give the same model id (the SVD is seeded and every
    /// reduction has a fixed order on a given machine).
    public static func fit(
        texts: [String], definition: ModelDefinition, progress: ((String) -> Void)? = nil
    ) throws -> (EmbeddingModel, FitRecord) {
        try fit(documents: texts.map { FitDocument(texts: [$0]) }, definition: definition, progress: progress)
    }

    /// Fits on `documents`, each one paper in one or more languages (cross-language LSI, Dumais et al.):
    /// a document's row of the fitted matrix is the normalised sum of its texts' unit sparse vectors, so
    /// the SVD learns directions that hold a paper's English n-grams and its Chinese words together, and a
    /// text in either language alone lands near its twin. With ``ModelDefinition/chineseWords`` the
    /// lexicon is learned first, from every text's CJK runs. Document frequencies count documents (a
    /// bucket in both texts counts once); the centering mean μ is taken over every document's first text.
    public static func fit(
        documents: [FitDocument], definition: ModelDefinition, progress: ((String) -> Void)? = nil
    ) throws -> (EmbeddingModel, FitRecord) {
        try definition.validate()
        let clock = ContinuousClock()
        let started = clock.now
        func report(_ message: String) {
            guard let progress else { return }
            let elapsed = (clock.now - started).seconds
            progress(String(format: "%6.1fs  %@", elapsed, message))
        }

        let documents = documents.filter { !$0.texts.isEmpty }
        var lexicon: ChineseLexicon? = nil
        if let settings = definition.chineseWords {
            let learned = ChineseLexiconLearner(settings: settings).learn(documents.flatMap(\.texts))
            lexicon = learned
            report("learned \(learned.words.count) Chinese words and characters")
        }
        let corpus = RawCorpus(documents: documents, definition: definition, lexicon: lexicon)
        guard corpus.documentCount > 0, corpus.nonzeroCount > 0 else { throw ModelError.emptyCorpus }
        let textCount = documents.reduce(0) { $0 + $1.texts.count }
        report("featurized \(documents.count) papers (\(textCount) texts): \(corpus.nonzeroCount) non-zero buckets")

        let documentFrequency = corpus.documentFrequency(bucketCount: definition.bucketCount)
        let idf = smoothIDF(
            documentFrequency: corpus.idfDocumentFrequency(bucketCount: definition.bucketCount), documents: documents.count)
        let kept = (0 ..< definition.bucketCount).filter {
            documentFrequency[$0] >= Int32(clamping: definition.minimumDocumentFrequency)
        }.map { Int32($0) }
        guard kept.count >= definition.dimension else {
            throw ModelError.tooFewBuckets(
                kept: kept.count, dimension: definition.dimension,
                minimumDocumentFrequency: definition.minimumDocumentFrequency)
        }
        let matrix = corpus.tfidfMatrix(idf: idf, columns: kept, bucketCount: definition.bucketCount)
        report("idf done; \(kept.count) buckets in ≥ \(definition.minimumDocumentFrequency) papers, "
            + "matrix \(matrix.rows)×\(matrix.columns) with \(matrix.nonzeroCount) non-zeros")

        let svd: TruncatedSVD
        do {
            svd = try truncatedSVD(
                of: matrix, rank: definition.dimension, oversampling: definition.svd.oversampling,
                powerIterations: definition.svd.powerIterations, seed: definition.svd.seed)
        } catch {
            throw ModelError.fitFailed(error.description)
        }
        guard svd.singularValues.count == definition.dimension else {
            throw ModelError.fitFailed(
                "the matrix has rank < \(definition.dimension) (\(matrix.rows) papers × \(matrix.columns) buckets)")
        }
        report("truncated SVD rank \(definition.dimension): σ₁ = \(svd.singularValues[0]), "
            + "σ_\(definition.dimension) = \(svd.singularValues[definition.dimension - 1])")

        let projection = projectionRows(svd: svd, exponent: definition.svd.singularValueExponent)
        // The dense views first (the term table is learned on the finished sparse view, and translates
        // nothing the dense view reads).
        var denseDefinition = definition
        denseDefinition.termTable = nil
        var plainDefinition = denseDefinition
        plainDefinition.centerDense = false
        var model = EmbeddingModel(
            definition: plainDefinition, idf: idf, projectionBuckets: kept, projection: projection, lexicon: lexicon,
            id: "")
        var mean: [Float] = []
        if definition.centerDense {
            mean = meanDenseVector(model.denseMatrix(documents.map { $0.texts[0] }))
            if let problem = centeringProblem(mean, dimension: definition.dimension) {
                throw ModelError.fitFailed("cannot center the dense view: \(problem)")
            }
            report(String(format: "centering: ‖μ‖ = %.4f", mean.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()))
        }
        var translation: TermTranslation? = nil
        if let settings = definition.termTable {
            translation = learnTranslation(
                documents: documents, settings: settings, definition: denseDefinition, idf: idf, lexicon: lexicon)
            if let translation {
                report(String(
                    format: "term table: %d Chinese words → %d English buckets; calibration content %.4f + %.4f·cos, linear %.4f + %.4f·cos",
                    translation.table.wordCount, translation.table.targets.count, translation.calibration.content.offset,
                    translation.calibration.content.slope, translation.calibration.linear.offset,
                    translation.calibration.linear.slope))
            }
        }
        model = EmbeddingModel(
            definition: definition, idf: idf, projectionBuckets: kept, projectionHalves: model.projectionHalves,
            centering: mean, lexicon: lexicon, translation: translation, id: nil)
        let artifactBytes = ArtifactFile.required(by: definition).reduce(0) { total, artifact in
            let elements = switch artifact {
            case .idf: definition.bucketCount
            case .projectionBuckets: kept.count
            case .projectionRows: kept.count * definition.dimension
            case .centering: definition.dimension
            case .lexiconWords: lexicon?.wordBytes.count ?? 0
            case .lexiconCosts: lexicon?.count ?? 0
            case .termTable: (translation?.table.targets.count ?? 0) * 3
            case .translationCalibration: 4
            case .calibrationPairs: translation.map { CalibrationPair.encode($0.pairs).count } ?? 0
            }
            return total + ArtifactFile.headerSize + elements * artifact.elementSize
        }
        let seconds = (clock.now - started).seconds
        report("projection done: \(kept.count) × \(definition.dimension), model \(model.id)")
        let record = FitRecord(
            corpus: nil, papers: documents.count, seconds: (seconds * 100).rounded() / 100,
            date: ISO8601DateFormatter().string(from: Date()), machine: FitRecord.currentMachine,
            projectionBuckets: kept.count, matrixNonzeros: matrix.nonzeroCount,
            leadingSingularValues: Array(svd.singularValues.prefix(8)), artifactBytes: artifactBytes)
        return (model, record)
    }

    /// This bilingual model with a term table learned from `documents` — the documents it was fitted on:
    /// exactly what ``fit(documents:definition:progress:)`` of the same definition with `settings` gives,
    /// which learns the table after the views it keeps here.
    public func addingTermTable(
        documents: [FitDocument], settings: TermTableSettings, progress: ((String) -> Void)? = nil
    ) throws -> EmbeddingModel {
        var definition = definition
        guard definition.chineseWords != nil, definition.termTable == nil, lexicon != nil else {
            throw ModelError.invalidDefinition(
                name: definition.name, "a term table is added to a bilingual model (chineseWords) without one")
        }
        definition.termTable = settings
        try definition.validate()
        var plain = definition
        plain.termTable = nil
        let translation = Self.learnTranslation(
            documents: documents.filter { !$0.texts.isEmpty }, settings: settings, definition: plain, idf: idf,
            lexicon: lexicon)
        progress?(String(
            format: "term table: %d Chinese words → %d English buckets; calibration content %.4f + %.4f·cos, linear %.4f + %.4f·cos",
            translation.table.wordCount, translation.table.targets.count, translation.calibration.content.offset,
            translation.calibration.content.slope, translation.calibration.linear.offset, translation.calibration.linear.slope))
        return EmbeddingModel(
            definition: definition, idf: idf, projectionBuckets: projectionBuckets, projectionHalves: projectionHalves,
            centering: centering, lexicon: lexicon, translation: translation, id: nil)
    }

    /// The term table learned from every document that has a second (Chinese) text, its kernel calibration
    /// on `calibrationPairs` of those pairs against `calibrationNegatives` other documents' main texts
    /// (both taken at even strides: deterministic, spread over the corpus), and those pairs.
    static func learnTranslation(
        documents: [FitDocument], settings: TermTableSettings, definition: ModelDefinition, idf: [Float],
        lexicon: ChineseLexicon?
    ) -> TermTranslation {
        let pairedIndices = documents.indices.filter { documents[$0].texts.count >= 2 }
        let pairs = pairedIndices.map { CalibrationPair(english: documents[$0].texts[0], chinese: documents[$0].texts[1]) }
        let table = TermTableLearner(settings: settings, definition: definition, idf: idf, lexicon: lexicon).learn(pairs)
        let chosen = evenlySpaced(settings.calibrationPairs, of: pairs.count)
        let calibrationPairs = chosen.map { pairs[$0] }
        let excluded = Set(chosen.map { pairedIndices[$0] })
        let others = documents.indices.filter { !excluded.contains($0) }
        let negatives = evenlySpaced(settings.calibrationNegatives, of: others.count).map { documents[others[$0]].texts[0] }
        var translator = Translator(definition: definition, idf: idf, lexicon: lexicon, table: table)
        var content = Featurizer(definition: definition, idf: idf, lexicon: lexicon)
        var phrases = definition.phraseDefinition.map { Featurizer(definition: $0, idf: idf, lexicon: lexicon) }
        let calibration = TranslationCalibration.fit(
            pairs: calibrationPairs, negatives: negatives, translator: &translator, content: &content, phrases: &phrases,
            bucketCount: definition.bucketCount)
        return TermTranslation(table: table, calibration: calibration, pairs: calibrationPairs)
    }

    /// `count` indices spread evenly over `0 ..< population` (all of them when `count ≥ population`).
    static func evenlySpaced(_ count: Int, of population: Int) -> [Int] {
        guard count < population else { return Array(0 ..< population) }
        return (0 ..< count).map { $0 * population / count }
    }

    /// `ln((1+N)/(1+df)) + 1` per bucket (``ModelDefinition/idfFormula``), rounded to Float16 (the stored
    /// precision); buckets no paper has get the largest value.
    static func smoothIDF(documentFrequency: [Int32], documents: Int) -> [Float] {
        let numerator = 1 + Double(documents)
        return documentFrequency.map { df in Float(Float16(log(numerator / (1 + Double(df))) + 1)) }
    }

    /// Projection rows (one per kept bucket, `k` columns): `vt`'s columns scaled by σ^(p−1), signs fixed.
    static func projectionRows(svd: TruncatedSVD, exponent: Float) -> [Float] {
        let k = svd.vt.rows
        let n = svd.vt.columns
        let vt = svd.vt.storage
        var rows = [Float](repeating: 0, count: n * k)
        for component in 0 ..< k {
            let base = component * n
            // The sign of a singular vector is arbitrary; make the entry of largest magnitude positive
            // (the first such entry on ties) so a refit cannot flip it.
            var largest = 0
            for j in 0 ..< n where abs(vt[base + j]) > abs(vt[base + largest]) { largest = j }
            let sign: Float = vt[base + largest] < 0 ? -1 : 1
            let sigma = svd.singularValues[component]
            let scale = sign * (exponent == 1 || sigma <= 0 ? 1 : Float(pow(Double(sigma), Double(exponent - 1))))
            for j in 0 ..< n {
                rows[j * k + component] = Float(Float16(vt[base + j] * scale))
            }
        }
        return rows
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
