public import Foundation
import GRDB

extension Library {
    /// Opens an existing library for reading only: nothing is created, migrated, repaired or written.
    ///
    /// For a data directory this process cannot write (read-only media, a backup mounted read-only,
    /// another user's library). SQLite cannot open a WAL database read-only through the usual path when
    /// its `-shm` file is missing and cannot be created, which is the state a cleanly closed library is
    /// in; so the database is opened `immutable` unless a `-wal` file shows that a writer is at work
    /// (then `mode=ro`, reading the writer's shared memory). Any write fails with
    /// ``LibraryError/readOnly(path:)``.
    /// - Throws: ``LibraryError/notALibrary(path:)`` when there is no database,
    ///   ``LibraryError/needsWriteAccess(path:reason:)`` when the schema is older than this arxrec
    ///   (an upgrade has to write).
    public static func openReadOnly(at directory: URL, embedder: any TextEmbedder) throws -> Library {
        let modelID = embedder.modelID
        guard isValidModelID(modelID) else { throw LibraryError.invalidModelID(modelID) }
        guard embedder.dimension >= 1 else {
            throw LibraryError.invalidDimension(modelID: modelID, dimension: embedder.dimension)
        }
        let databasePath = directory.appendingPathComponent(DataDirectory.databaseFileName).path
        guard FileManager.default.fileExists(atPath: databasePath) else { throw LibraryError.notALibrary(path: directory.path) }
        try refuseEmptyDatabaseFile(databasePath)
        let writerAtWork = FileManager.default.fileExists(atPath: databasePath + "-wal")
        return try mappingDatabaseErrors(path: databasePath) {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(busyTimeout)
            configuration.foreignKeysEnabled = true
            let queue = try DatabaseQueue(
                path: sqliteURI(path: databasePath, parameter: writerAtWork ? "mode=ro" : "immutable=1"),
                configuration: configuration)
            guard try queue.read({ db in try LibrarySchema.migrator.hasCompletedMigrations(db) }) else {
                throw LibraryError.needsWriteAccess(
                    path: directory.path, reason: "its database was made by an older arxrec and has to be upgraded")
            }
            return Library(
                directory: directory, databasePath: databasePath,
                vectorFilePath: directory.appendingPathComponent(DataDirectory.vectorFileName(modelID: modelID)).path,
                database: queue, embedder: embedder, isReadOnly: true)
        }
    }

    /// Whether this process may write `directory` and, when they exist, the database and vector files
    /// in it — the decision between ``open(at:embedder:access:)``'s two paths. The corresponding C
    /// function is `access` (`W_OK`), which also reports a read-only mount, even to root.
    public static func isWritable(_ directory: URL) -> Bool {
        guard access(directory.path, W_OK) == 0 else { return false }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0 == DataDirectory.databaseFileName || DataDirectory.isVectorFile($0) }
            .allSatisfy { access(directory.appendingPathComponent($0).path, W_OK) == 0 }
    }

    /// A zero-byte `library.sqlite` is a library that lost its content (a failed copy, a truncated
    /// restore), not a new one: SQLite would take it for an empty database and the next command would
    /// silently start over.
    static func refuseEmptyDatabaseFile(_ path: String) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? NSNumber)?.intValue == 0, attributes[.type] as? FileAttributeType == .typeRegular
        else { return }
        throw LibraryError.emptyDatabaseFile(path: path)
    }

    /// `file:<path>?<parameter>` with the characters a URI gives meaning to (`%`, `?`, `#`) escaped.
    /// Related SQLite documentation: <https://www.sqlite.org/uri.html>.
    static func sqliteURI(path: String, parameter: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:\(escaped)?\(parameter)"
    }
}
