import Foundation
import Library
import LinearAlgebra

/// The learned bar's noise sample (``ScoreBar``) with its papers' profile vectors, kept on disk next to
/// the library, so a shortlist scores the 1,000 papers without reading and featurizing them again (13 % of
/// a cold `shortlist`, perf on a 100 k library).
///
/// The sample is drawn anew on every shortlist (its exclusions follow the day and the ratings), but with the
/// same seed the same papers come back nearly every time; the cache is looked up by versioned id, so a
/// paper not in it (or in a newer version) is featurized and the cache rewritten. Only what the vectors
/// depend on keys it: the model (the file name, as ``WeakNegativesCache``), the linear view and the topical
/// exponent (the header). Translated (Chinese-only) papers are not kept: their scores need the translation.
///
/// File `noise-sample-<model id>.bin`: magic `ARXNOI1\0`, then little-endian UInt32 linear view (0 content,
/// 1 phrases), UInt32 topical dimension (0: no topical view), Float topical exponent, UInt32 count n, the
/// versioned ids (``CacheByteWriter/append(ids:)``), then per paper its content view, its linear view (or
/// ``CacheByteReader/sameAsContent``) and its topical view (dimension floats). Anything that does not
/// parse is ignored and rebuilt.
struct NoiseSampleCache {
    /// The views the vectors were made with.
    let linearView: LinearView
    let topicalExponent: Float?
    /// The papers (versioned ids) and their vectors, in sample order.
    let ids: [String]
    let vectors: [ProfileVector]

    static let magic = Array("ARXNOI1\0".utf8)

    static func url(in directory: URL, modelID: String) -> URL {
        directory.appendingPathComponent(DataDirectory.noiseSampleFileName(modelID: modelID))
    }

    /// Whether the vectors were made as `features` makes them.
    func matches(_ features: ProfileFeatures) -> Bool {
        features.linearView == linearView && features.topicalExponent == topicalExponent
    }

    /// The cache at `url`, or nil when there is none or it does not parse; `featureCount` bounds the
    /// buckets and `dimension` is the model's (the topical view's length).
    static func load(from url: URL, featureCount: Int, dimension: Int) -> NoiseSampleCache? {
        guard var reader = CacheByteReader(contentsOf: url), reader.bytes(magic.count) == magic,
              let view = reader.uint32(), view <= 1, let topicalDimension = reader.uint32().map(Int.init),
              topicalDimension == 0 || topicalDimension == dimension, let exponent = reader.float(),
              let count = reader.uint32().map(Int.init), count <= maximumCount, let ids = reader.ids(), ids.count == count
        else { return nil }
        var vectors: [ProfileVector] = []
        vectors.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let sparse = reader.sparseVector(featureCount: featureCount),
                  let linear = reader.sparseVector(featureCount: featureCount, content: sparse),
                  let topical = reader.floats(topicalDimension), topical.allSatisfy(\.isFinite)
            else { return nil }
            vectors.append(ProfileVector(sparse: sparse, linear: linear, topical: topical))
        }
        guard reader.isAtEnd else { return nil }
        return NoiseSampleCache(
            linearView: view == 1 ? .phrases : .content, topicalExponent: topicalDimension > 0 ? exponent : nil,
            ids: ids, vectors: vectors)
    }

    /// Far more papers than ``ScoreBar/sampleSize``: a count beyond it is damage.
    static let maximumCount = 1 << 16

    func write(to url: URL) throws {
        var writer = CacheByteWriter(magic: Self.magic)
        writer.append(UInt32(linearView == .phrases ? 1 : 0))
        writer.append(UInt32(topicalExponent == nil ? 0 : vectors.first?.topical.count ?? 0))
        writer.append(topicalExponent ?? 0)
        writer.append(UInt32(ids.count))
        writer.append(ids: ids)
        for vector in vectors {
            writer.append(vector.sparse)
            writer.append(vector.linear, content: vector.sparse)
            if topicalExponent != nil { writer.append(vector.topical) }
        }
        try writer.write(to: url)
    }
}
