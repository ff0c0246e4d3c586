public import Foundation
public import LinearAlgebra

/// Where a library lives when the user does not say (design.md, "Data directory"), and the name of
/// everything in it: every module that reads or sweeps the directory asks here.
public enum DataDirectory {
    /// The SQLite database: papers, ratings, profiles, shortlists. Its absence means "no library here".
    public static let databaseFileName = "library.sqlite"

    /// The vector file of model `modelID`: one Float32 row per paper (``VectorFileHeader``).
    public static func vectorFileName(modelID: String) -> String { "\(vectorPrefix)\(modelID)\(vectorSuffix)" }

    /// The 8-bit copy of that vector file which whole-library scans read first (``QuantizedFileHeader``).
    public static func quantizedVectorFileName(modelID: String) -> String { "\(vectorPrefix)\(modelID)\(quantizedSuffix)" }

    /// The 8-bit copy of that vector file's leading dimensions, which large-library scans read before
    /// the full copy (``Int8Prefix``; same header as the full copy): `.p8` for the narrow prefix, `.w8` for
    /// the wide one, `.h8` for the half.
    public static func prefixVectorFileName(modelID: String, prefix: Int8Prefix) -> String {
        "\(vectorPrefix)\(modelID)\(prefixSuffix(prefix))"
    }

    /// Whether `name` is the vector file of some model.
    public static func isVectorFile(_ name: String) -> Bool { name.hasPrefix(vectorPrefix) && name.hasSuffix(vectorSuffix) }

    /// Whether `name` is the vector file, or one of its 8-bit copies, of some model.
    public static func isVectorFileOrCopy(_ name: String) -> Bool {
        isVectorFile(name) || (name.hasPrefix(vectorPrefix) && copySuffixes.contains { name.hasSuffix($0) })
    }

    /// The file a whole vector file (or 8-bit copy) is written to before it is renamed over `path`.
    static func rebuildPath(of path: String, token: String) -> String { "\(path)\(rebuildMarker)\(token)" }

    /// Whether `name` is such a rebuild file of a vector file or a copy (left behind when its writer died).
    public static func isVectorRebuildFile(_ name: String) -> Bool {
        name.hasPrefix(vectorPrefix)
            && ([vectorSuffix] + copySuffixes).contains { name.contains($0 + rebuildMarker) }
    }

    /// The weak-negative cache of model `modelID`: the sample every ridge profile shares, and its factor.
    public static func weakNegativesFileName(modelID: String) -> String { "\(weakNegativesPrefix)\(modelID)\(weakNegativesSuffix)" }

    /// Whether `name` is the weak-negative cache of some model.
    public static func isWeakNegativesFile(_ name: String) -> Bool {
        name.hasPrefix(weakNegativesPrefix) && name.hasSuffix(weakNegativesSuffix)
    }

    /// The learned bar's noise-sample cache of model `modelID`: the sample's papers and their vectors.
    public static func noiseSampleFileName(modelID: String) -> String { "\(noiseSamplePrefix)\(modelID)\(noiseSampleSuffix)" }

    /// Whether `name` is the noise-sample cache of some model.
    public static func isNoiseSampleFile(_ name: String) -> Bool {
        name.hasPrefix(noiseSamplePrefix) && name.hasSuffix(noiseSampleSuffix)
    }

    /// The calibration-views cache of model `modelID`: the dense rows of its 400 calibration pairs, which a
    /// Chinese text's scoring derives each language's mean from.
    public static func calibrationViewsFileName(modelID: String) -> String { "\(calibrationViewsPrefix)\(modelID)\(calibrationViewsSuffix)" }

    /// Whether `name` is the calibration-views cache of some model.
    public static func isCalibrationViewsFile(_ name: String) -> Bool {
        name.hasPrefix(calibrationViewsPrefix) && name.hasSuffix(calibrationViewsSuffix)
    }

    /// Where a library notes that the model files it is used with were verified (the model's
    /// `ModelVerificationStamp`), so the next command can skip hashing them.
    public static let modelStampFileName = "model-verified.txt"

    /// The folder of a model refitted for this library (`model fit --output`, `reindex --model`), used
    /// instead of the bundled one when it holds a `model.json`.
    public static let modelFolderName = "model"
    /// The daily job's settings (`arxrec daily --init` writes it).
    public static let dailyConfigFileName = "config.json"
    /// The daily job's memory: the last day it delivered, so a re-run does not deliver twice.
    public static let dailyStateFileName = "daily-state.json"
    /// The daily job's published shortlists (`DAY-PROFILE.FORMAT`).
    public static let shortlistFolderName = "shortlists"

    private static let vectorPrefix = "vectors-"
    private static let vectorSuffix = ".f32"
    private static let quantizedSuffix = ".i8"
    private static func prefixSuffix(_ prefix: Int8Prefix) -> String {
        switch prefix {
        case .narrow: ".p8"
        case .wide: ".w8"
        case .half: ".h8"
        }
    }
    /// The suffixes of the vector file's 8-bit copies.
    private static let copySuffixes = [quantizedSuffix] + Int8Prefix.allCases.map(prefixSuffix)
    private static let rebuildMarker = ".rebuild-"
    private static let weakNegativesPrefix = "weak-negatives-"
    private static let weakNegativesSuffix = ".bin"
    private static let noiseSamplePrefix = "noise-sample-"
    private static let noiseSampleSuffix = ".bin"
    private static let calibrationViewsPrefix = "calibration-views-"
    private static let calibrationViewsSuffix = ".bin"

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
