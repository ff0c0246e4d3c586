import ArgumentParser
import ArxivFormats
import Foundation

/// A file the user named for a command to read (`import-likes FILE`, `shortlist --input`, `ingest`'s
/// paths, `evaluate --corpus` …): checked and read here so that a missing or unreadable one is always
/// the same one-line error (exit 1) naming it — never a usage error, never bad data.
enum InputFile {
    /// Checks that `path` names something readable: a regular file, or a folder when `folders`.
    /// Returns whether it is a folder.
    @discardableResult
    static func check(_ path: String, folders: Bool = false) throws(InputFileError) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .missing(path: path) }
        if isFolder.boolValue {
            guard folders else { throw .isFolder(path: path) }
            guard FileManager.default.isReadableFile(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
            return true
        }
        guard FileManager.default.isReadableFile(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        return false
    }

    /// The whole content of `path`; `-` reads standard input.
    static func read(_ path: String) throws(InputFileError) -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        try check(path)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Why an input file could not be read.
enum InputFileError: CommandFailure, Equatable {
    case missing(path: String)
    case isFolder(path: String)
    case unreadable(path: String, reason: String)

    var exitStatus: ExitCode { .failure }

    var description: String {
        switch self {
        case .missing(let path):
            return "\(EchoedInput.shortened(path)): no such file: check the path"
        case .isFolder(let path):
            return "\(EchoedInput.shortened(path)) is a folder: give a file"
        case .unreadable(let path, let reason):
            return "\(EchoedInput.shortened(path)): cannot read the file (\(reason)): check the path and its permissions"
        }
    }
}
