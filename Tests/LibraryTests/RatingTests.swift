import ArxivFormats
import Foundation
import GRDB
import Library
import Testing

@Suite struct RatingTests {
    @Test func rateClearAndListPerProfile() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(papers, source: "s")

        try library.rate(papers[0].id, .like, profile: "default")
        try library.rate(ArxivID(parsing: "arXiv:0704.0002v1"), .dislike, profile: "default")
        try library.rate(papers[5].id, .like, profile: "particles")
        try library.rate(papers[0].id, .dislike, profile: "default")  // changes its mind

        let ratings = try library.ratings(profile: "default")
        #expect(Dictionary(uniqueKeysWithValues: ratings.map { ($0.id.base, $0.value) }) == ["0704.0001": .dislike, "0704.0002": .dislike])
        #expect(try library.ratings(profile: "particles").map(\.id.base) == ["0704.0006"])
        #expect(try library.profiles().map(\.name) == ["default", "particles"])
        #expect(try library.stats().ratings == 3 && library.stats().profiles == 2)

        #expect(try library.clearRating(papers[0].id, profile: "default") == true)
        #expect(try library.clearRating(papers[0].id, profile: "default") == false)
        #expect(try library.ratings(profile: "default").map(\.id.base) == ["0704.0002"])
    }

    @Test func aRatingIsCommittedBeforeRateReturns() throws {
        let fixture = try LibraryFixture()
        let papers = try SampleRecords.snapshotPapers()
        do {
            let library = try fixture.open()
            try library.ingest(papers, source: "s")
            try library.rate(papers[9].id, .like, profile: "default")
        }
        // A separate connection, as another process would open the file.
        let stored = try fixture.database().read { db in
            try Row.fetchAll(db, sql: "SELECT profile, base_id, value FROM ratings")
        }
        #expect(stored.map { [$0["profile"], $0["base_id"], String($0["value"] as Int)] } == [["default", "0704.0010", "1"]])
        #expect(try fixture.open().ratings(profile: "default").map(\.value) == [.like])
    }

    @Test func ratingAPaperNotInTheLibraryChangesNothing() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let missing = try ArxivID(parsing: "2512.19693")

        #expect(throws: LibraryError.unknownPaper("2512.19693")) { try library.rate(missing, .like, profile: "default") }
        #expect(try library.profiles().isEmpty, "not even the profile is created")
        #expect(LibraryError.unknownPaper("2512.19693").description.contains("arxrec fetch --ids 2512.19693"))
    }

    @Test func badProfileNamesAreRefused() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.ingest(Array(try SampleRecords.snapshotPapers().prefix(1)), source: "s")
        for bad in ["", " padded", "tab\there", String(repeating: "p", count: 65)] {
            #expect(throws: LibraryError.invalidProfileName(bad)) {
                try library.rate(ArxivID(parsing: "0704.0001"), .like, profile: bad)
            }
        }
    }

    @Test func profileSettingsAndShortlistsAreStoredPerDayAndProfile() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        try library.createProfile("vision")
        let first = Data(#"{"date":"2025-12-23","items":[]}"#.utf8)
        let second = Data(#"{"date":"2025-12-23","items":[{"rank":1}]}"#.utf8)

        try library.saveShortlist(day: "2025-12-23", profile: "vision", json: first)
        try library.saveShortlist(day: "2025-12-23", profile: "vision", json: second)

        #expect(try library.shortlist(day: "2025-12-23", profile: "vision") == second)
        #expect(try library.shortlist(day: "2025-12-24", profile: "vision") == nil)
        #expect(try library.profiles().map(\.name) == ["vision"])
        let rows = try fixture.database().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM shortlists") }
        #expect(rows == 1, "a second run for the same day replaces, never duplicates")
        #expect(throws: LibraryError.invalidDay("2025-12-2")) { try library.shortlist(day: "2025-12-2", profile: "vision") }
    }
}

@Suite struct RatingManyTests {
    /// `import-likes` rates a whole file with one call: one transaction, so one missing paper at the
    /// end stores none of the ratings before it (a kill would do the same).
    @Test func ratingManyIsOneTransaction() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(papers, source: "s")
        let missing = try ArxivID(parsing: "2512.19693")

        #expect(throws: LibraryError.unknownPaper("2512.19693")) {
            try library.rate(papers.prefix(5).map(\.id) + [missing], .like, profile: "imported")
        }
        #expect(try library.stats().ratings == 0)
        #expect(try library.profiles().isEmpty)

        try library.rate(papers.prefix(5).map(\.id), .like, profile: "imported")
        #expect(try library.ratings(profile: "imported").count == 5)
    }

    @Test func profileNamesFollowOneRule() {
        for good in ["default", "vision", "nlp-2025", "a_b.c", "视觉"] { #expect(Library.isValidProfileName(good)) }
        for bad in ["", "../x", "a b", "a/b", "tab\there", String(repeating: "p", count: 65)] {
            #expect(!Library.isValidProfileName(bad), "\(bad)")
        }
    }
}
