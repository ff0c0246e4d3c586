import Foundation
import Testing
@testable import ArxivFormats

struct RSSParserTests {
    @Test func listingWithNewCrossAndReplacements() throws {
        let page = try RSSParser.parse(Fixtures.data("rss-cs.CV-2025-12-30.xml"), file: "rss.xml")
        #expect(page.listingDate == "2025-12-30")
        #expect(page.papers.map(\.id.description) == ["2512.22854v1", "2512.22208v1", "2503.11742v2", "2503.11750v3"])
        let announced = Date(timeIntervalSince1970: 1_767_070_800) // 2025-12-30T00:00:00-05:00

        let new = page.papers[0]
        #expect(new.title == "ByteLoom: Weaving Geometry-Consistent Human-Object Interactions through Progressive Curriculum Learning")
        #expect(new.abstract.hasPrefix("Human-object interaction (HOI) video generation has garnered"))
        #expect(!new.abstract.contains("Announce Type"))
        #expect(new.authors.count == 9)
        #expect(new.authors.first == "Bangya Liu" && new.authors.last == "Hao Zhang")
        #expect(new.categories == ["cs.CV", "cs.GR", "cs.LG"])
        #expect(new.published == announced && new.updated == nil)
        #expect(new.source == .rss)

        let cross = page.papers[1]
        #expect(cross.categories.first == "cs.CL")
        #expect(cross.published == announced)

        for replaced in page.papers[2...] {
            #expect(replaced.published == nil)
            #expect(replaced.updated == announced)
        }
        #expect(page.issues.count == 1)
        #expect(page.issues.first?.message.contains("no arXiv id") == true)
        #expect(page.issues.first?.line != nil)
    }

    @Test func olderRDFListingsAreRead() throws {
        let rdf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="http://arxiv.org/rss/cs.CV"><title>cs.CV updates</title>
        <dc:date>2023-05-02T20:30:00-05:00</dc:date></channel>
        <item rdf:about="http://arxiv.org/abs/2305.00001">
        <title>A Title (arXiv:2305.00001v1 [cs.CV])</title><link>http://arxiv.org/abs/2305.00001</link>
        <description>Some abstract.</description><dc:creator>A. One, B. Two</dc:creator></item>
        </rdf:RDF>
        """
        let page = try RSSParser.parse(Data(rdf.utf8), file: "old.rdf")
        #expect(page.listingDate == "2023-05-02")
        #expect(page.papers.map(\.id.description) == ["2305.00001"])
        #expect(page.papers.first?.authors == ["A. One", "B. Two"])
    }

    @Test func truncatedFeedIsOneError() throws {
        let data = try Fixtures.data("rss-cs.CV-2025-12-30.xml")
        #expect(throws: FeedParseError.self) { try RSSParser.parse(data.prefix(3000), file: "cut.xml") }
    }
}
