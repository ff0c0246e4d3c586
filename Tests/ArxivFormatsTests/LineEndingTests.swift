import Foundation
import Testing
import TestSupport
@testable import ArxivFormats

/// A file saved on Windows (CR LF, often behind a byte order mark) or by an old Mac (CR) reads exactly
/// like the original: the same papers and the same issues at the same lines, through detection too.
/// A CR LF digest used to read as one line: nothing ingested, exit 0, "no new papers".
struct LineEndingTests {
    static let variants: [(name: String, change: @Sendable (Data) -> Data)] = [
        ("CRLF", { Data($0.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: [0x0D, 0x0A])) }),
        ("CR", { Data($0.map { $0 == 0x0A ? 0x0D : $0 }) }),
        ("BOM+CRLF", { Data(LineSplitter.byteOrderMark) + Data($0.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: [0x0D, 0x0A])) }),
        ("BOM", { Data(LineSplitter.byteOrderMark) + $0 }),
    ]

    /// The digest with a broken row, so that issue lines are compared too.
    static func digestWithAnIssue() throws -> Data {
        var lines = try SharedData.text("digests/2025-12-23.md").components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("2512.19692v1") })
        lines[row] = "| broken row without a link | someone |"
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// The snapshot sample's first 20 lines with a truncated 5th line.
    static func snapshotWithAnIssue() throws -> Data {
        var lines = try SharedData.text("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl").components(separatedBy: "\n").prefix(20).map { $0 }
        lines[4] = String(lines[4].prefix(100))
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func read(_ data: Data, name: String) throws -> (papers: [Paper], issues: [String]) {
        let directory = try TemporaryDirectory()
        let url = directory.file(name)
        try data.write(to: url)
        let (papers, issues) = try SourceReaderTests.read(url, file: name)
        return (papers, issues.map(\.description))
    }

    @Test(arguments: [0, 1, 2, 3])
    func aDigestReadsLikeTheOriginal(variant: Int) throws {
        let original = try Self.digestWithAnIssue()
        let expected = try Self.read(original, name: "d.txt")
        #expect(expected.papers.count == 9 && expected.issues.count == 1)
        let (name, change) = Self.variants[variant]
        let changed = change(original)
        #expect(changed != original)
        let got = try Self.read(changed, name: "d.txt")
        #expect(got.papers == expected.papers, "\(name)")
        #expect(got.issues == expected.issues, "\(name)")
        // The parser alone too (no detection), and the generated Chinese days.
        #expect(try DigestParser.parse(changed, file: "d.txt").papers == expected.papers, "\(name)")
        let generated = try SharedData.data("digests-generated/2025-12-02.md")
        #expect(try DigestParser.parse(change(generated), file: "g.md").papers == DigestParser.parse(generated, file: "g.md").papers)
    }

    @Test(arguments: [0, 1, 2, 3])
    func snapshotLinesReadLikeTheOriginal(variant: Int) throws {
        let original = try Self.snapshotWithAnIssue()
        let expected = try Self.read(original, name: "s")
        #expect(expected.papers.count == 19 && expected.issues.count == 1)
        let (name, change) = Self.variants[variant]
        let got = try Self.read(change(original), name: "s")
        #expect(got.papers == expected.papers, "\(name)")
        #expect(got.issues == expected.issues, "\(name)")
    }

    @Test(arguments: [0, 1, 2, 3])
    func feedsReadLikeTheOriginal(variant: Int) throws {
        let (name, change) = Self.variants[variant]
        for fixture in ["rss-cs.CV-2025-12-30.xml", "oai-arXivRaw-page1.xml"] {
            let original = try Fixtures.data(fixture)
            let expected = try Self.read(original, name: fixture)
            #expect(!expected.papers.isEmpty)
            let got = try Self.read(change(original), name: fixture)
            #expect(got.papers == expected.papers, "\(name) \(fixture)")
            #expect(got.issues.count == expected.issues.count, "\(name) \(fixture)")
        }
    }
}
