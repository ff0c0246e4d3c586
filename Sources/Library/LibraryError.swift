import ArxivFormats
import Foundation

/// Why a library operation failed; each description is one line naming the file or id and what to do.
public enum LibraryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data directory could not be created or is not a directory.
    case directoryUnavailable(path: String, reason: String)
    /// Another process held the SQLite write lock longer than the busy timeout.
    case busy(path: String)
    /// SQLite reported an error other than busy.
    case database(path: String, message: String)
    /// The model id cannot name a vector file.
    case invalidModelID(String)
    /// The embedder's dimension is not positive.
    case invalidDimension(modelID: String, dimension: Int)
    /// The embedder returned the wrong number of floats.
    case embedderOutput(modelID: String, texts: Int, expected: Int, got: Int)
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
    /// A profile name that is empty, too long or has control characters.
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
        case .invalidModelID(let id):
            return "model id '\(id)' cannot name a vector file: use 1–128 characters from A–Z a–z 0–9 . _ -"
        case .invalidDimension(let id, let dimension):
            return "model '\(id)' reports dimension \(dimension): an embedder's dimension must be at least 1"
        case .embedderOutput(let id, let texts, let expected, let got):
            return "model '\(id)' returned \(got) floats for \(texts) texts, expected \(expected): the embedder is broken, nothing was stored"
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
            return "'\(name)' is not a profile name: use 1–64 printable characters, e.g. default or vision"
        case .unknownProfile(let name):
            return "no profile named '\(name)': `arxrec profile list` shows the profiles"
        case .profileExists(let name):
            return "a profile named '\(name)' exists already: choose another name or delete it first (`arxrec profile delete \(name)`)"
        case .unknownRun(let id):
            return "ingest run \(id) does not exist: call beginRun(source:) first and pass the id it returns"
        }
    }
}
