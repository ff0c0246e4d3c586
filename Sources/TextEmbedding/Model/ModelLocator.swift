import Foundation

/// Finds the default model's directory.
///
/// In order: `$ARXREC_MODEL_DIR` (a model directory); `Models/<defaultModelName>` in the executable's
/// directory or any directory above it (covers `.build/release/arxrec` inside a checkout, and test
/// bundles); `../share/arxrec/Models/<defaultModelName>` next to the executable's directory (an installed
/// `bin/arxrec`).
public enum ModelLocator {
    /// The folder name of the model committed in `Models/`.
    public static let defaultModelName = "arxiv-cs-2025"

    /// The directory of the default model, or ``ModelError/notFound(searched:)`` listing where it looked.
    public static func defaultModelDirectory() throws(ModelError) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["ARXREC_MODEL_DIR"], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            guard isModel(url) else { throw .notFound(searched: ["$ARXREC_MODEL_DIR=\(override)"]) }
            return url
        }
        var searched: [String] = []
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else {
            throw .notFound(searched: ["$ARXREC_MODEL_DIR (unset)"])
        }
        let executableDirectory = executable.deletingLastPathComponent()
        var directory = executableDirectory
        while true {
            let candidate = directory.appendingPathComponent("Models").appendingPathComponent(defaultModelName)
            if isModel(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path || directory.path == "/" { break }
            directory = parent
        }
        searched.append("Models/\(defaultModelName) above \(executableDirectory.path)")
        let installed = executableDirectory.deletingLastPathComponent()
            .appendingPathComponent("share/arxrec/Models").appendingPathComponent(defaultModelName)
        if isModel(installed) { return installed.standardizedFileURL }
        searched.append(installed.standardizedFileURL.path)
        throw .notFound(searched: searched)
    }

    private static func isModel(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(EmbeddingModel.manifestFileName).path)
    }
}
