import Foundation

/// Finds the real data the benchmarks run on: `$ARXREC_SHARED_DATA` when set, else `../shared/data` next to
/// the repository this package lives in (found from this source file's path, so it works from any working
/// directory).
public enum SharedData {
    /// The data folder (holds `corpus/`, `snapshot/`, `digests/`).
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["ARXREC_SHARED_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        // …/<repo>/Benchmarks/Sources/BenchmarkData/SharedData.swift → …/<repo>/../shared/data
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data", isDirectory: true)
    }

    /// The 40,717-paper dev corpus (arXiv snapshot JSON lines).
    public static var corpus: URL { directory.appendingPathComponent("corpus/arxiv-cs-2025.jsonl") }

    /// The first 200 lines of arXiv's bulk snapshot.
    public static var snapshotSample: URL {
        directory.appendingPathComponent("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl")
    }

    /// `url`, or a stop with a line that says how to point the benchmarks at the data.
    public static func require(_ url: URL) -> URL {
        guard FileManager.default.fileExists(atPath: url.path) else {
            fatalError("\(url.path) is missing: set ARXREC_SHARED_DATA to the folder holding corpus/ and snapshot/")
        }
        return url
    }
}
