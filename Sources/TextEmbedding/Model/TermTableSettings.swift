/// How a bilingual model learns its term table (``TermTable``): which English buckets a Chinese word is
/// read as when a Chinese-only text is scored against English ratings (model v7 on). Part of the
/// definition, so a change gives another model id.
///
/// For every Chinese word z and English content bucket e found in at least ``minimumDocumentFrequency``
/// fitted pairs, the Ochiai coefficient n_ze / √(n_z·n_e) over the pairs (binary occurrence; pairs sharing
/// fewer than ``minimumCoOccurrence`` documents are ignored); a word keeps its ``translations`` best
/// buckets with a coefficient ≥ ``minimumOchiai``, weighted by their share of those coefficients.
/// With ``alignmentRounds`` the weights are re-estimated instead (IBM model 1, ``TermAlignment``): each
/// word's ``alignmentCandidates`` best buckets by Ochiai become its candidates, and EM learns p(e|z) with
/// the word competing against the pair's other Chinese words for each English bucket (语言模型 explains
/// "language", so 基准测试 need not); the word then keeps its ``translations`` most probable buckets.
/// ``calibrationPairs`` pairs and ``calibrationNegatives`` other papers fit the kernel calibration
/// (``TranslationCalibration``), and the pairs are kept with the model to put a profile's Chinese scores on
/// its English scale (``CalibrationPair``).
public struct TermTableSettings: Codable, Sendable, Equatable {
    public var translations: Int
    public var minimumOchiai: Float
    public var minimumDocumentFrequency: Int
    public var minimumCoOccurrence: Int
    public var calibrationPairs: Int
    public var calibrationNegatives: Int
    /// EM rounds of the IBM-1 re-estimation; nil (or 0): the Ochiai shares are the weights (v7). Optional
    /// and left out of the JSON when nil, so older definitions keep their ids.
    public var alignmentRounds: Int?
    /// How many Ochiai-best buckets of a word the re-estimation chooses among (nil: 10).
    public var alignmentCandidates: Int?

    public init(
        translations: Int = 3, minimumOchiai: Float = 0.1, minimumDocumentFrequency: Int = 3,
        minimumCoOccurrence: Int = 2, calibrationPairs: Int = 400, calibrationNegatives: Int = 2_000,
        alignmentRounds: Int? = nil, alignmentCandidates: Int? = nil
    ) {
        self.alignmentRounds = alignmentRounds
        self.alignmentCandidates = alignmentCandidates
        self.translations = translations
        self.minimumOchiai = minimumOchiai
        self.minimumDocumentFrequency = minimumDocumentFrequency
        self.minimumCoOccurrence = minimumCoOccurrence
        self.calibrationPairs = calibrationPairs
        self.calibrationNegatives = calibrationNegatives
    }

    /// Why these settings cannot learn a table, or nil when they can.
    var problem: String? {
        guard (1 ... 16).contains(translations) else { return "termTable.translations \(translations) is outside 1…16" }
        guard minimumOchiai.isFinite, (0 ... 1).contains(minimumOchiai) else { return "termTable.minimumOchiai must be in 0…1" }
        guard minimumDocumentFrequency >= 1, minimumCoOccurrence >= 1 else {
            return "termTable.minimumDocumentFrequency and minimumCoOccurrence must be at least 1"
        }
        guard (2 ... 10_000).contains(calibrationPairs), (2 ... 100_000).contains(calibrationNegatives) else {
            return "termTable.calibrationPairs must be 2…10000 and calibrationNegatives 2…100000"
        }
        guard (0 ... 100).contains(alignmentRounds ?? 0) else { return "termTable.alignmentRounds must be 0…100" }
        guard (1 ... 64).contains(alignmentCandidates ?? Self.defaultAlignmentCandidates) else {
            return "termTable.alignmentCandidates must be 1…64"
        }
        return nil
    }

    static let defaultAlignmentCandidates = 10

    /// How many buckets per word the Ochiai pass keeps: the candidates when re-estimating, else the table's.
    var candidatesKept: Int {
        (alignmentRounds ?? 0) > 0 ? max(translations, alignmentCandidates ?? Self.defaultAlignmentCandidates) : translations
    }
}
