import ArgumentParser
import ArxivFormats
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file a command writes for the user — an export, a day's shortlist, the daily job's state —
/// replaced whole or not at all, and nothing else ever touched.
///
/// The bytes go to a new file beside the target (created exclusively, so it never clobbers anything),
/// are synced, and the new file is renamed over the target: a reader sees the old file or the new one,
/// a killed or failed write leaves the old one. A target that exists and is not a regular file (a
/// folder, a device) is refused before anything is written; a symbolic link is followed to the file it
/// names. Every command that writes an output file goes through this type.
struct OutputFile {
    /// The path as the user gave it, for messages.
    let path: String

    init(_ path: String) { self.path = path }
    init(_ url: URL) { self.path = url.path }

    /// Writes `data` through the streaming `write` below.
    func write(_ data: Data) throws {
        try write { writer in try writer.write(data) }
    }

    /// Lets `body` stream the new content into a fresh file beside the target, then renames it over
    /// the target. On any error the fresh file is removed and the target is as it was. Throws
    /// ``OutputFileError``, or what `body` throws.
    func write(_ body: (inout Writer) throws -> Void) throws {
        let target = try checkedTarget()
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let partial = (folder.isEmpty ? "." : folder) + "/.\(name).\(UInt64.random(in: 0...UInt64.max)).partial"
        let existingMode = Self.fileMode(target)
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existingMode ?? 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
        var writer = Writer(descriptor: descriptor, path: path)
        do {
            defer { close(descriptor) }
            try body(&writer)
            // The mode of a replaced file survives (open's mode is filtered by the umask).
            if let existingMode { fchmod(descriptor, existingMode) }
            guard fsync(descriptor) == 0 else { throw Self.failure(path, errno) }
        } catch {
            unlink(partial)
            throw error
        }
        guard rename(partial, target) == 0 else {
            let code = errno
            unlink(partial)
            throw Self.failure(path, code)
        }
    }

    /// The file to replace: `path`, or the file a symbolic link at `path` names. Refuses a target
    /// that exists and is not a regular file, and a folder that does not exist.
    func checkedTarget() throws(OutputFileError) -> String {
        guard !path.isEmpty else { throw .notAFile(path: path, kind: "an empty path") }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        if stat(target, &info) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG else { throw .notAFile(path: path, kind: type == S_IFDIR ? "a folder" : "not a regular file") }
            return target
        }
        let folder = (target as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) else {
            throw .noFolder(path: path, folder: folder)
        }
        return target
    }

    private static func fileMode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    static func failure(_ path: String, _ code: Int32) -> OutputFileError {
        code == ENOSPC || code == EDQUOT ? .diskFull(path: path) : .cannotWrite(path: path, reason: String(cString: strerror(code)))
    }

    /// Appends to the fresh file. The corresponding C function is `write`.
    struct Writer {
        fileprivate let descriptor: Int32
        fileprivate let path: String

        mutating func write(_ data: Data) throws {
            try data.withUnsafeBytes { try write($0) }
        }

        mutating func write(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try write($0) }
        }

        /// Throws ``OutputFileError``.
        mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            guard let base = bytes.baseAddress else { return }
            var done = 0
            while done < bytes.count {
                let count = systemWrite(descriptor, base + done, bytes.count - done)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw OutputFile.failure(path, errno)
                }
                done += count
            }
        }
    }
}

/// Why an output file was not written; the target is unchanged in every case.
enum OutputFileError: CommandFailure {
    case notAFile(path: String, kind: String)
    case noFolder(path: String, folder: String)
    /// Something that is not a folder sits where output files go (`shortlists/`).
    case notAFolder(path: String)
    case cannotWrite(path: String, reason: String)
    case diskFull(path: String)

    var exitStatus: ExitCode { .failure }

    var description: String {
        switch self {
        case .notAFile(let path, let kind):
            return "\(EchoedInput.shortened(path)) is \(kind), not a file: give the name of a file to write (nothing was changed)"
        case .noFolder(let path, let folder):
            return "\(EchoedInput.shortened(path)): the folder \(EchoedInput.shortened(folder)) does not exist: create it first"
        case .notAFolder(let path):
            return "\(EchoedInput.shortened(path)) is not a folder, but arxrec writes its files into a folder there: move it away and rerun"
        case .cannotWrite(let path, let reason):
            return "cannot write \(EchoedInput.shortened(path)) (\(reason)): check the folder's permissions (nothing was changed)"
        case .diskFull(let path):
            return "cannot write \(EchoedInput.shortened(path)): the disk is full; free some space and rerun (nothing was changed)"
        }
    }
}

/// The C `write`, which `Writer.write` would otherwise shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
