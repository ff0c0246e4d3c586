import Foundation
import Testing
import TestSupport
@testable import ArxivFormats
import LinearAlgebra

struct SourceReaderTests {
    static func read(_ url: URL?, format: SourceFormat? = nil, file: String) throws -> (papers: [Paper], issues: [ParseIssue]) {
        var papers: [Paper] = []
        var issues: [ParseIssue] = []
        try SourceReader.read(url, format: format, file: file) { papers.append($0) } issue: { issues.append($0) }
        return (papers, issues)
    }

    @Test func readsEverySampleKind() throws {
        #expect(try Self.read(SharedData.digest, file: "d.md").papers.count == 10)
        #expect(try Self.read(SharedData.snapshotSample, file: "s.jsonl").papers.count == 200)
        let atom = SharedData.url("arxiv-api/\(try AtomParserTests.file("q_testing_s0_m100_"))")
        #expect(try Self.read(atom, file: "a.xml").papers.count == 100)
        let rss = try Self.read(Fixtures.url("rss-cs.CV-2025-12-30.xml"), file: "r.xml")
        #expect(rss.papers.count == 4 && rss.issues.count == 1)
        #expect(try Self.read(Fixtures.url("oai-arXivRaw-page2.xml"), file: "o.xml").papers.count == 2)
    }

    @Test func renamedFilesAreDetectedByContent() throws {
        let directory = try TemporaryDirectory()
        let digest = directory.file("digest.txt")
        try SharedData.data("digests/2025-12-23.md").write(to: digest)
        #expect(try Self.read(digest, file: "digest.txt").papers.map(\.id.base).first == "2512.19693")
        let jsonl = directory.file("snapshot")
        try Data(contentsOf: SharedData.snapshotSample).write(to: jsonl)
        #expect(try Self.read(jsonl, file: "snapshot").papers.count == 200)
    }

    @Test func issuesArriveInDocumentOrder() throws {
        let text = """
        # arxiv 2025-12-23
        | 标题 | 作者 | PDF链接 | 摘要 |
        |---|---|---|---|
        | 一 | A | [PDF](https://arxiv.org/pdf/2512.00001v1) | 甲 |
        | 二 | B | 无链接 | 乙 |
        | 三 | C | [PDF](https://arxiv.org/pdf/2512.00003v1) | 丙 |
        """
        let directory = try TemporaryDirectory()
        let url = directory.file("mixed.md")
        try Data(text.utf8).write(to: url)
        var events: [String] = []
        try SourceReader.read(url, format: nil, file: "mixed.md") { events.append($0.id.base) } issue: { events.append($0.description) }
        #expect(events.count == 3)
        #expect(events[0] == "2512.00001" && events[2] == "2512.00003")
        #expect(events[1].hasPrefix("mixed.md:5: "))
    }

    @Test func wholeFileFailuresAreOneClearError() throws {
        let directory = try TemporaryDirectory()
        let empty = directory.file("empty.md")
        try Data().write(to: empty)
        #expect(throws: FeedParseError.empty(file: "empty.md")) { try Self.read(empty, file: "empty.md") }

        let binary = directory.file("blob")
        var generator = SeededGenerator(seed: 7)
        try Data((0..<10_000).map { index in index % 97 == 0 ? 0 : UInt8.random(in: 0...255, using: &generator) }).write(to: binary)
        #expect(throws: FeedParseError.binary(file: "blob")) { try Self.read(binary, file: "blob") }

        let unknown = directory.file("notes.txt")
        try Data("just some words\n".utf8).write(to: unknown)
        #expect(throws: FeedParseError.unknownFormat(file: "notes.txt")) { try Self.read(unknown, file: "notes.txt") }

        let missing = directory.file("missing.jsonl")
        #expect {
            _ = try Self.read(missing, file: "missing.jsonl")
        } throws: { error in
            guard case FeedParseError.unreadable(let file, _) = error else { return false }
            return file == "missing.jsonl"
        }

        let truncated = directory.file("cut.xml")
        try Fixtures.data("oai-arXiv-page1.xml").prefix(2500).write(to: truncated)
        #expect {
            _ = try Self.read(truncated, file: "cut.xml")
        } throws: { error in
            guard case FeedParseError.invalidXML(let file, _, _) = error else { return false }
            return file == "cut.xml" && !String(describing: error).contains("\n")
        }

        let error = SharedData.url("arxiv-api/\(try AtomParserTests.file("id_abc"))")
        #expect(throws: FeedParseError.apiError(file: "abc.xml", message: "incorrect id format for abc")) {
            try Self.read(error, file: "abc.xml")
        }
    }

    @Test func forcedFormatIsUsed() throws {
        // The digest forced through the Atom parser is a clear mismatch, not a crash.
        #expect(throws: FeedParseError.self) { try Self.read(SharedData.digest, format: .atom, file: "d.md") }
        #expect(try Self.read(SharedData.digest, format: .digest, file: "d.md").papers.count == 10)
    }
}
