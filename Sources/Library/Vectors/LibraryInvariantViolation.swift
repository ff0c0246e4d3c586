/// A way the library's files disagree with each other; ``Library/checkInvariants()`` lists them,
/// and opening the library repairs all but ``integrityCheck(_:)``.
public enum LibraryInvariantViolation: Equatable, Sendable, CustomStringConvertible {
    /// `papers.vector_row` refers to another model's vectors (or to none yet): every paper is re-embedded.
    case vectorIndexForAnotherModel(found: String?, expected: String)
    /// The current model's vector file does not exist: every paper is re-embedded.
    case vectorFileMissing(path: String)
    /// The header is unreadable or describes another model, dimension or generation: every paper is re-embedded.
    case vectorFileUnusable(path: String, reason: String)
    /// A row cut short by a killed write: the partial row is dropped.
    case partialTrailingRow(bytes: Int)
    /// Rows no committed transaction references (a killed ingest appended them): they are dropped.
    case extraRows(fileRows: Int, referencedRows: Int)
    /// Rows the database references but the file lacks: those papers are re-embedded.
    case missingRows(fileRows: Int, referencedRows: Int)
    /// The header's row count disagrees with the database: the header is rewritten.
    case staleHeaderCount(header: Int, referencedRows: Int)
    /// Papers without a vector row: they are embedded and appended.
    case papersWithoutVector(Int)
    /// `PRAGMA integrity_check` reported a problem in the SQLite file (not repaired automatically).
    case integrityCheck(String)

    /// Whether the file must be rebuilt from the papers' text rather than patched.
    var requiresRebuild: Bool {
        switch self {
        case .vectorIndexForAnotherModel, .vectorFileMissing, .vectorFileUnusable: return true
        default: return false
        }
    }

    /// Whether a reader cannot use the file as it is (rows it would map are absent or foreign).
    var blocksReading: Bool {
        if requiresRebuild { return true }
        if case .missingRows = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .vectorIndexForAnotherModel(let found, let expected):
            return "vectors are indexed for model \(found.map { "'\($0)'" } ?? "(none)"), expected '\(expected)': re-embed every paper"
        case .vectorFileMissing(let path):
            return "\(path) is missing: re-embed every paper"
        case .vectorFileUnusable(let path, let reason):
            return "\(path) is unusable (\(reason)): re-embed every paper"
        case .partialTrailingRow(let bytes):
            return "vector file ends with a partial row of \(bytes) bytes: drop it"
        case .extraRows(let fileRows, let referenced):
            return "vector file has \(fileRows) rows, the database references \(referenced): drop the rest"
        case .missingRows(let fileRows, let referenced):
            return "vector file has \(fileRows) rows, the database references \(referenced): re-embed the missing ones"
        case .staleHeaderCount(let header, let referenced):
            return "vector file header counts \(header) rows, the database references \(referenced): rewrite the header"
        case .papersWithoutVector(let count):
            return "\(count) papers have no vector row: embed them"
        case .integrityCheck(let message):
            return "PRAGMA integrity_check: \(message): restore library.sqlite from a backup"
        }
    }
}
