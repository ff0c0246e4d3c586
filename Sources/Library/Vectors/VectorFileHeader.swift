/// The fixed header of `vectors-<modelID>.f32`.
///
/// Layout (little-endian):
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `ARXVEC1\0` |
/// | 8 | 4 | format version (1) |
/// | 12 | 4 | header size in bytes, a multiple of 64 |
/// | 16 | 4 | dimension |
/// | 20 | 4 | model id length in bytes |
/// | 24 | 8 | row count |
/// | 32 | 8 | generation (equals `vector_index.generation` of the database the rows belong to) |
/// | 40 | 24 | zero |
/// | 64 | … | model id, UTF-8, zero-padded to the header size |
///
/// Then `rowCount × dimension` Float32 values, row-major; row r starts at
/// `headerSize + r × dimension × 4`, 64-byte aligned relative to the file start because the header
/// size is a multiple of 64 (so a mapped row never straddles an odd boundary).
struct VectorFileHeader: Equatable {
    static let magic: [UInt8] = Array("ARXVEC1\0".utf8)
    static let formatVersion: UInt32 = 1
    /// Bytes before the model id.
    static let fixedSize = 64
    /// Longest model id, in UTF-8 bytes.
    static let maxModelIDBytes = 128

    var dimension: Int
    var rowCount: Int
    var generation: Int64
    var modelID: String

    /// Header bytes: the fixed part plus the model id rounded up to 64.
    var size: Int { Self.size(modelIDBytes: modelID.utf8.count) }

    static func size(modelIDBytes: Int) -> Int { fixedSize + (max(modelIDBytes, 1) + 63) / 64 * 64 }

    /// Bytes per row.
    var rowBytes: Int { dimension * MemoryLayout<Float>.size }

    /// Byte offset of `row`.
    func offset(ofRow row: Int) -> Int { size + row * rowBytes }

    func encoded() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.replaceSubrange(0..<8, with: Self.magic)
        HeaderFields.put(UInt64(Self.formatVersion), bytes: 4, at: 8, in: &bytes)
        HeaderFields.put(UInt64(size), bytes: 4, at: 12, in: &bytes)
        HeaderFields.put(UInt64(dimension), bytes: 4, at: 16, in: &bytes)
        HeaderFields.put(UInt64(modelID.utf8.count), bytes: 4, at: 20, in: &bytes)
        HeaderFields.put(UInt64(rowCount), bytes: 8, at: 24, in: &bytes)
        HeaderFields.put(UInt64(bitPattern: generation), bytes: 8, at: 32, in: &bytes)
        bytes.replaceSubrange(Self.fixedSize..<(Self.fixedSize + modelID.utf8.count), with: Array(modelID.utf8))
        return bytes
    }

    /// The header size a file claims, from its first 64 bytes, or why those bytes are no header.
    static func claimedSize(_ prefix: [UInt8]) -> Result<Int, VectorHeaderProblem> {
        guard prefix.count >= fixedSize else { return .failure(.truncated(prefix.count)) }
        guard Array(prefix[0..<8]) == magic else { return .failure(.badMagic) }
        let version = HeaderFields.get(prefix, bytes: 4, at: 8)
        guard version == UInt64(formatVersion) else { return .failure(.unsupportedVersion(version)) }
        let size = Int(HeaderFields.get(prefix, bytes: 4, at: 12))
        let idLength = Int(HeaderFields.get(prefix, bytes: 4, at: 20))
        guard idLength >= 1, idLength <= maxModelIDBytes, size == Self.size(modelIDBytes: idLength) else {
            return .failure(.badHeaderSize(size))
        }
        return .success(size)
    }

    /// Decodes a whole header (`claimedSize` bytes).
    static func decode(_ bytes: [UInt8]) -> Result<VectorFileHeader, VectorHeaderProblem> {
        let size: Int
        switch claimedSize(bytes) {
        case .success(let value): size = value
        case .failure(let problem): return .failure(problem)
        }
        guard bytes.count >= size else { return .failure(.truncated(bytes.count)) }
        let idLength = Int(HeaderFields.get(bytes, bytes: 4, at: 20))
        let idBytes = bytes[fixedSize..<(fixedSize + idLength)]
        guard let modelID = String(validating: idBytes, as: UTF8.self) else { return .failure(.badModelID) }
        let header = VectorFileHeader(
            dimension: Int(HeaderFields.get(bytes, bytes: 4, at: 16)),
            rowCount: Int(clamping: HeaderFields.get(bytes, bytes: 8, at: 24)),
            generation: Int64(bitPattern: HeaderFields.get(bytes, bytes: 8, at: 32)),
            modelID: modelID)
        guard header.dimension >= 1 else { return .failure(.badDimension(header.dimension)) }
        return .success(header)
    }
}

/// Why the bytes at the start of a vector file are not a usable header.
enum VectorHeaderProblem: Error, Equatable, CustomStringConvertible {
    case truncated(Int)
    case badMagic
    case unsupportedVersion(UInt64)
    case badHeaderSize(Int)
    case badModelID
    case badDimension(Int)

    var description: String {
        switch self {
        case .truncated(let bytes): return "header truncated at \(bytes) bytes"
        case .badMagic: return "no ARXVEC1 magic: not an arxrec vector file"
        case .unsupportedVersion(let version): return "format version \(version), expected \(VectorFileHeader.formatVersion)"
        case .badHeaderSize(let size): return "header size \(size) does not match its model id"
        case .badModelID: return "model id is not UTF-8"
        case .badDimension(let dimension): return "dimension \(dimension)"
        }
    }
}
