import Foundation
import Library
import LinearAlgebra

/// The weak-negative sample of a library and its Cholesky factor, kept on disk next to the library.
///
/// Factoring the sample's Gram costs a second or more on a 2,000-paper sample; a cold `shortlist` must
/// finish in well under a second. The sample does not need to change with every ingest — any few
/// thousand unrated papers of the library are a fine background — so it is drawn once and reused until
/// the model or the ridge settings change, one of its papers gets rated or disappears, or the library
/// has more than doubled since it was drawn.
///
/// File `weak-negatives-<model id>.bin`: magic `ARXNEG2\0`, then little-endian UInt32 count n, Float λ,
/// weight, target, UInt32 linear view (0 content, 1 phrases), UInt64 library size at drawing, UInt32 byte length of the ids (newline-joined
/// UTF-8) and the ids, then n×n Float32 factor rows and n Float32 solved targets. Written to a temp file
/// and renamed, so a reader never sees half a cache; anything that does not parse is ignored and rebuilt.
struct WeakNegativesCache {
    let ids: [String]
    let libraryPapers: Int
    let lambda: Float
    let weight: Float
    let target: Float
    let linearView: LinearView
    let factor: Matrix
    let solvedTargets: [Float]

    static let magic = Array("ARXNEG2\0".utf8)

    static func url(in directory: URL, modelID: String) -> URL {
        directory.appendingPathComponent(DataDirectory.weakNegativesFileName(modelID: modelID))
    }

    /// Deletes the caches of other models in `directory`. Called after writing this model's cache: the
    /// library has moved to this model (its vector file is rebuilt for it), and a cache of another model's
    /// vectors would only serve after a switch back, which rebuilds the library's vectors anyway.
    static func removeOthers(in directory: URL, keeping modelID: String) {
        let kept = url(in: directory, modelID: modelID).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where DataDirectory.isWeakNegativesFile(name) && name != kept {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Whether the cache serves `settings` (the factor depends on λ, the weak negatives' weight and target,
    /// and the view the ridge reads).
    func matches(_ settings: ProfileSettings) -> Bool {
        settings.lambda == lambda && settings.weakNegativeWeight == weight && settings.weakNegativeTarget == target
            && settings.linearView == linearView
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

    static func load(from url: URL) -> WeakNegativesCache? {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        var reader = ByteReader(data: data)
        guard reader.bytes(magic.count) == magic,
              let count = reader.uint32().map(Int.init), let lambda = reader.float(), let weight = reader.float(),
              let target = reader.float(), let view = reader.uint32(), view <= 1,
              let libraryPapers = reader.uint64().map(Int.init),
              let idBytes = reader.uint32().map(Int.init), let idData = reader.bytes(idBytes),
              let factor = reader.floats(count * count), let solved = reader.floats(count), reader.isAtEnd
        else { return nil }
        let ids = String(decoding: idData, as: UTF8.self).split(separator: "\n").map(String.init)
        guard ids.count == count else { return nil }
        return WeakNegativesCache(
            ids: ids, libraryPapers: libraryPapers, lambda: lambda, weight: weight, target: target,
            linearView: view == 1 ? .phrases : .content, factor: Matrix(rows: count, columns: count, storage: factor), solvedTargets: solved
        )
    }

    func write(to url: URL) throws {
        var data = Data(Self.magic)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func append(_ value: Float) { append(value.bitPattern) }
        append(UInt32(ids.count))
        append(lambda)
        append(weight)
        append(target)
        append(UInt32(linearView == .phrases ? 1 : 0))
        append(UInt64(libraryPapers))
        let idData = Data(ids.joined(separator: "\n").utf8)
        append(UInt32(idData.count))
        data.append(idData)
        for value in factor.storage { append(value) }
        for value in solvedTargets { append(value) }
        try data.write(to: url, options: .atomic)
    }

    /// Reads little-endian values from cache bytes; nil past the end.
    private struct ByteReader {
        let data: Data
        var offset = 0

        var isAtEnd: Bool { offset == data.count }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count >= 0, offset + count <= data.count else { return nil }
            defer { offset += count }
            return Array(data[data.startIndex + offset ..< data.startIndex + offset + count])
        }

        mutating func uint32() -> UInt32? { integer() }
        mutating func uint64() -> UInt64? { integer() }
        mutating func float() -> Float? { uint32().map(Float.init(bitPattern:)) }

        mutating func floats(_ count: Int) -> [Float]? {
            guard count >= 0, offset + count * 4 <= data.count else { return nil }
            var values = [Float](repeating: 0, count: count)
            values.withUnsafeMutableBytes { target in
                _ = data.copyBytes(to: target, from: data.startIndex + offset ..< data.startIndex + offset + count * 4)
            }
            offset += count * 4
            return values.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
        }

        private mutating func integer<T: FixedWidthInteger>() -> T? {
            let size = MemoryLayout<T>.size
            guard offset + size <= data.count else { return nil }
            var value: T = 0
            withUnsafeMutableBytes(of: &value) { target in
                _ = data.copyBytes(to: target, from: data.startIndex + offset ..< data.startIndex + offset + size)
            }
            offset += size
            return T(littleEndian: value)
        }
    }
}
