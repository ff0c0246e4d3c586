import Foundation

/// Where a library lives when the user does not say (design.md, "Data directory").
public enum DataDirectory {
    /// The vector file of model `modelID`: one Float32 row per paper (``VectorFileHeader``).
    public static func vectorFileName(modelID: String) -> String { "vectors-\(modelID).f32" }

    /// The 8-bit copy of that vector file which whole-library scans read first (``QuantizedFileHeader``).
    public static func quantizedVectorFileName(modelID: String) -> String { "vectors-\(modelID).i8" }

    /// The data directory, by precedence: `--data-dir` (`explicit`) > `$ARXREC_HOME` >
    /// `$XDG_DATA_HOME/arxrec` > `~/.local/share/arxrec`.
    ///
    /// Empty values count as unset. A leading `~` in `explicit` or `ARXREC_HOME` is expanded with
    /// `HOME` from `environment` (a shell does it for an unquoted argument, not for `--data-dir=~/x`).
    /// A relative `XDG_DATA_HOME` is ignored, as the XDG Base Directory specification requires.
    /// The directory is not created here; ``Library/open(at:embedder:)`` does that.
    public static func resolve(explicit: String?, environment: [String: String]) -> URL {
        let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        if let explicit = nonEmpty(explicit) { return directoryURL(expandingTilde(explicit, home: home)) }
        if let arxrecHome = nonEmpty(environment["ARXREC_HOME"]) {
            return directoryURL(expandingTilde(arxrecHome, home: home))
        }
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            return directoryURL(xdg).appendingPathComponent("arxrec", isDirectory: true)
        }
        return directoryURL(home).appendingPathComponent(".local/share/arxrec", isDirectory: true)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func expandingTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    private static func directoryURL(_ path: String) -> URL {
        URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }
}
