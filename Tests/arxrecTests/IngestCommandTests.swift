import Foundation
import Testing
import TestSupport

/// `arxrec ingest` and `arxrec stats` end to end on the real samples.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct IngestCommandTests {
    @Test func theDigestGivesTenPapersAndTenVectors() throws {
        let cli = try CLIFixture()
        let first = try cli.run(["ingest", SharedData.digest.path])
        #expect(first.status == 0, "\(first.stderr)")
        let stats = try cli.stats()
        #expect(stats["papers"] as? Int == 10)
        #expect(stats["vectors"] as? Int == 10)
        #expect(stats["ratings"] as? Int == 0)
        #expect((stats["model"] as? String)?.isEmpty == false)

        // Re-ingesting changes nothing.
        let again = try cli.run(["ingest", SharedData.digest.path, "--output", "json"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("\"unchanged\" : 10"))
        #expect(try cli.stats()["papers"] as? Int == 10)
        #expect(try cli.stats()["vectors"] as? Int == 10)
    }

    @Test func everySampleIngestsAndTheErrorFeedIsAClearError() throws {
        let cli = try CLIFixture()
        let api = SharedData.url("arxiv-api")
        let files = try FileManager.default.contentsOfDirectory(atPath: api.path).sorted()
        let good = files.filter { !$0.hasPrefix("id_abc") }.map { api.appendingPathComponent($0).path }
        let result = try cli.run(["ingest"] + good + [SharedData.snapshotSample.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try cli.stats()["papers"] as? Int ?? 0) > 300)

        let abc = try #require(files.first { $0.hasPrefix("id_abc") })
        let error = try cli.run(["ingest", api.appendingPathComponent(abc).path])
        #expect(error.status == 65)
        #expect(error.stderr.contains("incorrect id format for abc"))
        #expect(error.stderr.split(separator: "\n").count == 1, "one line, no stack trace: \(error.stderr)")
    }

    @Test func aMalformedRowIsReportedWithItsLineAndTheRestIsIngested() throws {
        let cli = try CLIFixture()
        var lines = try SharedData.text("digests/2025-12-23.md").components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("2512.19692v1") })
        lines[row] = "| broken row without a link | someone |"
        let path = try cli.write("broken.md", lines.joined(separator: "\n"))
        let result = try cli.run(["ingest", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.md:\(row + 1):"), "\(result.stderr)")
        #expect(try cli.stats()["papers"] as? Int == 9)
    }

    @Test(arguments: [
        ("empty.md", Data()),
        ("binary.bin", Data((0 ..< 4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })),
        ("truncated.xml", Data("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2104.12255v1</id><title>Cut".utf8)),
    ])
    func badFilesAreOneLineErrorsAndStoreNothing(name: String, bytes: Data) throws {
        let cli = try CLIFixture()
        _ = try cli.run(["ingest", SharedData.digest.path])
        let url = cli.home.file(name)
        try bytes.write(to: url)
        let result = try cli.run(["ingest", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(name), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try cli.stats()["papers"] as? Int == 10)
    }

    @Test func standardInputAndFoldersWork() throws {
        let cli = try CLIFixture()
        let piped = try cli.run(["ingest", "--format", "snapshot", "-"], input: try SharedData.data("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl"))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try cli.stats()["papers"] as? Int == 200)
        let folder = try cli.run(["ingest", SharedData.url("digests").path])
        #expect(folder.status == 0)
        #expect(try cli.stats()["papers"] as? Int == 210)
        // A missing file is an error naming it (1), not a usage error: no usage lines.
        let missing = try cli.run(["ingest", "/nonexistent/file.md"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/file.md"))
        #expect(missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
    }
}
