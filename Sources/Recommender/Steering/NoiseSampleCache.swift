import Foundation
import Library
import LinearAlgebra

/// The learned bar's noise sample (``ScoreBar``) with its papers' profile vectors and hubness, kept on disk
/// next to the library, so a shortlist scores the 1,000 papers without reading and featurizing them again
/// (13 % of a cold `shortlist`, perf on a 100 k library) and without measuring their hubness again.
///
/// The same discipline as ``WeakNegativesCache``: the sample is drawn once and kept until the model or the
/// views change, one of its papers gets rated, or the library has more than doubled since it was drawn
/// (a fresh draw would not do: the rowid probes of ``Library/randomPaperIDs(count:seed:excluding:)``
/// scale with the library, so one new day gives a new sample). Papers a shortlist must not count as noise
/// (its own candidates, the weak negatives) are left out of the kept sample for that shortlist. Only what
/// the vectors depend on keys it: the model (the file name), the linear view and the topical exponent
/// (the header); the hubness holds only under the same weak negatives (`hubnessKey`). Translated
/// (Chinese-only) papers are not kept: their scores need the translation.
///
/// File `noise-sample-<model id>.bin`: magic `ARXNOI1\0`, then little-endian UInt32 linear view (0 content,
/// 1 phrases), UInt32 topical dimension (0: no topical view), Float topical exponent, UInt64 hubness key,
/// UInt64 library size at drawing, UInt32 papers drawn, UInt32 count n, the versioned ids (``CacheByteWriter/append(ids:)``),
/// then per paper its content view, its linear view (or ``CacheByteReader/sameAsContent``), its topical
/// view (dimension floats) and its hubness (Float). Anything that does not parse is ignored and rebuilt.
struct NoiseSampleCache {
    /// The views the vectors were made with.
    let linearView: LinearView
    let topicalExponent: Float?
    /// The papers (versioned ids) and their vectors, in sample order.
    let ids: [String]
    let vectors: [ProfileVector]
    /// The library's size when the sample was drawn (it is kept until the library more than doubles), and
    /// how many papers were drawn (more than `ids` when translated ones were left out; fewer than
    /// ``ScoreBar/sampleSize`` only in a small library, which is drawn again once it has grown).
    let libraryPapers: Int
    let drawnCount: Int
    /// The ``Hubness/sampleKey`` the vectors' ``ProfileVector/hubness`` was measured against (0: none
    /// measured); the hubness holds only while the profiles' weak negatives are that sample.
    let hubnessKey: UInt64

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
              let view = reader.linearView(), let topicalDimension = reader.uint32().map(Int.init),
              topicalDimension == 0 || topicalDimension == dimension, let exponent = reader.float(),
              let hubnessKey = reader.uint64(), let libraryPapers = reader.uint64().map(Int.init),
              let drawnCount = reader.uint32().map(Int.init),
              let count = reader.uint32().map(Int.init), count <= maximumCount, let ids = reader.ids(), ids.count == count
        else { return nil }
        var vectors: [ProfileVector] = []
        vectors.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let sparse = reader.sparseVector(featureCount: featureCount),
                  let linear = reader.sparseVector(featureCount: featureCount, content: sparse),
                  let topical = reader.floats(topicalDimension), topical.allSatisfy(\.isFinite),
                  let hubness = reader.float(), hubness.isFinite
            else { return nil }
            vectors.append(ProfileVector(content: sparse, linear: linear, topical: topical, hubness: hubness))
        }
        guard reader.isAtEnd else { return nil }
        return NoiseSampleCache(
            linearView: view, topicalExponent: topicalDimension > 0 ? exponent : nil,
            ids: ids, vectors: vectors, libraryPapers: libraryPapers, drawnCount: drawnCount, hubnessKey: hubnessKey)
    }

    /// Far more papers than ``ScoreBar/sampleSize``: a count beyond it is damage.
    static let maximumCount = 1 << 16

    func write(to url: URL) throws {
        var writer = CacheByteWriter(magic: Self.magic)
        writer.append(linearView)
        writer.append(UInt32(topicalExponent == nil ? 0 : vectors.first?.topical.count ?? 0))
        writer.append(topicalExponent ?? 0)
        writer.append(hubnessKey)
        writer.append(UInt64(libraryPapers))
        writer.append(UInt32(drawnCount))
        writer.append(UInt32(ids.count))
        writer.append(ids: ids)
        for vector in vectors {
            writer.append(vector.content)
            writer.append(vector.linear, content: vector.content)
            if topicalExponent != nil { writer.append(vector.topical) }
            writer.append(vector.hubness)
        }
        try writer.write(to: url)
    }
}
