import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A note that the files of one model directory hashed to the id in their `model.json`, kept where the same
/// model is loaded again and again (a library's data directory), so that the next load can skip the hash.
///
/// Why: the id's FNV-1a runs byte by byte over the model's 17 MB (a chain of dependent multiplications,
/// no faster on two cores) and was a fifth of every command's start-up. The note records, for `model.json`
/// and every artifact, the size, inode, modification and status-change times (ns); a file rewritten,
/// replaced or touched changes at least its status-change time, which no one can set back, so a note
/// that still matches means the bytes are the ones that were hashed. Anything else — no note, another
/// model, a file changed — and the model is hashed in full again, as without a note.
///
/// The note is the text of ``fileState(of:)`` taken before the files were read, then the id: compared
/// whole, no parsing.
struct ModelVerificationStamp {
    let url: URL

    /// The files' state as the note records it, and whether it is settled: every file last changed
    /// ``settlingTime`` or more before it was examined. File times tick coarsely (a few ms), so a file
    /// changed again within the same tick as the change the note saw would look unchanged; a state taken
    /// so soon after a change is not recorded (the next load hashes again), as git treats "racy" entries.
    struct FileState {
        let text: String
        let isSettled: Bool
    }

    /// How long after its last change a file must have rested for a note to vouch for it.
    static let settlingTime: Double = 0.1

    /// The state of `directory`'s `model.json` and of every file an artifact may have (a missing one
    /// noted as such), or nil when a file cannot be examined.
    static func fileState(of directory: URL) -> FileState? {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var newest = -Double.infinity
        var lines = ["arxrec model verified 1", "directory \(directory.standardizedFileURL.path)"]
        for name in [EmbeddingModel.manifestFileName] + ArtifactFile.allCases.map(\.fileName) {
            var info = stat()
            guard stat(directory.appendingPathComponent(name).path, &info) == 0 else {
                guard errno == ENOENT else { return nil }
                lines.append("\(name) missing")
                continue
            }
            #if canImport(Darwin)
            let modified = (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
            let changed = (info.st_ctimespec.tv_sec, info.st_ctimespec.tv_nsec)
            #else
            let modified = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
            let changed = (info.st_ctim.tv_sec, info.st_ctim.tv_nsec)
            #endif
            lines.append(
                "\(name) size \(info.st_size) inode \(info.st_ino) modified \(modified.0).\(modified.1) changed \(changed.0).\(changed.1)")
            newest = max(newest, Double(changed.0) + Double(changed.1) / 1e9)
        }
        let examined = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        return FileState(text: lines.joined(separator: "\n") + "\n", isSettled: examined - newest >= settlingTime)
    }

    /// The note for files in `state` that hashed to `id`.
    static func note(state: FileState, id: String) -> String { state.text + "id \(id)\n" }

    /// Whether the note on disk says that files in `state` hashed to `id`.
    func matches(state: FileState, id: String) -> Bool {
        guard let data = try? Data(contentsOf: url) else { return false }
        return data.elementsEqual(Self.note(state: state, id: id).utf8)
    }

    /// Records that files in `state` hashed to `id` (atomically) when the state is settled; a folder that
    /// cannot be written only costs the next load its hash.
    func record(state: FileState, id: String) {
        guard state.isSettled else { return }
        try? Data(Self.note(state: state, id: id).utf8).write(to: url, options: .atomic)
    }
}
