import Foundation
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
    public static let databaseFileName = "library.sqlite"

    let databasePath: String
    let vectorFilePath: String
    let pool: DatabasePool
    let embedder: any TextEmbedder

    /// The current model's id (the vector file's model).
    public var modelID: String { embedder.modelID }
    /// The current model's dimension.
    public var dimension: Int { embedder.dimension }
    /// `<directory>/vectors-<modelID>.f32`.
    public var vectorFileURL: URL { URL(fileURLWithPath: vectorFilePath) }
    /// `<directory>/library.sqlite`.
    public var databaseURL: URL { URL(fileURLWithPath: databasePath) }

    /// Opens the library in `directory`, creating the directory and the database when missing,
    /// migrating the schema, and reconciling the vector file with the database: rows written by a
    /// killed ingest are dropped, a stale header is fixed, missing rows are re-embedded, and a file
    /// made by another model (or an unreadable one) is rebuilt from the papers' stored text.
    public static func open(at directory: URL, embedder: any TextEmbedder) throws -> Library {
        let modelID = embedder.modelID
        guard isValidModelID(modelID) else { throw LibraryError.invalidModelID(modelID) }
        guard embedder.dimension >= 1 else {
            throw LibraryError.invalidDimension(modelID: modelID, dimension: embedder.dimension)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw LibraryError.directoryUnavailable(path: directory.path, reason: error.localizedDescription)
        }
        let databasePath = directory.appendingPathComponent(databaseFileName).path
        let library = try mappingDatabaseErrors(path: databasePath) {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            configuration.foreignKeysEnabled = true
            let pool = try DatabasePool(path: databasePath, configuration: configuration)
            try LibrarySchema.migrator.migrate(pool)
            return Library(
                directory: directory, databasePath: databasePath,
                vectorFilePath: directory.appendingPathComponent("vectors-\(modelID).f32").path,
                pool: pool, embedder: embedder)
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
        try Self.mappingDatabaseErrors(path: databasePath) { try pool.read(body) }
    }

    /// One write transaction (`BEGIN IMMEDIATE`: it holds the write lock of every process from the
    /// start), SQLite errors mapped to ``LibraryError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mappingDatabaseErrors(path: databasePath) { try pool.write(body) }
    }

    static func mappingDatabaseErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { throw LibraryError.busy(path: path) }
            throw LibraryError.database(path: path, message: error.message ?? "\(error.resultCode)")
        }
    }
}
