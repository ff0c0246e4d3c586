import Foundation
import Library
import Recommender
import TestSupport
import TextEmbedding

/// A real library in a temp directory made the way `Scripts/demo` makes it, by the built `arxrec` binary:
/// the bundled listings of November–December 2025 (`Scripts/demo-data/*.jsonl.gz`), the 2025-12-23 digest
/// and the example profile (`example-likes.txt`, in profile `default`). Built once per test process, then
/// copied, so every test rates in its own library.
final class DemoLibrary: @unchecked Sendable {
    let directory: TemporaryDirectory
    let recommender: Recommender
    var library: Library { recommender.library }
    var path: String { directory.url.path }

    /// An English listing day of the bundled data with a full day of papers.
    static let listingDay = "2025-12-02"

    private static let template: Result<URL, any Error> = Result {
        let demoData = SharedData.repositoryRoot.appendingPathComponent("Scripts/demo-data")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arxrec-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let listings = directory.appendingPathComponent("listings.jsonl")
        try gunzip(demoData.appendingPathComponent("arxiv-cs-2025-11-12.jsonl.gz"), to: listings)
        let data = ["--data-dir", directory.path]
        for arguments in [
            ["ingest", "--format", "snapshot", listings.path],
            ["ingest", demoData.appendingPathComponent("digests/2025-12-23.md").path],
            ["import-likes", "--offline", demoData.appendingPathComponent("example-likes.txt").path],
        ] {
            let result = try ArxrecProcess.run(arguments + data, environment: ["ARXREC_HOME": directory.path])
            guard result.status == 0 else { throw DemoLibraryError.step(arguments.joined(separator: " "), result.stderr) }
        }
        try FileManager.default.removeItem(at: listings)
        return directory
    }

    init(weakNegatives: Int = 300) throws {
        directory = try TemporaryDirectory(prefix: "arxrec-web")
        let template = try Self.template.get()
        for name in try FileManager.default.contentsOfDirectory(atPath: template.path) where !name.hasSuffix("-shm") {
            try FileManager.default.copyItem(at: template.appendingPathComponent(name), to: directory.file(name))
        }
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        var recommender = Recommender(
            library: try Library.open(at: directory.url, embedder: ModelEmbedder(model: model)), model: model)
        // A smaller weak-negative sample keeps debug-build tests quick; the code path is the same.
        recommender.settings.weakNegativeCount = weakNegatives
        self.recommender = recommender
    }

    private static func gunzip(_ source: URL, to destination: URL) throws {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil) else {
            throw DemoLibraryError.step("create \(destination.path)", "")
        }
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", source.path]
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DemoLibraryError.step("gzip -dc \(source.path)", "") }
    }
}

enum DemoLibraryError: Error, CustomStringConvertible {
    case step(String, String)

    var description: String {
        switch self {
        case .step(let command, let stderr): return "building the demo library: `\(command)` failed: \(stderr)"
        }
    }
}
