import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if _endian(big)
#error("vector files store little-endian Float32 rows; big-endian hosts would need byte swapping")
#endif

/// An open vector file: the system calls the library makes on it, each turning `-1`/errno into
/// ``LibraryError/vectorFileIO(path:operation:errno:)``. Closed when released.
///
/// Every mutation happens while the caller holds the SQLite write lock, which serialises writers
/// across processes; readers only map rows the database already references.
final class VectorFileHandle {
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens an existing file read-only, or `nil` when there is none.
    static func openForReading(_ path: String) throws(LibraryError) -> VectorFileHandle? {
        let fd = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .vectorFileIO(path: path, operation: "open", errno: errno)
        }
        return VectorFileHandle(path: path, descriptor: fd)
    }

    /// Opens read-write, or `nil` when the file does not exist and `create` is false.
    static func openForWriting(_ path: String, create: Bool) throws(LibraryError) -> VectorFileHandle? {
        let flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0)
        let fd = retryingOnInterrupt { open(path, flags, 0o644) }
        if fd < 0 {
            if errno == ENOENT && !create { return nil }
            throw .vectorFileIO(path: path, operation: "open", errno: errno)
        }
        return VectorFileHandle(path: path, descriptor: fd)
    }

    /// A new file beside `path` for writing a whole file anew (`PATH.rebuild-UUID`, the name the orphan sweep of
    /// `Library+VectorRepair` knows), opened for writing and flock-ed, so a concurrent `open` does not take it for
    /// the real file before it is renamed over `path`. The caller unlinks it if it never renames it.
    static func createRebuildFile(beside path: String) throws(LibraryError) -> VectorFileHandle {
        let temporaryPath = DataDirectory.rebuildPath(of: path, token: UUID().uuidString)
        guard let handle = try openForWriting(temporaryPath, create: true) else {
            throw .vectorFileIO(path: temporaryPath, operation: "create", errno: ENOENT)
        }
        _ = handle.tryLockExclusive()
        return handle
    }

    /// Current size in bytes. The corresponding C function is `fstat`.
    func size() throws(LibraryError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .vectorFileIO(path: path, operation: "fstat", errno: errno) }
        return Int(info.st_size)
    }

    /// Up to `count` bytes from `offset` (fewer at end of file). The corresponding C function is `pread`.
    func read(count: Int, at offset: Int) throws(LibraryError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let done = bytes.withUnsafeMutableBytes { buffer in Result { () throws(LibraryError) in try read(into: buffer, at: offset) } }
        return Array(bytes[0..<(try done.get())])
    }

    /// Fills `buffer` from `offset`, or as much of it as the file holds; the bytes read. The corresponding C
    /// function is `pread`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(LibraryError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = retryingOnInterrupt { pread(descriptor, base + done, buffer.count - done, off_t(offset + done)) }
            if n < 0 { throw .vectorFileIO(path: path, operation: "read", errno: errno) }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Writes all of `bytes` at `offset`. The corresponding C function is `pwrite`.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(LibraryError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = retryingOnInterrupt { pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done)) }
            if n < 0 { throw .vectorFileIO(path: path, operation: "write", errno: errno) }
            done += n
        }
    }

    /// Cuts or zero-extends the file. The corresponding C function is `ftruncate`.
    func truncate(to size: Int) throws(LibraryError) {
        guard retryingOnInterrupt({ ftruncate(descriptor, off_t(size)) }) == 0 else {
            throw .vectorFileIO(path: path, operation: "truncate", errno: errno)
        }
    }

    /// Flushes data and size to the disk. The corresponding C function is `fsync`.
    func sync() throws(LibraryError) {
        guard retryingOnInterrupt({ fsync(descriptor) }) == 0 else {
            throw .vectorFileIO(path: path, operation: "fsync", errno: errno)
        }
    }

    /// Takes an exclusive advisory lock without waiting; `false` when another open file holds it.
    /// Marks a rebuild file as in use, so that `Library.open` deletes only abandoned ones.
    /// The corresponding C function is `flock`.
    func tryLockExclusive() -> Bool { flock(descriptor, LOCK_EX | LOCK_NB) == 0 }

    /// Maps `length` bytes read-only, lends them to `body`, unmaps.
    /// The corresponding C functions are `mmap` and `munmap`.
    func withMappedBytes<R>(length: Int, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        guard let address = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0), address != MAP_FAILED else {
            throw LibraryError.vectorFileIO(path: path, operation: "mmap", errno: errno)
        }
        defer { munmap(address, length) }
        return try body(UnsafeRawBufferPointer(start: address, count: length))
    }

    /// Renames `from` to `to` atomically and makes the rename durable by syncing the directory.
    static func renameDurably(_ from: String, to: String, directory: String) throws(LibraryError) {
        guard rename(from, to) == 0 else { throw .vectorFileIO(path: to, operation: "rename", errno: errno) }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .vectorFileIO(path: directory, operation: "open directory", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .vectorFileIO(path: directory, operation: "fsync directory", errno: errno) }
    }

    private static func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
        var result: T
        repeat { result = call() } while result < 0 && errno == EINTR
        return result
    }

    private func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T { Self.retryingOnInterrupt(call) }
}
