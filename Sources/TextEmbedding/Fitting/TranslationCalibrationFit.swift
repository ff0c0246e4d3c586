import LinearAlgebra

extension TranslationCalibration {
    /// Fits `a + b·cos` per view by least squares: for every calibration pair p and other paper n, the
    /// cosine of p's English text with n's English text (what the profile is used to) against the cosine
    /// of p's Chinese text translated (`translate`) with n's English text. The linear view is the phrase
    /// view when the model has one (`phrases`), else the content view.
    ///
    /// Cost: pairs × negatives × ~220 gathers per view (400 × 2,000: under a second).
    static func fit(
        pairs: [CalibrationPair], negatives: [String], translator: inout Translator, content: inout Featurizer,
        phrases: inout Featurizer?, bucketCount: Int
    ) -> TranslationCalibration {
        let negativeContent = negatives.map { content.sparse($0) }
        let negativeLinear = phrases.map { featurizer in
            var featurizer = featurizer
            return negatives.map { featurizer.sparse($0) }
        } ?? negativeContent
        var contentFit = LeastSquaresLine()
        var linearFit = LeastSquaresLine()
        var scratch = DenseScratch(count: bucketCount)
        for pair in pairs {
            let translated = translator.translate(pair.chinese).vector
            guard !translated.isEmpty else { continue }
            let english = content.sparse(pair.english)
            let englishLinear = phrases?.sparse(pair.english) ?? english
            scratch.load(translated, english)
            for negative in negativeContent {
                let (x, y) = scratch.dots(negative)
                contentFit.add(x: x, y: y)
            }
            scratch.load(translated, englishLinear)
            for negative in negativeLinear {
                let (x, y) = scratch.dots(negative)
                linearFit.add(x: x, y: y)
            }
        }
        return TranslationCalibration(content: contentFit.line, linear: linearFit.line)
    }
}

/// Running sums for a least-squares line y ≈ a + b·x (Double, so 800,000 points lose nothing).
private struct LeastSquaresLine {
    var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0

    mutating func add(x: Float, y: Float) {
        let x = Double(x), y = Double(y)
        n += 1
        sx += x
        sy += y
        sxx += x * x
        sxy += x * y
    }

    /// The fitted line; the identity when x does not vary or the slope is not positive (a table that
    /// translates nothing must not invert the ranking).
    var line: KernelCalibration {
        let denominator = n * sxx - sx * sx
        guard n >= 2, denominator > 0 else { return .identity }
        let slope = (n * sxy - sx * sy) / denominator
        let offset = (sy - slope * sx) / n
        guard slope > 0, slope.isFinite, offset.isFinite else { return .identity }
        return KernelCalibration(offset: Float(offset), slope: Float(slope))
    }
}

/// Two sparse vectors scattered into dense arrays, so each negative's two dot products are one gather.
private struct DenseScratch {
    var first: [Float]
    var second: [Float]
    var touched: [Int32] = []

    init(count: Int) {
        first = [Float](repeating: 0, count: count)
        second = first
    }

    mutating func load(_ a: SparseVector, _ b: SparseVector) {
        for index in touched {
            first[Int(index)] = 0
            second[Int(index)] = 0
        }
        touched = a.indices + b.indices
        for (index, value) in zip(a.indices, a.values) { first[Int(index)] = value }
        for (index, value) in zip(b.indices, b.values) { second[Int(index)] = value }
    }

    /// (⟨first, v⟩, ⟨second, v⟩).
    func dots(_ v: SparseVector) -> (Float, Float) {
        var x: Float = 0
        var y: Float = 0
        for (index, value) in zip(v.indices, v.values) {
            x += first[Int(index)] * value
            y += second[Int(index)] * value
        }
        return (x, y)
    }
}
