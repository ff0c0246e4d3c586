import LinearAlgebra

/// The fixed header of `vectors-<modelID>.i8` (``DataDirectory/quantizedVectorFileName(modelID:)``), the
/// 8-bit copy of the vector file that whole-library scans read first.
///
/// Layout (little-endian):
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `ARXQ8V1\0` |
/// | 8 | 4 | format version (1) |
/// | 12 | 4 | header size in bytes (64) |
/// | 16 | 4 | dimension |
/// | 20 | 4 | bytes per row (``Int8RowLayout/rowBytes``) |
/// | 24 | 8 | row count: rows `0..<rowCount` are the 8-bit form of the vector file's rows |
/// | 32 | 8 | generation of the vector file the rows were made from (``VectorFileHeader/generation``) |
/// | 40 | 24 | zero |
///
/// Then `rowCount` rows of ``Int8RowLayout``. The file is derived data: when its header does not match the
/// vector file it is not read, and the next write rebuilds it.
struct QuantizedFileHeader: Equatable {
    static let magic: [UInt8] = Array("ARXQ8V1\0".utf8)
    static let formatVersion: UInt32 = 1
    static let size = 64

    var layout: Int8RowLayout
    var rowCount: Int
    var generation: Int64

    /// Byte offset of `row`.
    func offset(ofRow row: Int) -> Int { Self.size + row * layout.rowBytes }

    func encoded() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.size)
        bytes.replaceSubrange(0..<8, with: Self.magic)
        HeaderFields.put(UInt64(Self.formatVersion), bytes: 4, at: 8, in: &bytes)
        HeaderFields.put(UInt64(Self.size), bytes: 4, at: 12, in: &bytes)
        HeaderFields.put(UInt64(layout.dimension), bytes: 4, at: 16, in: &bytes)
        HeaderFields.put(UInt64(layout.rowBytes), bytes: 4, at: 20, in: &bytes)
        HeaderFields.put(UInt64(rowCount), bytes: 8, at: 24, in: &bytes)
        HeaderFields.put(UInt64(bitPattern: generation), bytes: 8, at: 32, in: &bytes)
        return bytes
    }

    /// The header in `bytes`, or why they are no header of this format.
    static func decode(_ bytes: [UInt8]) -> Result<QuantizedFileHeader, VectorHeaderProblem> {
        guard bytes.count >= size else { return .failure(.truncated(bytes.count)) }
        guard Array(bytes[0..<8]) == magic else { return .failure(.badMagic) }
        let version = HeaderFields.get(bytes, bytes: 4, at: 8)
        guard version == UInt64(formatVersion) else { return .failure(.unsupportedVersion(version)) }
        guard HeaderFields.get(bytes, bytes: 4, at: 12) == UInt64(size) else { return .failure(.badHeaderSize(Int(HeaderFields.get(bytes, bytes: 4, at: 12)))) }
        let dimension = Int(HeaderFields.get(bytes, bytes: 4, at: 16))
        guard dimension >= 1 else { return .failure(.badDimension(dimension)) }
        let layout = Int8RowLayout(dimension: dimension)
        guard HeaderFields.get(bytes, bytes: 4, at: 20) == UInt64(layout.rowBytes) else { return .failure(.badDimension(dimension)) }
        return .success(QuantizedFileHeader(
            layout: layout, rowCount: Int(clamping: HeaderFields.get(bytes, bytes: 8, at: 24)),
            generation: Int64(bitPattern: HeaderFields.get(bytes, bytes: 8, at: 32))))
    }
}
