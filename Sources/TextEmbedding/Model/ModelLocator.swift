public import Foundation

/// Finds the default model's directory.
///
/// In order: `$ARXREC_MODEL_DIR` (a model directory); `Models/<defaultModelName>` in the executable's
/// directory or any directory above it (covers `.build/release/arxrec` inside a checkout, and test
/// bundles); ``installedModelsFolder(executableDirectory:)``/`<defaultModelName>` (an installed
/// `bin/arxrec`).
public enum ModelLocator {
    /// The folder name of the model committed in `Models/`.
    public static let defaultModelName = "arxiv-cs-2025"

    /// Where an installed binary's models live, relative to the folder above its `bin/`: `Scripts/install-daily-job`
    /// asks the installed binary for this folder (`arxrec model path --install-folder`) instead of
    /// spelling it again, so the installer and the locator cannot disagree.
    public static let installedModelsPath = "share/arxrec/Models"

    /// `<prefix>/share/arxrec/Models` for an executable in `<prefix>/bin`: the folder an installer
    /// copies `Models/` into.
    public static func installedModelsFolder(executableDirectory: URL) -> URL {
        executableDirectory.deletingLastPathComponent().appendingPathComponent(installedModelsPath, isDirectory: true)
            .standardizedFileURL
    }

    /// The folder of the running executable (symlinks resolved), or nil when the platform cannot say.
    public static var executableDirectory: URL? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The directory of the default model, or ``ModelError/notFound(searched:)`` listing where it looked.
    public static func defaultModelDirectory() throws(ModelError) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["ARXREC_MODEL_DIR"], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            guard isModel(url) else { throw .notFound(searched: ["$ARXREC_MODEL_DIR=\(override)"]) }
            return url
        }
        var searched: [String] = []
        guard let executableDirectory else { throw .notFound(searched: ["$ARXREC_MODEL_DIR (unset)"]) }
        var directory = executableDirectory
        while true {
            let candidate = directory.appendingPathComponent("Models").appendingPathComponent(defaultModelName)
            if isModel(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path || directory.path == "/" { break }
            directory = parent
        }
        searched.append("Models/\(defaultModelName) above \(executableDirectory.path)")
        let installed = installedModelsFolder(executableDirectory: executableDirectory).appendingPathComponent(defaultModelName)
        if isModel(installed) { return installed }
        searched.append(installed.path)
        throw .notFound(searched: searched)
    }

    private static func isModel(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(EmbeddingModel.manifestFileName).path)
    }
}
