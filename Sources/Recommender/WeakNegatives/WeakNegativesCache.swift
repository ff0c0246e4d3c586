import Foundation
import Library
import LinearAlgebra

/// The weak-negative sample of a library, its Cholesky factor and its vectors, kept on disk next to the library.
///
/// Factoring the sample's Gram costs a second or more on a 2,000-paper sample, and featurizing its papers
/// again a third of a cold `shortlist` (perf, 100 k library); a cold `shortlist` must finish in well under
/// a second, so both are kept. The sample does not need to change with every ingest — any few
/// thousand unrated papers of the library are a fine background — so it is drawn once and reused until
/// the model or the ridge settings change, one of its papers gets rated or disappears, or the library
/// has more than doubled since it was drawn.
///
/// File `weak-negatives-<model id>.bin`: magic `ARXNEG4\0`, then little-endian UInt32 count n, Float λ,
/// weight, UInt32 linear view (0 content, 1 phrases), UInt64 library size at drawing, UInt32 byte length of the ids (newline-joined
/// UTF-8) and the ids, then n×n Float32 factor rows and the n papers' vectors
/// (``CacheByteWriter``: the content view, then the linear view, or ``CacheByteReader/sameAsContent``
/// when it is the content view). The vectors are those the factor was built from, so they stay consistent
/// with it even if a paper's text changes later. Written to a temp file and renamed, so a reader never sees
/// half a cache; anything that does not parse (an older format, a damaged file) is ignored and rebuilt.
struct WeakNegativesCache {
    let ids: [String]
    let libraryPapers: Int
    let lambda: Float
    let weight: Float
    let linearView: LinearView
    let factor: Matrix
    /// The sample's content and linear views, in the order of `ids`.
    let vectors: [ProfileVector]

    /// Format 4: format 3 less the weak negatives' regression target and its solved vector (always 0,
    /// experiments 29 and 36), so a format-3 cache is rebuilt once.
    static let magic = Array("ARXNEG4\0".utf8)

    static func url(in directory: URL, modelID: String) -> URL {
        directory.appendingPathComponent(DataDirectory.weakNegativesFileName(modelID: modelID))
    }

    /// Deletes the caches of other models in `directory` (``CacheFiles/removeOthers(in:keeping:where:)``).
    static func removeOthers(in directory: URL, keeping modelID: String) {
        CacheFiles.removeOthers(in: directory, keeping: url(in: directory, modelID: modelID), where: DataDirectory.isWeakNegativesFile)
    }

    /// Whether the cache serves `settings` (the factor depends on λ, the weak negatives' weight and the view
    /// the ridge reads).
    func matches(_ settings: ProfileSettings) -> Bool {
        settings.lambda == lambda && settings.weakNegativeWeight == weight && settings.linearView == linearView
    }

    /// Whether the sample still represents a library of `papers` papers with `rated` rated ones.
    func isFresh(libraryPapers papers: Int, rated: Set<String>, wanted: Int) -> Bool {
        Self.isFresh(ids: ids, drawnFrom: libraryPapers, libraryPapers: papers, rated: rated, wanted: wanted)
    }

    /// The rule for any kept sample (this file, ``WeakNegativesMemo``): `ids` drawn from a library of
    /// `drawnFrom` papers still serve one of `papers` papers with `rated` rated ones.
    static func isFresh(ids: [String], drawnFrom: Int, libraryPapers papers: Int, rated: Set<String>, wanted: Int) -> Bool {
        if ids.contains(where: rated.contains) { return false }
        if papers > 2 * max(drawnFrom, 1) { return false }
        // Drawn from a small library: redraw once there is room for the full sample.
        if ids.count < wanted && papers - rated.count >= 2 * ids.count && papers > drawnFrom { return false }
        return true
    }

    /// The cache at `url`, or nil when there is none or it does not parse. `featureCount` bounds the
    /// vectors' buckets (the model's bucket count), so a damaged vector is refused rather than trusted.
    static func load(from url: URL, featureCount: Int) -> WeakNegativesCache? {
        guard var reader = CacheByteReader(contentsOf: url),
              reader.bytes(magic.count) == magic,
              let count = reader.uint32().map(Int.init), count <= maximumCount,
              let lambda = reader.float(), let weight = reader.float(),
              let view = reader.linearView(),
              let libraryPapers = reader.uint64().map(Int.init),
              let ids = reader.ids(), ids.count == count,
              let factor = reader.floats(count * count)
        else { return nil }
        var vectors: [ProfileVector] = []
        vectors.reserveCapacity(count)
        for _ in 0 ..< count {
            guard let sparse = reader.sparseVector(featureCount: featureCount),
                  let linear = reader.sparseVector(featureCount: featureCount, content: sparse)
            else { return nil }
            vectors.append(ProfileVector(content: sparse, linear: linear))
        }
        guard reader.isAtEnd else { return nil }
        return WeakNegativesCache(
            ids: ids, libraryPapers: libraryPapers, lambda: lambda, weight: weight,
            linearView: view, factor: Matrix(rows: count, columns: count, storage: factor),
            vectors: vectors
        )
    }

    /// More negatives than any setting asks for (``ProfileSettings/weakNegativeCount`` is a few thousand):
    /// a count beyond it is damage, refused before `count²` is computed.
    static let maximumCount = 1 << 15

    func write(to url: URL) throws {
        var writer = CacheByteWriter(magic: Self.magic)
        writer.append(UInt32(ids.count))
        writer.append(lambda)
        writer.append(weight)
        writer.append(linearView)
        writer.append(UInt64(libraryPapers))
        writer.append(ids: ids)
        writer.append(factor.storage)
        for vector in vectors {
            writer.append(vector.content)
            writer.append(vector.linear, content: vector.content)
        }
        try writer.write(to: url)
    }
}
