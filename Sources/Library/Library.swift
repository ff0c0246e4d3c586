public import Foundation
public import LinearAlgebra
import GRDB

/// A local arXiv library: `library.sqlite` (papers, ratings, profiles, shortlists, ingest runs) and
/// `vectors-<modelID>.f32` (one embedding row per paper) in one data directory.
///
/// The only type that writes either file. Every write is one SQLite transaction, so a killed
/// process leaves whole papers or nothing; the vector file is ordered around those transactions so
/// that the database is always the truth (see `Library+VectorInvariants.swift`). Any number of
/// `Library` values, in one process or several, may use the same directory at once: SQLite's WAL
/// mode lets readers run beside one writer, and writers queue for up to ``busyTimeout``.
public struct Library: Sendable {
    /// The data directory.
    public let directory: URL
    /// How long a writer waits for another process's transaction before failing with
    /// ``LibraryError/busy(path:)``.
    public static let busyTimeout: TimeInterval = 10
    /// The database file's name inside the data directory.

    let databasePath: String
    let vectorFilePath: String
    /// A `DatabasePool` (WAL: readers beside one writer), or a read-only `DatabaseQueue`.
    let database: any DatabaseWriter
    let embedder: any TextEmbedder
    /// Opened by ``openReadOnly(at:embedder:)``: nothing is written, nothing repaired.
    public let isReadOnly: Bool

    /// The current model's id (the vector file's model).
    public var modelID: String { embedder.modelID }
    /// The current model's dimension.
    public var dimension: Int { embedder.dimension }
    /// `<directory>/vectors-<modelID>.f32`.
    public var vectorFileURL: URL { URL(fileURLWithPath: vectorFilePath) }
    /// `<directory>/vectors-<modelID>.i8`: the vector file's rows in 8 bits, which whole-library scans read first.
    public var quantizedVectorFileURL: URL { directory.appendingPathComponent(DataDirectory.quantizedVectorFileName(modelID: modelID)) }
    /// `<directory>/vectors-<modelID>.p8`, `.w8` and `.h8`: the rows' leading dimensions in 8 bits (``Int8Prefix``),
    /// which scans of a large library read before the full 8-bit rows.
    public func prefixVectorFileURL(_ prefix: Int8Prefix) -> URL {
        directory.appendingPathComponent(DataDirectory.prefixVectorFileName(modelID: modelID, prefix: prefix))
    }
    /// `<directory>/library.sqlite`.
    public var databaseURL: URL { URL(fileURLWithPath: databasePath) }

    /// How a command means to use the library.
    public enum Access: Sendable, Equatable {
        /// Create, migrate and repair as needed; writes allowed.
        case readWrite
        /// Read-write when the data directory and its database can be written, else read-only
        /// (``openReadOnly(at:embedder:)``): for commands that only read, so that a library on
        /// read-only media, or owned by another user, still answers.
        case readOnlyWhereUnwritable
    }

    /// Opens the library in `directory`, creating the directory and the database when missing,
    /// migrating the schema, and reconciling the vector file with the database: rows written by a
    /// killed ingest are dropped, a stale header is fixed, missing rows are re-embedded, and a file
    /// made by another model (or an unreadable one) is rebuilt from the papers' stored text.
    ///
    /// With `access` ``Access/readOnlyWhereUnwritable`` an existing library that this process cannot write
    /// is opened read-only instead (see ``isWritable(_:)``).
    /// - Throws: ``LibraryError/emptyDatabaseFile(path:)`` when `library.sqlite` exists with no bytes:
    ///   SQLite would silently start a new, empty library in it.
    public static func open(at directory: URL, embedder: any TextEmbedder, access: Access = .readWrite) throws -> Library {
        let modelID = embedder.modelID
        guard isValidModelID(modelID) else { throw LibraryError.invalidModelID(modelID) }
        guard embedder.dimension >= 1 else {
            throw LibraryError.invalidDimension(modelID: modelID, dimension: embedder.dimension)
        }
        let databasePath = directory.appendingPathComponent(DataDirectory.databaseFileName).path
        try refuseEmptyDatabaseFile(databasePath)
        if FileManager.default.fileExists(atPath: directory.path), !isWritable(directory) {
            guard access == .readOnlyWhereUnwritable, FileManager.default.fileExists(atPath: databasePath) else {
                throw LibraryError.readOnly(path: directory.path)
            }
            return try openReadOnly(at: directory, embedder: embedder)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw LibraryError.directoryUnavailable(path: directory.path, reason: error.localizedDescription)
        }
        let library = try mappingDatabaseErrors(path: databasePath) {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            configuration.foreignKeysEnabled = true
            let pool = try DatabasePool(path: databasePath, configuration: configuration)
            try LibrarySchema.migrator.migrate(pool)
            return Library(
                directory: directory, databasePath: databasePath,
                vectorFilePath: directory.appendingPathComponent(DataDirectory.vectorFileName(modelID: modelID)).path,
                database: pool, embedder: embedder, isReadOnly: false)
        }
        library.removeAbandonedRebuildFiles()
        try library.reconcileVectors()
        return library
    }

    /// A model id names a file, so it is limited to a portable file-name alphabet.
    static func isValidModelID(_ id: String) -> Bool {
        let bytes = id.utf8
        return (1...VectorFileHeader.maxModelIDBytes).contains(bytes.count) && id != "." && id != ".."
            && bytes.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x5F || byte == 0x2D
            }
    }

    /// One read transaction (a consistent snapshot), SQLite errors mapped to ``LibraryError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mappingDatabaseErrors(path: databasePath) { try database.read(body) }
    }

    /// One write transaction (`BEGIN IMMEDIATE`: it holds the write lock of every process from the
    /// start), SQLite errors mapped to ``LibraryError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mappingDatabaseErrors(path: databasePath) { try database.write(body) }
    }

    /// Runs `body`, turning SQLite's errors into ``LibraryError``: busy, read-only and disk-full have their
    /// own cases (each says what to do), as does a vector-file write that ran out of space.
    static func mappingDatabaseErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw LibraryError.busy(path: path)
            case .SQLITE_READONLY: throw LibraryError.readOnly(path: path)
            case .SQLITE_FULL: throw LibraryError.diskFull(path: path)
            default: throw LibraryError.database(path: path, message: error.message ?? "\(error.resultCode)")
            }
        } catch LibraryError.vectorFileIO(let file, _, let code) where code == ENOSPC || code == EDQUOT {
            throw LibraryError.diskFull(path: file)
        }
    }
}
