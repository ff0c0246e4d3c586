import ArxivFormats
import Foundation
import Library
import Testing

@Suite struct QueryTests {
    @Test func papersAreFiledUnderTheirPublicationDay() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(try SampleRecords.snapshotPapers(), source: "s")

        // The sample's first versions were submitted on 31 Mar, 1 Apr and 2 Apr 2007 (UTC).
        #expect(try library.listingDays() == ["2007-03-31", "2007-04-01", "2007-04-02"])
        let day = try library.papers(listedOn: "2007-04-02")
        #expect(day.count == 108 && day.allSatisfy { $0.listedOn == "2007-04-02" })
        #expect(day.map(\.id.base) == day.map(\.id.base).sorted())
        #expect(try library.papers(listedOn: "2007-04-03").isEmpty)
        #expect(throws: LibraryError.invalidDay("2007-4-2")) { try library.papers(listedOn: "2007-4-2") }
    }

    @Test func papersByIdKeepTheRequestedOrderAndSkipUnknownIds() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(try SampleRecords.snapshotPapers(), source: "s")
        let ids = try ["0704.0100", "2512.19693", "0704.0003v1", "hep-th/9901001"].map { try ArxivID(parsing: $0) }

        let found = try library.papers(ids)

        #expect(found.map(\.id.description) == ["0704.0100v3", "0704.0003v3"])
        #expect(try library.paper(ArxivID(parsing: "https://arxiv.org/abs/0704.0003"))?.id.version == 3)
    }

    /// A cache's check that its papers are all still there: each stored base id counted once, whatever
    /// version is asked for; unknown ids not at all.
    @Test func countStoredCountsEachStoredBaseIdOnce() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(try SampleRecords.snapshotPapers(), source: "s")
        let ids = try ["0704.0100", "2512.19693", "0704.0003v1", "0704.0003v3", "hep-th/9901001"].map { try ArxivID(parsing: $0) }
        #expect(try library.countStored(ids) == 2)
        #expect(try library.countStored([]) == 0)
        let many = try library.randomPaperIDs(count: 700, seed: 3, excluding: [])
        #expect(try library.countStored(many) == many.count)
    }

    @Test func randomSamplesAreDeterministicAndHonourExclusions() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(papers, source: "s")
        let excluded = Set(papers.prefix(50).map(\.id.base))

        let sample = try library.randomPaperIDs(count: 60, seed: 7, excluding: excluded)

        #expect(sample.count == 60 && Set(sample).count == 60)
        #expect(sample.allSatisfy { !excluded.contains($0.base) })
        #expect(try library.randomPaperIDs(count: 60, seed: 7, excluding: excluded) == sample)
        #expect(try library.randomPaperIDs(count: 60, seed: 8, excluding: excluded) != sample)
        #expect(try library.randomPaperIDs(count: 500, seed: 7, excluding: excluded).count == 150)
    }
}
