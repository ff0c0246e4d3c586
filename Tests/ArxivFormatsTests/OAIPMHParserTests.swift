import Foundation
import Testing
@testable import ArxivFormats

struct OAIPMHParserTests {
    @Test func arXivPrefixResumptionPair() throws {
        let first = try OAIPMHParser.parse(Fixtures.data("oai-arXiv-page1.xml"), file: "p1.xml")
        #expect(first.resumptionToken == "6960524|1001")
        #expect(first.totalResults == 4)
        #expect(first.issues.isEmpty)
        // The deleted record between the two is skipped silently.
        #expect(first.papers.map(\.id.description) == ["2503.11731", "2503.11742"])
        let paper = first.papers[0]
        #expect(paper.title == "Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation")
        #expect(paper.authors.count == 16)
        #expect(paper.authors.first == "Xianming Zeng")
        #expect(paper.categories == ["cs.CV", "cs.RO"])
        #expect(paper.abstract.hasPrefix("Sensor simulation is pivotal for scalable validation"))
        #expect(!paper.abstract.contains("\n"))
        #expect(paper.published == Date(timeIntervalSince1970: 1_742_256_000)) // 2025-03-18
        #expect(paper.updated == nil)
        #expect(first.papers[1].updated == Date(timeIntervalSince1970: 1_742_860_800)) // 2025-03-25
        #expect(first.papers[1].authors.first == "Moreno D'Incà")

        let last = try OAIPMHParser.parse(Fixtures.data("oai-arXiv-page2.xml"), file: "p2.xml")
        #expect(last.resumptionToken == nil)
        #expect(last.totalResults == 4)
        #expect(last.papers.map(\.id.description) == ["2503.11750", "2503.11780"])
    }

    @Test func arXivRawPrefixResumptionPair() throws {
        let first = try OAIPMHParser.parse(Fixtures.data("oai-arXivRaw-page1.xml"), file: "r1.xml")
        #expect(first.resumptionToken == "6960525|1001")
        #expect(first.papers.map(\.id.description) == ["2503.11731v1", "2503.11742v2"])
        let replaced = first.papers[1]
        #expect(replaced.published == Date(timeIntervalSince1970: 1_742_328_000)) // Tue, 18 Mar 2025 20:00:00 GMT
        #expect(replaced.updated == Date(timeIntervalSince1970: 1_742_893_964)) // Tue, 25 Mar 2025 09:12:44 GMT
        #expect(replaced.categories == ["cs.CV", "cs.AI"])
        #expect(first.papers[0].authors.count == 16)
        #expect(first.papers[0].authors.last == "Qiang Li")

        let last = try OAIPMHParser.parse(Fixtures.data("oai-arXivRaw-page2.xml"), file: "r2.xml")
        #expect(last.resumptionToken == nil)
        // Versions are ordered by number: v10 is the latest, not v2.
        #expect(last.papers.map(\.id.description) == ["2503.11750v1", "2503.11780v10"])
        #expect(last.papers[0].authors == ["Shuyang Hao", "Yiwei Wang", "Bryan Hooi", "Jun Liu", "Muhao Chen", "Zi Huang", "Yujun Cai"])
    }

    @Test func noRecordsMatchIsAnEmptyPage() throws {
        let page = try OAIPMHParser.parse(Fixtures.data("oai-noRecordsMatch.xml"), file: "none.xml")
        #expect(page.papers.isEmpty && page.issues.isEmpty && page.resumptionToken == nil)
    }

    @Test func otherErrorsAreOneClearError() throws {
        do {
            _ = try OAIPMHParser.parse(Fixtures.data("oai-badResumptionToken.xml"), file: "bad.xml")
            Issue.record("an OAI-PMH error parsed")
        } catch let error as FeedParseError {
            guard case .oaiError(let file, let code, let message) = error else { Issue.record("\(error)"); return }
            #expect(file == "bad.xml" && code == "badResumptionToken")
            #expect(message.contains("invalid or expired"))
        }
    }

    @Test func truncatedResponseIsOneError() throws {
        let data = try Fixtures.data("oai-arXivRaw-page1.xml")
        #expect(throws: FeedParseError.self) { try OAIPMHParser.parse(data.prefix(data.count - 40), file: "cut.xml") }
    }

    @Test func recordWithoutArxivMetadataIsAnIssue() throws {
        let xml = """
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
        <record><header><identifier>oai:arXiv.org:2503.00001</identifier></header>
        <metadata><dc xmlns="http://www.openarchives.org/OAI/2.0/oai_dc/"><title>x</title></dc></metadata></record>
        <resumptionToken cursor="0" completeListSize="1"/></ListRecords></OAI-PMH>
        """
        let page = try OAIPMHParser.parse(Data(xml.utf8), file: "dc.xml")
        #expect(page.papers.isEmpty)
        #expect(page.issues.count == 1)
        #expect(page.issues.first?.message.contains("metadataPrefix=arXiv") == true)
    }
}
