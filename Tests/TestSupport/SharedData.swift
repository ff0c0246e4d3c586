public import Foundation
import Testing

/// Locates the project's read-only real data (`../shared/data` beside the repository).
///
/// Tests run from a clone whose parent folder holds `shared/`; `ARXREC_SHARED_DATA` overrides the
/// location. The repository root is found from this file's path, so the tests do not depend on the
/// working directory.
public enum SharedData {
    /// The repository root (the folder holding `Package.swift`).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data`, or `$ARXREC_SHARED_DATA`.
    public static var root: URL {
        if let override = ProcessInfo.processInfo.environment["ARXREC_SHARED_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// A file under the shared data folder, e.g. `url("digests/2025-12-23.md")`. A file that is not there
    /// fails the calling test with ``Missing``'s message, which says how to point the tests at the data,
    /// rather than letting it fail later on a bare "no such file".
    public static func url(_ relativePath: String) -> URL {
        let url = root.appendingPathComponent(relativePath)
        if !FileManager.default.fileExists(atPath: url.path) { Issue.record(Comment(rawValue: Missing(url: url).description)) }
        return url
    }

    /// The bytes of a shared data file.
    public static func data(_ relativePath: String) throws -> Data {
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(url: url) }
        return data
    }

    /// The text of a shared data file.
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }

    /// A shared data file that cannot be read.
    public struct Missing: Error, CustomStringConvertible {
        public let url: URL

        public var description: String {
            "\(url.path) is missing: the tests read the project's real data from ../shared/data beside the "
                + "repository; set ARXREC_SHARED_DATA to the folder holding digests/ and corpus/ (see README, Development)"
        }
    }

    /// The real digest of 2025-12-23.
    public static var digest: URL { url("digests/2025-12-23.md") }
    /// The 40,717-paper corpus of 2025 cs listings (snapshot JSON lines).
    public static var corpus: URL { url("corpus/arxiv-cs-2025.jsonl") }
    /// Chinese structured summaries of 37,984 of the corpus's papers (JSON lines, paired by id).
    public static var chineseCorpus: URL { url("corpus/arxiv-cs-2025-zh.jsonl") }
    /// The first 200 lines of the bulk metadata snapshot.
    public static var snapshotSample: URL { url("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl") }
}
