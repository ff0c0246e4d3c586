import Foundation
import Testing
import TestSupport
@testable import ArxivFormats
import LinearAlgebra

/// Bytes that are not UTF-8: in a line-based format they cost the record that holds them, with a
/// `file:line:` warning; an XML document is refused whole with one error naming line and byte, before
/// FoundationXML (which crashed on a malformed element name) sees it.
struct DamagedTextTests {
    static func digest() throws -> Data { try SharedData.data("digests/2025-12-23.md") }

    /// The 1-based line of the byte at `offset`.
    static func line(of offset: Int, in data: Data) -> Int { data.prefix(offset).filter { $0 == 0x0A }.count + 1 }

    /// A digest cut inside a character is read up to the damage; the cut row is one warning.
    @Test func aDigestCutInsideACharacterIsReadUpToTheCut() throws {
        let data = try Self.digest()
        let cut = try #require(data.indices.first { $0 > data.count / 2 && data[$0] >= 0xC0 })
        let truncated = data.prefix(cut + 1)
        #expect(String(data: truncated, encoding: .utf8) == nil)
        let page = try DigestParser.parse(truncated, file: "cut.md")
        let whole = try DigestParser.parse(data, file: "cut.md")
        #expect(!page.papers.isEmpty)
        #expect(page.papers == Array(whole.papers.prefix(page.papers.count)))
        #expect(page.issues.count == 1)
        let issue = try #require(page.issues.first)
        #expect(issue.description.hasPrefix("cut.md:"))
        #expect(issue.message.contains("line \(Self.line(of: cut, in: data)) is not UTF-8 text"), "\(issue)")
        #expect(issue.message.hasSuffix("row skipped"))
    }

    /// One flipped byte in a row costs that row; a damaged heading is ignored with its own warning.
    @Test func aDamagedByteCostsOnlyItsRow() throws {
        let data = try Self.digest()
        let whole = try DigestParser.parse(data, file: "d.md")
        let title = try #require(whole.papers.first { $0.id.base == "2512.19684" }).title
        var damaged = data
        damaged[try #require(data.firstRange(of: Data(title.utf8))).lowerBound + 1] = 0xFF
        let page = try DigestParser.parse(damaged, file: "d.md")
        #expect(page.papers.map(\.id.base) == whole.papers.map(\.id.base).filter { $0 != "2512.19684" })
        #expect(page.issues.count == 1)
        #expect(page.issues.first?.message.contains("is not UTF-8 text from byte") == true)

        var heading = data
        heading[3] = 0xFF
        let headless = try DigestParser.parse(heading, file: "h.md")
        #expect(headless.papers.count == 10)
        #expect(headless.issues.map(\.description).first?.hasPrefix("h.md:1: line 1 is not UTF-8 text") == true)
        #expect(headless.issues.count == 1)
    }

    @Test func aSnapshotLineThatIsNotUTF8IsSkipped() throws {
        var lines = try SharedData.data("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl")
            .split(separator: 0x0A).prefix(4).map { Data($0) }
        lines[2][40] = 0xC3
        let directory = try TemporaryDirectory()
        let url = directory.file("s.jsonl")
        try Data(lines.joined(separator: [0x0A])).write(to: url)
        let (papers, issues) = try SourceReaderTests.read(url, file: "s.jsonl")
        #expect(papers.map(\.id.base) == ["0704.0001", "0704.0002", "0704.0004"])
        #expect(issues.map(\.description) == ["s.jsonl:3: the line is not UTF-8 text from byte 41 on (a damaged or cut-short file, or another encoding); line skipped"])
    }

    /// A flipped byte in `<?xml` or in an element name crashed inside FoundationXML.
    @Test(arguments: ["<?xml", "<entry>", "<title>"])
    func xmlThatIsNotUTF8IsOneError(target: String) throws {
        let name = try AtomParserTests.file("q_testing_s0_m10_")
        let data = try SharedData.data("arxiv-api/\(name)")
        let start = try #require(data.firstRange(of: Data(target.utf8))).lowerBound
        for byte: UInt8 in [0xFF, 0xC3, 0x80] {
            var damaged = data
            damaged[start + 3] = byte
            #expect(throws: FeedParseError.notUTF8(file: "a.xml", line: Self.line(of: start, in: data), offset: start + 3)) {
                try AtomParser.parse(damaged, file: "a.xml")
            }
        }
        let description = FeedParseError.notUTF8(file: "a.xml", line: 10, offset: 699).description
        #expect(description.hasPrefix("a.xml:10: byte offset 699 is not UTF-8 text"))
    }

    /// A record nested 100,000 deep overflowed the stack (SIGSEGV) when its tree was freed.
    @Test func deeplyNestedXMLIsOneError() throws {
        let name = try AtomParserTests.file("q_testing_s0_m10_")
        let data = try SharedData.data("arxiv-api/\(name)")
        let entry = try #require(data.firstRange(of: Data("<entry>".utf8))).upperBound
        for depth in [300, 100_000] {
            let nested = data.prefix(upTo: entry) + Data(String(repeating: "<a>", count: depth).utf8)
                + Data(String(repeating: "</a>", count: depth).utf8) + data.suffix(from: entry)
            #expect {
                _ = try AtomParser.parse(nested, file: "deep.xml")
            } throws: { error in
                guard case FeedParseError.invalidXML("deep.xml", _, let reason) = error else { return false }
                return reason == "elements nested deeper than 256"
            }
        }
        let shallow = data.prefix(upTo: entry) + Data(String(repeating: "<a>", count: 200).utf8)
            + Data(String(repeating: "</a>", count: 200).utf8) + data.suffix(from: entry)
        #expect(try AtomParser.parse(shallow, file: "ok.xml").papers.count == 10)
    }

    /// The validator agrees with the standard library's decoder on random and edge-case bytes: the
    /// offset it names is where a strict decode of the same bytes first fails.
    @Test func theValidatorAgreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 11)
        let pieces: [[UInt8]] = [
            [0x61], [0xC3, 0xA9], [0xE4, 0xB8, 0xAD], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x80],
            [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0x80], [0xC3], [0xE4, 0xB8],
        ]
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in
                Bool.random(using: &generator) ? pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                    : [UInt8](repeating: 0x62, count: Int.random(in: 0...9, using: &generator))
            }
            var expected: Int?
            var offset = 0
            var iterator = bytes.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            decoding: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .emptyInput: break decoding
                case .error: expected = offset; break decoding
                }
            }
            #expect(UTF8Validation.firstInvalidByte(in: bytes) == expected, "\(bytes)")
            #expect(UTF8Validation.firstInvalidByte(in: Data(bytes)) == expected, "\(bytes)")
        }
    }

    /// A stray NUL is damage to one field, not a binary file; compressed and UTF-16 files are binary.
    @Test func onlyRealBinaryFilesAreBinary() throws {
        var digest = try Self.digest()
        let title = try #require(digest.firstRange(of: Data("棱镜假说".utf8))).lowerBound
        digest.insert(0, at: title)
        let page = try DigestParser.parse(digest, file: "nul.md")
        #expect(page.papers.count == 10 && page.issues.isEmpty)
        #expect(page.papers.first?.title.hasPrefix("棱镜假说") == true)

        let utf16 = Data(try SharedData.text("digests/2025-12-23.md").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(DocumentChecks.looksBinary(utf16))
        let gzipLike = Data([0x1F, 0x8B, 0x08, 0x00] + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) })
        #expect(DocumentChecks.looksBinary(gzipLike))
        #expect(!DocumentChecks.looksBinary(digest))
    }
}
