import Foundation
import Testing
import TestSupport
@testable import ArxivFormats
import LinearAlgebra

struct SnapshotReaderTests {
    /// Reads a whole file through `SnapshotReader`, stopping after `limit` papers if given.
    static func read(_ url: URL, file: String, maxLineBytes: Int = 4 << 20, chunkSize: Int = 1 << 20,
                     limit: Int? = nil) throws -> (papers: [Paper], issues: [ParseIssue]) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var papers: [Paper] = []
        var issues: [ParseIssue] = []
        struct Enough: Error {}
        do {
            try SnapshotReader(handle: handle, file: file, maxLineBytes: maxLineBytes, prefix: Data(), chunkSize: chunkSize)
                .forEach { paper in
                    papers.append(paper)
                    if let limit, papers.count >= limit { throw Enough() }
                } issue: { issues.append($0) }
        } catch is Enough {}
        return (papers, issues)
    }

    @Test func theSnapshotSample() throws {
        let (papers, issues) = try Self.read(SharedData.snapshotSample, file: "sample.jsonl")
        #expect(issues.isEmpty, "\(issues)")
        #expect(papers.count == 200)
        let first = try #require(papers.first)
        #expect(first.id.description == "0704.0001v2")
        #expect(first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies")
        #expect(first.categories == ["hep-ph"])
        #expect(first.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"])
        #expect(first.abstract.hasPrefix("A fully differential calculation in perturbative quantum chromodynamics is presented"))
        #expect(first.published == Date(timeIntervalSince1970: 1_175_541_522)) // Mon, 2 Apr 2007 19:18:42 GMT
        #expect(first.updated == Date(timeIntervalSince1970: 1_227_657_600)) // 2008-11-26
        #expect(first.source == .snapshot && first.language == "en")
        #expect(papers[1].id.description == "0704.0002v2")
        #expect(papers[1].categories == ["math.CO", "cs.CG"])
        #expect(papers.last?.id.base == "0704.0200")
        // Small chunks split lines (and UTF-8 sequences) across reads: same result.
        let (again, _) = try Self.read(SharedData.snapshotSample, file: "sample.jsonl", chunkSize: 777)
        #expect(again == papers)
    }

    @Test func theCorpusStreams() throws {
        let (papers, issues) = try Self.read(SharedData.corpus, file: "corpus.jsonl", limit: 2000)
        #expect(issues.isEmpty, "\(issues)")
        #expect(papers.count == 2000)
        let first = try #require(papers.first)
        #expect(first.id.description == "2503.11731v1")
        #expect(first.categories == ["cs.CV", "cs.RO"])
        #expect(first.authors.count == 16)
        #expect(first.published == Date(timeIntervalSince1970: 1_742_328_000)) // Tue, 18 Mar 2025 20:00:00 GMT
        #expect(Set(papers.map(\.id)).count == 2000)
        #expect(papers.allSatisfy { !$0.title.isEmpty && !$0.abstract.isEmpty && $0.primaryCategory != nil })
    }

    @Test func aTruncatedLineInTheMiddleIsAnIssue() throws {
        let lines = try SharedData.text("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl")
            .split(separator: "\n").prefix(5).map(String.init)
        let broken = [lines[0], lines[1], String(lines[2].prefix(300)), lines[3], "", lines[4]].joined(separator: "\n")
        let directory = try TemporaryDirectory()
        let url = directory.file("broken.jsonl")
        try Data(broken.utf8).write(to: url)
        let (papers, issues) = try Self.read(url, file: "broken.jsonl")
        #expect(papers.map(\.id.base) == ["0704.0001", "0704.0002", "0704.0004", "0704.0005"])
        #expect(issues.count == 1)
        #expect(issues.first?.line == 3)
        #expect(issues.first?.description.hasPrefix("broken.jsonl:3: invalid JSON record") == true)
    }

    @Test func aRecordWithoutTitleOrValidIdIsAnIssue() throws {
        let text = """
        {"id":"0704.0001","title":"A","abstract":"x","categories":"hep-ph","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}]}
        {"id":"not an id","title":"B"}
        {"id":"0704.0003","title":null}
        {"title":"no id"}
        """
        let directory = try TemporaryDirectory()
        let url = directory.file("records.jsonl")
        try Data(text.utf8).write(to: url)
        let (papers, issues) = try Self.read(url, file: "records.jsonl")
        #expect(papers.map(\.id.description) == ["0704.0001v1"])
        #expect(issues.map(\.line) == [2, 3, 4])
        #expect(issues[2].message.contains("missing field 'id'"))
    }

    @Test func aOneLineTruncatedFileIsOneError() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("one.jsonl")
        try Data(#"{"id":"0704.0001","title":"Calcul"#.utf8).write(to: url)
        #expect {
            _ = try Self.read(url, file: "one.jsonl")
        } throws: { error in
            guard case FeedParseError.invalidJSON(let file, let line, _) = error else { return false }
            return file == "one.jsonl" && line == 1
        }
    }

    @Test func emptyAndBinaryFilesAreOneError() throws {
        let directory = try TemporaryDirectory()
        let empty = directory.file("empty.jsonl")
        try Data("\n\n".utf8).write(to: empty)
        #expect(throws: FeedParseError.empty(file: "empty.jsonl")) { try Self.read(empty, file: "empty.jsonl") }
        let binary = directory.file("random.bin")
        var generator = SeededGenerator(seed: 42)
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[10] = 0
        try Data(bytes).write(to: binary)
        #expect(throws: FeedParseError.binary(file: "random.bin")) { try Self.read(binary, file: "random.bin") }
    }

    /// A 100 MB line is streamed past without being buffered: the issue names its line and the good
    /// line after it is still read. The file is written in 1 MB chunks so the test itself stays small.
    @Test func aHundredMegabyteLineIsSkippedWhileStreaming() throws {
        let sample = try SharedData.text("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl").split(separator: "\n")
        let directory = try TemporaryDirectory()
        let url = directory.file("huge.jsonl")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let writer = try FileHandle(forWritingTo: url)
        try writer.write(contentsOf: Data((sample[0] + "\n").utf8))
        try writer.write(contentsOf: Data(#"{"id":"0704.9999","title":""#.utf8))
        let filler = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<100 { try writer.write(contentsOf: filler) }
        try writer.write(contentsOf: Data(("\"}\n" + sample[1] + "\n").utf8))
        try writer.close()

        let (papers, issues) = try Self.read(url, file: "huge.jsonl")
        #expect(papers.map(\.id.base) == ["0704.0001", "0704.0002"])
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.line == 2)
        #expect(issue.message.contains("exceeds the 4194304-byte line limit"))
    }

    @Test func aSingleOversizedLineIsOneError() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("long.jsonl")
        try Data(repeating: UInt8(ascii: "x"), count: 5000).write(to: url)
        #expect(throws: FeedParseError.lineTooLong(file: "long.jsonl", line: 1, bytes: 5000, limit: 1000)) {
            try Self.read(url, file: "long.jsonl", maxLineBytes: 1000, chunkSize: 300)
        }
    }
}
