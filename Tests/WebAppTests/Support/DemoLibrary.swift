import Foundation
import Library
import Recommender
import TestSupport
import TextEmbedding

/// A real library in a temp directory made the way `Scripts/demo` makes it, by the built `arxrec` binary,
/// from the demo data: the bundled listings (`Scripts/demo-data/*.jsonl.gz`) of the week around
/// ``listingDay`` plus the liked papers (a debug build ingests the whole 5,697 in half a minute; a week's
/// 1,100 papers are as real), the 2025-12-23 digest and the example profile (`example-likes.txt`, in profile
/// `default`). Built once per test process, then copied, so every test rates in its own library.
final class DemoLibrary: @unchecked Sendable {
    let directory: TemporaryDirectory
    let recommender: Recommender
    var library: Library { recommender.library }
    var path: String { directory.url.path }

    /// An English listing day of the bundled data with a full day of papers.
    static let listingDay = "2025-12-03"
    /// The announcement days ingested.
    static let days = "2025-11-26"..."2025-12-04"

    /// The bundled model, loaded once per test process.
    private static let model = Result { try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory()) }

    private static let template: Result<URL, any Error> = Result {
        let demoData = SharedData.repositoryRoot.appendingPathComponent("Scripts/demo-data")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arxrec-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let listings = directory.appendingPathComponent("listings.jsonl")
        try gunzip(demoData.appendingPathComponent("arxiv-cs-2025-11-12.jsonl.gz"), to: listings)
        let likes = try String(contentsOf: demoData.appendingPathComponent("example-likes.txt"), encoding: .utf8)
        try keepWeek(of: listings, likes: Set(likes.split(whereSeparator: \.isWhitespace).map(String.init)))
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
        let model = try Self.model.get()
        var recommender = Recommender(
            library: try Library.open(at: directory.url, embedder: ModelEmbedder(model: model)), model: model)
        // A smaller weak-negative sample keeps debug-build tests quick; the code path is the same.
        recommender.settings.weakNegativeCount = weakNegatives
        self.recommender = recommender
    }

    /// What the Recommender itself ranks for ``listingDay`` in profile `default` (as `arxrec shortlist --date`
    /// would), computed off the test's thread.
    func shortlist(top: Int = 10) async throws -> Shortlist {
        let recommender = recommender
        return try await offload {
            try recommender.shortlist(
                for: "default", candidates: recommender.library.papers(listedOn: Self.listingDay), date: Self.listingDay, top: top)
        }
    }

    /// Keeps the snapshot lines announced in ``days`` or naming a liked paper.
    private static func keepWeek(of file: URL, likes: Set<String>) throws {
        let lines = try Data(contentsOf: file).split(separator: UInt8(ascii: "\n"))
        var kept = Data()
        for line in lines {
            guard let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            let day = record["update_date"] as? String ?? ""
            if days.contains(day) || likes.contains(record["id"] as? String ?? "") {
                kept += line
                kept.append(UInt8(ascii: "\n"))
            }
        }
        try kept.write(to: file)
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
