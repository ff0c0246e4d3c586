import Foundation

/// The projection's Float16 bit patterns (row-major), either held in an array or read in place from the
/// memory-mapped model file.
///
/// Copying the 12.6 MB `projection-rows` payload out of the mapped file was 12 % of a cold `arxrec similar`'s
/// CPU (perf, 2026-12-01, Benchmarks/README run 9): every page of the file and of the copy faulted in, though
/// one query's embedding reads ~150 of its 24,590 rows and an id's `similar` none. Read in place, only the rows
/// a command uses are ever paged in. The file's bytes are little-endian and the payload starts 32 bytes into a
/// page-aligned mapping, so on a little-endian CPU they are the `UInt16` values as they are.
struct HalfRows: Sendable {
    private enum Storage: Sendable {
        case owned([UInt16])
        /// The mapped file and where its payload starts.
        case mapped(Data, offset: Int)
    }

    private let storage: Storage
    /// How many halves.
    let count: Int

    init(_ values: [UInt16]) {
        self.init(storage: .owned(values), count: values.count)
    }

    private init(storage: Storage, count: Int) {
        self.storage = storage
        self.count = count
    }

    /// The payload in place, or a copy where it cannot be read in place (a big-endian CPU, a payload that is
    /// not 2-byte aligned).
    init(payload: ArtifactPayload) {
        let offset = ArtifactFile.headerSize
        let aligned = payload.data.withUnsafeBytes { raw in
            raw.baseAddress.map { Int(bitPattern: $0 + offset) % MemoryLayout<UInt16>.alignment == 0 } ?? false
        }
        if UInt16(littleEndian: 1) == 1 && aligned && payload.data.count == offset + 2 * payload.count {
            self.init(storage: .mapped(payload.data, offset: offset), count: payload.count)
        } else {
            self.init(payload.elements(as: UInt16.self))
        }
    }

    /// Calls `body` with the halves.
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt16>) throws -> R) rethrows -> R {
        switch storage {
        case .owned(let values):
            return try values.withUnsafeBufferPointer(body)
        case .mapped(let data, let offset):
            return try data.withUnsafeBytes { raw in
                let payload = UnsafeRawBufferPointer(rebasing: raw[offset ..< offset + 2 * count])
                return try body(payload.assumingMemoryBound(to: UInt16.self))
            }
        }
    }

    /// The halves as an array (a copy when mapped): for writing and refitting a model, not for embedding.
    var array: [UInt16] {
        switch storage {
        case .owned(let values): values
        case .mapped: withUnsafeBufferPointer { Array($0) }
        }
    }
}
