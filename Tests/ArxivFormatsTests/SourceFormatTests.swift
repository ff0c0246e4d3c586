import Foundation
import Testing
import TestSupport
@testable import ArxivFormats

struct SourceFormatTests {
    static func prefix(_ data: Data) -> Data { data.prefix(4096) }

    @Test func everyRealSample() throws {
        #expect(SourceFormat.detect(prefix: Self.prefix(try SharedData.data("digests/2025-12-23.md")), fileName: "2025-12-23.md") == .digest)
        #expect(SourceFormat.detect(prefix: Self.prefix(try Data(contentsOf: SharedData.snapshotSample)), fileName: "sample.jsonl") == .snapshot)
        let corpusHandle = try FileHandle(forReadingFrom: SharedData.corpus)
        defer { try? corpusHandle.close() }
        #expect(SourceFormat.detect(prefix: try corpusHandle.read(upToCount: 4096) ?? Data(), fileName: "arxiv-cs-2025.jsonl") == .snapshot)
        for name in AtomParserTests.apiFiles {
            #expect(SourceFormat.detect(prefix: Self.prefix(try SharedData.data("arxiv-api/\(name)")), fileName: name) == .atom, "\(name)")
        }
    }

    @Test func everyFixture() throws {
        #expect(SourceFormat.detect(prefix: try Fixtures.data("rss-cs.CV-2025-12-30.xml"), fileName: "feed.xml") == .rss)
        for name in ["oai-arXiv-page1.xml", "oai-arXiv-page2.xml", "oai-arXivRaw-page1.xml", "oai-arXivRaw-page2.xml",
                     "oai-noRecordsMatch.xml", "oai-badResumptionToken.xml"] {
            #expect(SourceFormat.detect(prefix: try Fixtures.data(name), fileName: name) == .oai, "\(name)")
        }
    }

    @Test func contentWinsOverName() throws {
        let digest = try SharedData.data("digests/2025-12-23.md")
        #expect(SourceFormat.detect(prefix: digest, fileName: "renamed.txt") == .digest)
        #expect(SourceFormat.detect(prefix: digest, fileName: "wrong.jsonl") == .digest)
        let jsonl = try Data(contentsOf: SharedData.snapshotSample).prefix(4096)
        #expect(SourceFormat.detect(prefix: jsonl, fileName: "snapshot") == .snapshot)
        #expect(SourceFormat.detect(prefix: jsonl, fileName: nil) == .snapshot)
        // A table of arXiv links without the Chinese header is still a digest.
        let table = Data("| Title | Author | [PDF](https://arxiv.org/pdf/2512.00001v1) | Abstract |\n".utf8)
        #expect(SourceFormat.detect(prefix: table, fileName: nil) == .digest)
    }

    @Test func nameIsOnlyAHint() {
        #expect(SourceFormat.detect(prefix: Data("plain words\n".utf8), fileName: "notes.md") == .digest)
        #expect(SourceFormat.detect(prefix: Data("plain words\n".utf8), fileName: "notes.txt") == nil)
        #expect(SourceFormat.detect(prefix: Data([0x00, 0x01, 0x02]), fileName: "x.jsonl") == nil)
        #expect(SourceFormat.detect(prefix: Data("<html><body/></html>".utf8), fileName: "x.xml") == nil)
        let foreignFeed = Data("<?xml version=\"1.0\"?><feed xmlns=\"http://example.org/other\"/>".utf8)
        #expect(SourceFormat.detect(prefix: foreignFeed, fileName: nil) == nil)
    }
}
