import ArxivFormats
import Foundation

/// Why a library operation failed; each description is one line naming the file or id and what to do.
public enum LibraryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data directory could not be created or is not a directory.
    case directoryUnavailable(path: String, reason: String)
    /// Another process held the SQLite write lock longer than the busy timeout.
    case busy(path: String)
    /// SQLite reported an error other than busy, read-only or full.
    case database(path: String, message: String)
    /// A write to the database or the vector file found no space left on the device.
    case diskFull(path: String)
    /// A write to a library this process may only read (a read-only directory or mount).
    case readOnly(path: String)
    /// The library is readable but cannot be used without writing (an upgrade or a repair is due).
    case needsWriteAccess(path: String, reason: String)
    /// `library.sqlite` exists but has no bytes: a lost library, never silently a new one.
    case emptyDatabaseFile(path: String)
    /// A read-only open found no library in the directory.
    case notALibrary(path: String)
    /// The model id cannot name a vector file.
    case invalidModelID(String)
    /// The embedder's dimension is not positive.
    case invalidDimension(modelID: String, dimension: Int)
    /// The embedder returned the wrong number of floats.
    case embedderOutput(modelID: String, texts: Int, expected: Int, got: Int)
    /// The embedder returned a row that is not finite and unit length (or zero) for a text.
    case embedderRow(modelID: String, text: String)
    /// A system call on the vector file failed.
    case vectorFileIO(path: String, operation: String, errno: Int32)
    /// The vector file disagrees with the database in a way that this process cannot repair while reading.
    case vectorFileInconsistent(path: String, reason: String)
    /// The id is not in the library.
    case unknownPaper(String)
    /// A stored row cannot be turned back into its Swift value.
    case corruptRow(table: String, key: String, reason: String)
    /// A day that is not `YYYY-MM-DD`.
    case invalidDay(String)
    /// A profile name outside ``Library/isValidProfileName(_:)``.
    case invalidProfileName(String)
    /// `finishRun` for a run id that `beginRun` never returned.
    case unknownRun(Int64)
    /// No profile has this name.
    case unknownProfile(String)
    /// A profile of this name exists already.
    case profileExists(String)

    public var description: String {
        switch self {
        case .directoryUnavailable(let path, let reason):
            return "cannot use data directory \(path): \(reason); pass --data-dir or set ARXREC_HOME to a writable folder"
        case .busy(let path):
            return "\(path) is locked by another arxrec process for longer than the busy timeout; retry when it finishes"
        case .database(let path, let message):
            return "\(path): SQLite error: \(message); if it persists, run `sqlite3 \(path) 'PRAGMA integrity_check'`"
        case .diskFull(let path):
            return "\(path): the disk is full; free some space and rerun (what was being written was not stored)"
        case .readOnly(let path):
            return "\(path) is read-only for this process: run the command where the data directory is writable (or as its owner)"
        case .needsWriteAccess(let path, let reason):
            return "\(path) is read-only for this process and \(reason): run any arxrec command once with write access to it"
        case .emptyDatabaseFile(let path):
            return "\(path) is empty (0 bytes), so it holds no library: restore it from a backup, or delete it to start a new library"
        case .notALibrary(let path):
            return "\(path) holds no library (no \(DataDirectory.databaseFileName)): pass --data-dir or set ARXREC_HOME to your library"
        case .invalidModelID(let id):
            return "model id '\(id)' cannot name a vector file: use 1–128 characters from A–Z a–z 0–9 . _ -"
        case .invalidDimension(let id, let dimension):
            return "model '\(id)' reports dimension \(dimension): an embedder's dimension must be at least 1"
        case .embedderOutput(let id, let texts, let expected, let got):
            return "model '\(id)' returned \(got) floats for \(texts) texts, expected \(expected): the embedder is broken, nothing was stored"
        case .embedderRow(let id, let text):
            return "model '\(id)' returned a vector that is not finite and unit length for '\(text)': the model files are damaged, reinstall arxrec or refit; nothing was stored"
        case .vectorFileIO(let path, let operation, let errno):
            return "\(path): \(operation) failed: \(String(cString: strerror(errno))) (errno \(errno)); free disk space or fix permissions and rerun"
        case .vectorFileInconsistent(let path, let reason):
            return "\(path): \(reason); reopen the library (it repairs the file) or run `arxrec reindex`"
        case .unknownPaper(let id):
            return "\(id) is not in the library: ingest a file that contains it or run `arxrec fetch --ids \(id)`"
        case .corruptRow(let table, let key, let reason):
            return "\(table) row '\(key)' is unreadable: \(reason); re-ingest the paper or restore the library from a backup"
        case .invalidDay(let text):
            return "'\(text)' is not a day: expected YYYY-MM-DD, e.g. 2025-12-23"
        case .invalidProfileName(let name):
            return "profile name '\(EchoedInput.shortened(name))': use 1–64 letters, digits, '-', '_' or '.', e.g. default or vision"
        case .unknownProfile(let name):
            return "no profile named '\(EchoedInput.shortened(name))': `arxrec profile list` shows the profiles"
        case .profileExists(let name):
            return "a profile named '\(EchoedInput.shortened(name))' exists already: choose another name or delete it first (`arxrec profile delete \(name)`)"
        case .unknownRun(let id):
            return "ingest run \(id) does not exist: call beginRun(source:) first and pass the id it returns"
        }
    }
}
