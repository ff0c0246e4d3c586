import Foundation

/// A copy of the projection's Float16 rows in memory the kernel backs with 2 MB pages where it can
/// (`madvise(MADV_HUGEPAGE)`), for embedding many texts.
///
/// Why: the 12.6 MB table in 4 KB pages spans 3,072 pages, more than the TLB holds, and a text's ~150 rows
/// lie on ~150 random pages, so a row's prefetch first waits for a page walk (a nested one under a
/// hypervisor); prefetching the next text's rows while this one is summed lost time without huge pages and
/// gained with them (perf, session 12). In 2 MB pages the table is 7 TLB entries. The copy (~3 ms) is made
/// once per model, on the first batch (``LazyHugePageRows``), never for a single query. Where the kernel
/// gives no huge pages the copy still works, only without the gain.
final class HugePageRows: Sendable {
    private static let hugePage = 2 << 20
    /// The mapping's start and size, for `munmap` (as integers: the class is shared between threads).
    private let mappingAddress: Int
    private let mappedBytes: Int
    /// The halves, 2 MB aligned (as an integer address, see above).
    private let address: Int

    /// A copy of `rows`, or nil when no memory could be mapped (or there is nothing to copy).
    init?(_ rows: HalfRows) {
        let bytes = rows.count * MemoryLayout<UInt16>.stride
        guard bytes > 0 else { return nil }
        let size = bytes + Self.hugePage
        guard let mapping = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            mapping != MAP_FAILED
        else { return nil }
        let start = Int(bitPattern: mapping)
        let aligned = mapping + ((start + Self.hugePage - 1) / Self.hugePage * Self.hugePage - start)
        _ = madvise(aligned, bytes, Int32(MADV_HUGEPAGE))
        rows.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { aligned.copyMemory(from: base, byteCount: bytes) }
        }
        mappingAddress = start
        mappedBytes = size
        address = Int(bitPattern: aligned)
    }

    /// The halves (row-major, as ``HalfRows``); valid while this copy lives.
    var halves: UnsafePointer<UInt16>? { UnsafePointer(bitPattern: address) }

    deinit { munmap(UnsafeMutableRawPointer(bitPattern: mappingAddress), mappedBytes) }
}

/// A model's ``HugePageRows``, made on first use and then shared by every batch embedder of the model
/// (ingest embeds 1,000 papers a call: a copy per call would cost more than it saves).
final class LazyHugePageRows: @unchecked Sendable {
    private let rows: HalfRows
    private let lock = NSLock()
    private var copy: HugePageRows?? = nil

    init(_ rows: HalfRows) {
        self.rows = rows
    }

    /// The copy (made now if it is the first call), or nil when none could be made.
    func value() -> HugePageRows? {
        lock.withLock {
            if let copy { return copy }
            let made = HugePageRows(rows)
            copy = .some(made)
            return made
        }
    }
}
