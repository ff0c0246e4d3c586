import Foundation
import Testing
import TestSupport
@testable import ArxivFormats

struct AtomParserTests {
    static let apiFiles: [String] = {
        let folder = SharedData.url("arxiv-api")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted()
    }()

    static func parse(_ name: String) throws -> FeedPage {
        try AtomParser.parse(SharedData.data("arxiv-api/\(name)"), file: name)
    }

    static func file(_ prefix: String) throws -> String {
        try #require(apiFiles.first { $0.hasPrefix(prefix) }, "no arxiv-api file starting with \(prefix)")
    }

    @Test func sampleFolderIsComplete() {
        #expect(Self.apiFiles.count == 20)
    }

    /// Every sample parses, except the error feed; entry counts match `<entry>` elements and every
    /// paper has an id, a title, authors and a primary category.
    @Test(arguments: apiFiles.filter { !$0.hasPrefix("id_abc") })
    func everySampleParses(name: String) throws {
        let data = try SharedData.data("arxiv-api/\(name)")
        let entries = String(decoding: data, as: UTF8.self).components(separatedBy: "<entry>").count - 1
        let page = try AtomParser.parse(data, file: name)
        #expect(page.issues.isEmpty, "\(page.issues)")
        #expect(page.papers.count == entries)
        #expect(page.totalResults != nil)
        for paper in page.papers {
            #expect(paper.id.version != nil)
            #expect(!paper.title.isEmpty && !paper.title.contains("\n"))
            #expect(!paper.authors.isEmpty)
            #expect(paper.primaryCategory != nil)
            #expect(paper.published != nil && paper.source == .atom)
        }
    }

    @Test func searchPageCarriesTotalAndEntries() throws {
        let page = try Self.parse(try Self.file("q_testing_s0_m10_"))
        #expect(page.totalResults == 214_881)
        #expect(page.papers.count == 10)
        let first = try #require(page.papers.first)
        #expect(first.id.description == "2202.12139v1")
        #expect(first.title == "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques")
        #expect(first.authors == ["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"])
        #expect(first.categories == ["cs.SE", "cs.LG"])
        #expect(first.abstract.hasPrefix("Deep Learning (DL) has revolutionized"))
        #expect(first.published == Date(timeIntervalSince1970: 1_645_715_119)) // 2022-02-24T15:05:19Z
    }

    @Test func oldStyleIds() throws {
        let astro = try #require(try Self.parse(try Self.file("id_astro-ph_0601001")).papers.first)
        #expect(astro.id.description == "astro-ph/0601001v1")
        #expect(astro.title.hasPrefix("Frequency of Hot Jupiters and Very Hot Jupiters"))
        #expect(astro.authors.first == "Andrew Gould")
        #expect(astro.categories == ["astro-ph"])

        let quant = try #require(try Self.parse(try Self.file("id_quant-ph_0201082v1")).papers.first)
        #expect(quant.id.description == "quant-ph/0201082v1")
        #expect(quant.title == "Quantum Computers and Quantum Computer Languages: Quantum Assembly Language and Quantum C Language")
        #expect(quant.authors == ["Stephen Blaha"])
        #expect(quant.categories == ["quant-ph", "cs.PL"])
        #expect(quant.abstract.hasPrefix("We show a representation of Quantum Computers"))
    }

    @Test func primaryCategoryComesFirst() throws {
        let paper = try #require(try Self.parse(try Self.file("id_1605.08386")).papers.first)
        #expect(paper.id.description == "1605.08386v1")
        #expect(paper.categories == ["math.CO", "math.ST"])
        #expect(paper.authors == ["Caprice Stanley", "Tobias Windisch"])
        let twoIDs = try Self.parse(try Self.file("id_0808.05394_1707.08567"))
        #expect(twoIDs.papers.map(\.id.description) == ["1707.08567v1"])
        #expect(twoIDs.papers.first?.authors.count == 34)
    }

    @Test func emptyResultIsZeroPapers() throws {
        let page = try Self.parse(try Self.file("id_0000.0000"))
        #expect(page.papers.isEmpty && page.issues.isEmpty)
        #expect(page.totalResults == 0)
    }

    @Test func apiErrorFeedIsOneClearError() throws {
        let name = try Self.file("id_abc")
        #expect(throws: FeedParseError.apiError(file: name, message: "incorrect id format for abc")) {
            try Self.parse(name)
        }
        #expect(FeedParseError.apiError(file: name, message: "incorrect id format for abc").description
            .contains("\(name): the arXiv API returned an error: incorrect id format for abc"))
    }

    @Test func truncatedXMLIsOneClearError() throws {
        let data = try SharedData.data("arxiv-api/\(try Self.file("q_testing_s0_m10_"))")
        let truncated = data.prefix(data.count / 2)
        do {
            _ = try AtomParser.parse(truncated, file: "cut.xml")
            Issue.record("a truncated feed parsed")
        } catch {
            guard case .invalidXML(let file, let line, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "cut.xml")
            #expect(line != nil)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func otherDocumentsAreRejected() throws {
        #expect(throws: FeedParseError.self) { try AtomParser.parse(Fixtures.data("rss-cs.CV-2025-12-30.xml"), file: "r.xml") }
        #expect(throws: FeedParseError.empty(file: "e.xml")) { try AtomParser.parse(Data(), file: "e.xml") }
        #expect(throws: FeedParseError.binary(file: "b.xml")) { try AtomParser.parse(Data([0x3C, 0, 1, 2]), file: "b.xml") }
    }
}

struct AtomListingTests {
    /// The Atom flavour of the daily listings (`rss.arxiv.org/atom/<cat>`) uses OAI ids, a listing
    /// header in `<summary>` and `dc:creator`; hand-written after arXiv's RSS/Atom specification.
    @Test func listingEntries() throws {
        let xml = """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <id>http://rss.arxiv.org/atom/cs.CV</id><title>cs.CV updates on arXiv.org</title>
          <entry>
            <id>oai:arXiv.org:2512.22854v1</id>
            <title>ByteLoom: Weaving Geometry-Consistent Human-Object Interactions through Progressive Curriculum Learning</title>
            <summary>arXiv:2512.22854v1 Announce Type: new
        Abstract: Human-object interaction (HOI) video generation has garnered increasing attention.</summary>
            <category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.GR" scheme="http://arxiv.org/schemas/atom"/>
            <published>2025-12-30T00:00:00-05:00</published>
            <arxiv:announce_type>new</arxiv:announce_type>
            <dc:creator>Bangya Liu, Xinyu Gong, Hao Zhang</dc:creator>
          </entry>
        </feed>
        """
        let page = try AtomParser.parse(Data(xml.utf8), file: "listing.atom")
        let paper = try #require(page.papers.first)
        #expect(paper.id.description == "2512.22854v1")
        #expect(paper.abstract == "Human-object interaction (HOI) video generation has garnered increasing attention.")
        #expect(paper.authors == ["Bangya Liu", "Xinyu Gong", "Hao Zhang"])
        #expect(paper.categories == ["cs.CV", "cs.GR"])
        #expect(paper.published == Date(timeIntervalSince1970: 1_767_070_800))
    }
}
