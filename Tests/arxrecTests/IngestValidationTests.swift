import Foundation
import Testing
import TestSupport

/// `arxrec ingest` on the damaged files of issue 15: a bad record is one `file:line:` warning and exit
/// 2 with every good record stored; a Windows digest reads like the original; XML the parser cannot
/// take is one error line and exit 65, never a crash.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct IngestValidationTests {
    /// A `"version": "v0"` record used to fail its batch's CHECK constraint in SQLite: nothing of the
    /// file after it was stored, exit 65, and the message blamed the library.
    @Test func aVersionZeroRecordIsAWarningAndTheRestIsStored() throws {
        let cli = try CLIFixture()
        var lines = try SharedData.text("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl").split(separator: "\n").map(String.init)
        lines[3] = lines[3].replacingOccurrences(of: #"{"version":"v1""#, with: #"{"version":"v0""#)
        lines[150] = lines[150].replacingOccurrences(of: #"{"version":"v1""#, with: #"{"version":"v-1""#)
        let path = try cli.write("v0.jsonl", lines.joined(separator: "\n") + "\n")
        let result = try cli.run(["ingest", path])
        #expect(result.status == 2, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 2, "\(result.stderr)")
        #expect(warnings.first?.hasPrefix("\(path):4: record 0704.0004 has version 'v0'") == true, "\(result.stderr)")
        #expect(warnings.last?.hasPrefix("\(path):151: ") == true, "\(result.stderr)")
        #expect(!result.stderr.contains("SQLite"))
        let stats = try cli.stats()
        #expect(stats["papers"] as? Int == 198)
        #expect(stats["vectors"] as? Int == 198)
    }

    /// A CR LF digest used to ingest nothing and exit 0, so the daily job said "no new papers".
    @Test func aDigestSavedOnWindowsIngestsLikeTheOriginal() throws {
        let cli = try CLIFixture()
        let original = try SharedData.data("digests/2025-12-23.md")
        let windows = Data([0xEF, 0xBB, 0xBF]) + Data(original.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: [0x0D, 0x0A]))
        let url = cli.home.file("2025-12-23-windows.md")
        try windows.write(to: url)
        let result = try cli.run(["ingest", url.path, "--output", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"inserted\" : 10"), "\(result.stdout)")
        let again = try cli.run(["ingest", SharedData.digest.path, "--output", "json"])
        #expect(again.stdout.contains("\"unchanged\" : 10"), "the same papers, to the byte: \(again.stdout)")
    }

    /// One flipped byte in `<?xml` or an element name crashed inside FoundationXML (SIGILL); a record
    /// nested 100,000 deep overflowed the stack (SIGSEGV).
    @Test func xmlTheParserCannotTakeIsOneErrorLine() throws {
        let cli = try CLIFixture()
        let api = SharedData.url("arxiv-api")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: api.path).first { $0.hasPrefix("q_testing_s0_m10_") })
        let data = try Data(contentsOf: api.appendingPathComponent(name))
        var badDeclaration = data
        badDeclaration[3] = 0xFF
        let entry = try #require(data.firstRange(of: Data("<entry>".utf8)))
        var badName = data
        badName[entry.lowerBound + 3] = 0xC3
        let deep = data.prefix(upTo: entry.upperBound) + Data(String(repeating: "<a>", count: 100_000).utf8)
            + Data(String(repeating: "</a>", count: 100_000).utf8) + data.suffix(from: entry.upperBound)
        for (file, bytes, message) in [
            ("declaration.xml", badDeclaration, ":1: byte offset 3 is not UTF-8 text"),
            ("name.xml", badName, "is not UTF-8 text"), ("deep.xml", deep, "elements nested deeper than 256"),
        ] {
            let url = cli.home.file(file)
            try bytes.write(to: url)
            let result = try cli.run(["ingest", url.path])
            #expect(!result.signalled && result.status == 65, "\(file): \(result.status) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(url.path) && result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try cli.stats()["papers"] as? Int == 0)
    }
}
