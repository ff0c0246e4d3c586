import Foundation
import LinearAlgebra

/// Little-endian writing of the library's cache files (``WeakNegativesCache``, ``NoiseSampleCache``).
struct CacheByteWriter {
    private(set) var data: Data

    init(magic: [UInt8]) { data = Data(magic) }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func append(_ value: Float) { append(value.bitPattern) }

    /// The view a cache's linear vectors were made with: UInt32 0 content, 1 phrases.
    mutating func append(_ view: LinearView) { append(UInt32(view == .phrases ? 1 : 0)) }

    mutating func append(_ values: [Float]) {
        data.reserveCapacity(data.count + 4 * values.count)
        for value in values { append(value.bitPattern) }
    }

    /// UInt32 byte length, then the ids joined by line feeds (UTF-8).
    mutating func append(ids: [String]) {
        let bytes = Data(ids.joined(separator: "\n").utf8)
        append(UInt32(bytes.count))
        data.append(bytes)
    }

    /// UInt32 count of entries, then their Int32 indices and their Float32 values.
    mutating func append(_ vector: SparseVector) {
        append(UInt32(vector.indices.count))
        for index in vector.indices { append(index) }
        append(vector.values)
    }

    /// `vector`, or only ``CacheByteReader/sameAsContent`` when it equals `content` (a linear view that is
    /// the content view), which halves a content-view cache.
    mutating func append(_ vector: SparseVector, content: SparseVector) {
        if vector == content { append(CacheByteReader.sameAsContent) } else { append(vector) }
    }

    func write(to url: URL) throws { try data.write(to: url, options: .atomic) }
}

/// Reads what ``CacheByteWriter`` wrote; every read is nil past the end or on a value that cannot be valid,
/// so a damaged cache is refused (and rebuilt by its owner), never trusted or trapped on.
struct CacheByteReader {
    let data: Data
    var offset = 0

    /// The count that stands for "the same vector as the content view" (no vector has this many entries).
    static let sameAsContent = UInt32.max

    /// The bytes of the file at `url` (mapped), or nil when it cannot be read.
    init?(contentsOf url: URL) {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        self.data = data
    }

    var isAtEnd: Bool { offset == data.count }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= data.count - offset else { return nil }
        defer { offset += count }
        return Array(data[data.startIndex + offset ..< data.startIndex + offset + count])
    }

    mutating func uint32() -> UInt32? { integer() }
    mutating func uint64() -> UInt64? { integer() }
    mutating func float() -> Float? { uint32().map(Float.init(bitPattern:)) }

    /// A view written by ``CacheByteWriter/append(_:)-(LinearView)``; nil for any other code.
    mutating func linearView() -> LinearView? {
        switch uint32() {
        case 0: .content
        case 1: .phrases
        default: nil
        }
    }

    /// `count` little-endian Float32, copied straight into the array (a weak-negative cache's 16 MB factor).
    mutating func floats(_ count: Int) -> [Float]? {
        guard count >= 0, count <= (data.count - offset) / 4 else { return nil }
        let start = data.startIndex + offset
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer), from: start ..< start + count * 4)
            initialized = count
        }
        offset += count * 4
        #if _endian(big)
        return values.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
        #else
        return values
        #endif
    }

    /// The ids written by ``CacheByteWriter/append(ids:)``.
    mutating func ids() -> [String]? {
        guard let length = uint32().map(Int.init), let bytes = bytes(length) else { return nil }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A vector written by ``CacheByteWriter/append(_:)``: its indices strictly increasing and below
    /// `featureCount`, its values finite.
    mutating func sparseVector(featureCount: Int) -> SparseVector? {
        guard let count = uint32() else { return nil }
        return sparseVector(count: Int(count), featureCount: featureCount)
    }

    /// A vector written by ``CacheByteWriter/append(_:content:)``: `content` when it was the same.
    mutating func sparseVector(featureCount: Int, content: SparseVector) -> SparseVector? {
        guard let count = uint32() else { return nil }
        return count == Self.sameAsContent ? content : sparseVector(count: Int(count), featureCount: featureCount)
    }

    private mutating func sparseVector(count: Int, featureCount: Int) -> SparseVector? {
        guard count <= featureCount, let words = words(count), let values = floats(count) else { return nil }
        var indices = [Int32](repeating: 0, count: count)
        var previous = -1
        for i in 0 ..< count {
            let index = Int(Int32(bitPattern: words[i]))
            guard index > previous, index < featureCount, values[i].isFinite else { return nil }
            indices[i] = Int32(index)
            previous = index
        }
        return SparseVector(indices: indices, values: values)
    }

    /// `count` little-endian UInt32 (the bit patterns of Float32 or Int32 values).
    mutating func words(_ count: Int) -> [UInt32]? {
        guard count >= 0, count <= (data.count - offset) / 4 else { return nil }
        var values = [UInt32](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            _ = data.copyBytes(to: target, from: data.startIndex + offset ..< data.startIndex + offset + count * 4)
        }
        offset += count * 4
        #if _endian(big)
        for i in values.indices { values[i] = UInt32(littleEndian: values[i]) }
        #endif
        return values
    }

    private mutating func integer<T: FixedWidthInteger>() -> T? {
        let size = MemoryLayout<T>.size
        guard size <= data.count - offset else { return nil }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            _ = data.copyBytes(to: target, from: data.startIndex + offset ..< data.startIndex + offset + size)
        }
        offset += size
        return T(littleEndian: value)
    }
}
