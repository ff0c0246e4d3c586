/// Which English content buckets each Chinese word of a bilingual model is read as (model v7 on), learned
/// from the fitted pairs (``TermTableLearner``): 强化学习 → "reinforcement learning" 0.87, "reinforcement",
/// "rl". A Chinese-only text translated through it (``Translator``) is scored by English ratings on their
/// own buckets, so a profile learned from English likes ranks it with the same weights.
///
/// Stored as the `term-table.u32` artifact, one row per entry: source bucket, target bucket, weight
/// (Float32 bit pattern); rows ascending by source, the magnitudes of each source's weights summing to 1.
/// A weight carries the sign the English bucket has in English texts (the hashing trick signs every
/// feature), so a translated text agrees in sign with the English texts it should match.
public struct TermTable: Sendable, Equatable {
    /// Chinese-word buckets that have translations, ascending.
    let sources: [Int32]
    /// `sources.count + 1` offsets into ``targets``/``weights``.
    let starts: [Int]
    let targets: [Int32]
    let weights: [Float]

    /// Builds the table from entries sorted by source (as ``TermTableLearner`` and the artifact give them).
    init(entries: [(source: Int32, target: Int32, weight: Float)]) {
        var sources: [Int32] = []
        var starts: [Int] = []
        for (offset, entry) in entries.enumerated() where sources.last != entry.source {
            sources.append(entry.source)
            starts.append(offset)
        }
        starts.append(entries.count)
        self.sources = sources
        self.starts = starts
        targets = entries.map(\.target)
        weights = entries.map(\.weight)
    }

    /// Every entry, in storage order.
    var entries: [(source: Int32, target: Int32, weight: Float)] {
        sources.indices.flatMap { i in
            (starts[i] ..< starts[i + 1]).map { (sources[i], targets[$0], weights[$0]) }
        }
    }

    /// How many Chinese words have translations.
    public var wordCount: Int { sources.count }

    /// The English buckets `bucket` translates to with their weights; empty when it has none.
    public func translations(of bucket: Int32) -> [(bucket: Int32, weight: Float)] {
        var low = 0
        var high = sources.count
        while low < high {
            let middle = (low + high) / 2
            if sources[middle] < bucket { low = middle + 1 } else { high = middle }
        }
        guard low < sources.count, sources[low] == bucket else { return [] }
        return (starts[low] ..< starts[low + 1]).map { (targets[$0], weights[$0]) }
    }

    /// Why stored entries cannot be a table (sources out of order, buckets out of range, weights not in
    /// [−1, 0) ∪ (0, 1]), or nil.
    static func problem(_ entries: [(source: Int32, target: Int32, weight: Float)], bucketCount: Int) -> String? {
        for (i, entry) in entries.enumerated() {
            guard entry.source >= 0, Int(entry.source) < bucketCount, entry.target >= 0, Int(entry.target) < bucketCount else {
                return "entry \(i) has a bucket outside 0…\(bucketCount - 1)"
            }
            guard entry.weight.isFinite, entry.weight != 0, abs(entry.weight) <= 1 else {
                return "entry \(i) has a weight of 0 or beyond ±1"
            }
            if i > 0, entries[i - 1].source > entry.source { return "entry \(i) is out of order" }
        }
        return nil
    }
}

/// `a + b·cos`: what a cosine measured between a translated Chinese text and an English text is worth on
/// the scale of a cosine between two English texts, fitted by least squares at model fit
/// (``TranslationCalibration``).
public struct KernelCalibration: Sendable, Equatable {
    public let offset: Float
    public let slope: Float

    public init(offset: Float, slope: Float) {
        self.offset = offset
        self.slope = slope
    }

    /// The identity (no calibration).
    public static let identity = KernelCalibration(offset: 0, slope: 1)

    public func callAsFunction(_ cosine: Float) -> Float { offset + slope * cosine }
}

/// The kernel calibrations of a term table, one per view a profile reads: the content view (nearest like,
/// hubness) and the linear view (the ridge, on the phrase view when the model has one). Translated vectors
/// have fewer, broader buckets than an English abstract, so their cosines are smaller (slope ≈ 0.4); the
/// `translation-calibration.f32` artifact (`content offset, content slope, linear offset, linear slope`).
public struct TranslationCalibration: Sendable, Equatable {
    public let content: KernelCalibration
    public let linear: KernelCalibration

    public init(content: KernelCalibration, linear: KernelCalibration) {
        self.content = content
        self.linear = linear
    }

    var values: [Float] { [content.offset, content.slope, linear.offset, linear.slope] }

    init?(values: [Float]) {
        guard values.count == 4, values.allSatisfy(\.isFinite), values[1] > 0, values[3] > 0 else { return nil }
        content = KernelCalibration(offset: values[0], slope: values[1])
        linear = KernelCalibration(offset: values[2], slope: values[3])
    }
}

/// A fitted paper's two texts, kept with a model that has a term table (`calibration-pairs.u8`): a profile
/// scores them in English and translated from Chinese to learn how its Chinese scores map onto its English
/// ones (a mixed day ranks as one list).
public struct CalibrationPair: Sendable, Equatable {
    public let english: String
    public let chinese: String

    public init(english: String, chinese: String) {
        self.english = Self.oneLine(english)
        self.chinese = Self.oneLine(chinese)
    }

    /// The text with tabs, line feeds and carriage returns as spaces (the artifact is one
    /// `english TAB chinese` line a pair; bytes, not characters, so a fit's 30,000 pairs cost nothing);
    /// the tokenizer reads any whitespace as a separator, so the features do not change.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }) else { return text }
        return String(decoding: text.utf8.map { $0 == 0x09 || $0 == 0x0a || $0 == 0x0d ? 0x20 : $0 }, as: UTF8.self)
    }

    /// The artifact's bytes.
    static func encode(_ pairs: [CalibrationPair]) -> [UInt8] {
        pairs.flatMap { Array(($0.english + "\t" + $0.chinese + "\n").utf8) }
    }

    /// The pairs of an artifact's bytes, or nil when a line is not `english TAB chinese`.
    static func decode(_ bytes: [UInt8]) -> [CalibrationPair]? {
        guard bytes.isEmpty || bytes.last == 0x0a else { return nil }
        var pairs: [CalibrationPair] = []
        for line in bytes.split(separator: 0x0a, omittingEmptySubsequences: false).dropLast() {
            let parts = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            pairs.append(CalibrationPair(
                english: String(decoding: parts[0], as: UTF8.self), chinese: String(decoding: parts[1], as: UTF8.self)))
        }
        return pairs
    }
}

/// What a model with a term table carries to score Chinese-only texts against English ratings.
public struct TermTranslation: Sendable, Equatable {
    public let table: TermTable
    public let calibration: TranslationCalibration
    public let pairs: [CalibrationPair]
}
