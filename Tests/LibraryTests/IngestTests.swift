import ArxivFormats
import Foundation
import Library
import TestSupport
import Testing

@Suite struct IngestTests {
    @Test func ingestStoresEveryPaperWithOneVectorEach() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()

        let summary = try library.ingest(papers, source: "snapshot-sample.jsonl")

        #expect(summary == IngestSummary(inserted: 200, updated: 0, unchanged: 0))
        let stats = try library.stats()
        #expect(stats.papers == 200 && stats.vectors == 200 && stats.model == fixture.embedder.modelID)
        let stored = try #require(try library.paper(ArxivID(parsing: "0704.0001")))
        #expect(stored.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies")
        #expect(stored.id.version == 2 && stored.categories == ["hep-ph"] && stored.primaryCategory == "hep-ph")
        #expect(stored.authors.first == "C. Bal\\'azs" && stored.language == "en" && stored.source == .snapshot)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func reingestingTheSameRecordsChangesNothing() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(papers, source: "a")
        let sizeBefore = try fixture.vectorFileSize()
        let before = try library.papers(papers.map(\.id))

        let again = try library.ingest(papers, source: "a")

        #expect(again == IngestSummary(inserted: 0, updated: 0, unchanged: 200))
        #expect(try fixture.vectorFileSize() == sizeBefore, "no new vector rows")
        #expect(try library.papers(papers.map(\.id)) == before)
        #expect(try library.stats().papers == 200)
    }

    @Test func aNewerVersionUpdatesInPlaceAndReembeds() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let original = try #require(try SampleRecords.snapshotPapers().first)
        var v1 = original
        v1.id = try ArxivID(base: original.id.base, version: 1)
        try library.ingest([v1], source: "v1")
        let oldRow = try #require(try library.vectorRow(of: v1.id))

        var v3 = original
        v3.id = try ArxivID(base: original.id.base, version: 3)
        v3.abstract = original.abstract + " The erratum corrects the NLO cross sections."
        let summary = try library.ingest([v3], source: "v3")

        #expect(summary == IngestSummary(inserted: 0, updated: 1, unchanged: 0))
        let stored = try #require(try library.paper(v1.id))
        #expect(stored.id.version == 3 && stored.abstract == v3.abstract)
        let newRow = try #require(stored.vectorRow)
        #expect(newRow != oldRow, "the new text goes to a new row; the committed one is not overwritten")
        #expect(try library.stats().papers == 1)
        #expect(try library.allVectorIDs() == [nil, stored.id])
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func aNewerVersionWithTheSameTextKeepsItsVector() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let original = try #require(try SampleRecords.snapshotPapers().first)
        var v1 = original
        v1.id = try ArxivID(base: original.id.base, version: 1)
        try library.ingest([v1], source: "v1")
        let row = try library.vectorRow(of: v1.id)

        #expect(try library.ingest([original], source: "v2") == IngestSummary(updated: 1))
        #expect(try library.paper(v1.id)?.id.version == 2)
        #expect(try library.vectorRow(of: v1.id) == row)
        #expect(try fixture.fileRows() == 1)
    }

    @Test func anOlderVersionKeepsTheNewerText() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let newest = try #require(try SampleRecords.snapshotPapers().first)
        try library.ingest([newest], source: "new")
        var older = newest
        older.id = try ArxivID(base: newest.id.base, version: 1)
        older.title = "An earlier title"

        #expect(try library.ingest([older], source: "old") == IngestSummary(unchanged: 1))
        let stored = try #require(try library.paper(newest.id))
        #expect(stored.title == newest.title && stored.id.version == 2)
    }

    @Test func anIdTwiceInOneBatchIsOnePaper() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let paper = try #require(try SampleRecords.snapshotPapers().first)
        var revised = paper
        revised.id = try ArxivID(base: paper.id.base, version: 3)
        revised.title = "Revised: " + paper.title

        let summary = try library.ingest([paper, revised, paper], source: "dup")

        #expect(summary == IngestSummary(inserted: 1, updated: 1, unchanged: 1))
        #expect(try library.paper(paper.id)?.title == revised.title)
        #expect(try library.stats().papers == 1 && fixture.fileRows() == 1)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func chineseDigestForAnEnglishPaperIsKeptAsItsTranslation() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let chinese = try #require(try SampleRecords.digestPapers().first)
        let english = englishRecord(for: chinese)
        try library.ingest([english], source: "api")
        let row = try library.vectorRow(of: english.id)

        #expect(try library.ingest([chinese], source: "digest") == IngestSummary(updated: 1))

        let stored = try #require(try library.paper(english.id))
        #expect(stored.title == english.title && stored.language == "en")
        #expect(stored.translatedTitle == chinese.title && stored.translatedAbstract == chinese.abstract)
        #expect(stored.translationLanguage == "zh")
        #expect(stored.vectorRow == row, "the English vector is kept")
        #expect(stored.authors == english.authors, "the digest's first author does not replace the full list")
        #expect(try library.ingest([chinese], source: "digest") == IngestSummary(unchanged: 1))
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func englishArrivingForAChineseOnlyPaperBecomesTheMainTextAndIsReembedded() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let digest = try SampleRecords.digestPapers()
        #expect(digest.count >= 5)
        try library.ingest(digest, source: "2025-12-23.md")
        let chinese = digest[0]
        let zhRow = try #require(try library.vectorRow(of: chinese.id))
        #expect(try library.paper(chinese.id)?.language == "zh")
        #expect(try library.papers(listedOn: "2025-12-23").count == digest.count)

        let english = englishRecord(for: chinese)
        #expect(try library.ingest([english], source: "api") == IngestSummary(updated: 1))

        let stored = try #require(try library.paper(chinese.id))
        #expect(stored.title == english.title && stored.abstract == english.abstract && stored.language == "en")
        #expect(stored.translatedTitle == chinese.title && stored.translationLanguage == "zh")
        #expect(stored.vectorRow != zhRow)
        #expect(stored.categories == ["cs.CV"])
        #expect(stored.listedOn == "2025-12-23", "the digest's listing day stays")
        #expect(try library.papers(listedOn: "2025-12-23").count == digest.count)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    @Test func runCountsAreCommittedWithTheirBatches() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        let run = try library.beginRun(source: "snapshot-sample.jsonl")
        try library.ingest(Array(papers[0..<120]), source: "s", run: run)
        try library.ingest(Array(papers[100..<200]), source: "s", run: run)
        try library.finishRun(run, skipped: 2, status: .partial)

        let logged = try #require(try library.ingestRuns().first)
        #expect(logged.id == run && logged.status == .partial && logged.skipped == 2 && logged.finishedAt != nil)
        #expect(logged.summary == IngestSummary(inserted: 200, updated: 0, unchanged: 20))
        #expect(throws: LibraryError.unknownRun(run + 1)) { try library.finishRun(run + 1, skipped: 0, status: .failed) }
    }

    /// A source read in many batches (each stored on a second thread while the next is read) makes the
    /// library that one batch makes: same papers, same vector rows in the same order, same counts; and a
    /// second pass over the file finds every record unchanged.
    @Test func aSourceStoredBatchByBatchWhileReadingMakesTheSameLibrary() throws {
        func ingest(batchSize: Int) throws -> (LibraryFixture, Library, PaperIngestor.Report) {
            let fixture = try LibraryFixture()
            let library = try fixture.open()
            let report = try PaperIngestor(library: library, batchSize: batchSize)
                .ingest(SharedData.snapshotSample, format: .snapshot, file: "sample.jsonl")
            return (fixture, library, report)
        }
        let (oneFixture, one, oneReport) = try ingest(batchSize: 1_000)
        let (manyFixture, many, manyReport) = try ingest(batchSize: 7)
        #expect(oneReport.read == 200 && manyReport.read == 200)
        #expect(manyReport.inserted == 200 && manyReport.updated == 0 && manyReport.unchanged == 0)
        #expect(manyReport.skipped == oneReport.skipped)
        let ids = try SampleRecords.snapshotPapers().map(\.id)
        #expect(try many.papers(ids) == one.papers(ids))
        #expect(try manyFixture.vectorFileBytes() == oneFixture.vectorFileBytes())
        let again = try PaperIngestor(library: many, batchSize: 7).ingest(SharedData.snapshotSample, format: .snapshot, file: "sample.jsonl")
        #expect(again.unchanged == 200 && again.inserted == 0 && again.updated == 0)
        try expectHealthy(many, embedder: manyFixture.embedder)
    }

    /// English metadata for a digest paper. The real English record of 2512.19693 is not in
    /// `../shared/data`: this one carries the paper's arXiv title and an English abstract written
    /// for the test, enough to exercise the language rules.
    private func englishRecord(for chinese: Paper) -> Paper {
        Paper(
            id: chinese.id,
            title: "The Prism Hypothesis: Harmonizing Semantic and Pixel Representations via Unified Autoencoding",
            abstract: "Deep representations across modalities are inherently intertwined. We analyse the spectral "
                + "characteristics of semantic and pixel encoders and propose a unified autoencoder.",
            authors: ["Weichen Fan", "Haiwen Diao", "Quan Wang"], categories: ["cs.CV"],
            published: chinese.published.map { $0.addingTimeInterval(-5 * 3600) }, language: "en", source: .atom)
    }
}
