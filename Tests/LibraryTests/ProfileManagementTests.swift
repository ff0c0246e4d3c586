import ArxivFormats
import Foundation
import GRDB
import Library
import Testing

/// `profile list | rename | delete | reset`, the web page's undo of a reset, and the shortlist `rate N` numbers from.
@Suite struct ProfileManagementTests {
    /// A library with the sample papers (0704.0001 …), two likes and a dislike in `vision`, one like in `nlp`.
    func ratedLibrary() throws -> (LibraryFixture, Library, [Paper]) {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try library.ingest(papers, source: "s")
        try library.rate(papers[0].id, .like, profile: "vision")
        try library.rate(papers[1].id, .like, profile: "vision")
        try library.rate(papers[2].id, .dislike, profile: "vision")
        try library.rate(papers[3].id, .like, profile: "nlp")
        try library.saveShortlist(day: "2025-12-23", profile: "vision", json: Data("{}".utf8))
        return (fixture, library, papers)
    }

    @Test func listingsCountLikesAndDislikesPerProfile() throws {
        let (_, library, _) = try ratedLibrary()
        try library.createProfile("empty")
        let listings = try library.profileListings()
        #expect(listings.map(\.name) == ["empty", "nlp", "vision"])
        #expect(listings.map(\.likes) == [0, 1, 2])
        #expect(listings.map(\.dislikes) == [0, 0, 1])
    }

    @Test func renameMovesRatingsAndShortlistsInOneGo() throws {
        let (fixture, library, papers) = try ratedLibrary()
        let before = try library.ratings(profile: "vision")

        try library.renameProfile("vision", to: "cv")

        #expect(try library.ratings(profile: "cv") == before)
        #expect(try library.ratings(profile: "vision").isEmpty)
        #expect(try library.profiles().map(\.name) == ["cv", "nlp"])
        #expect(try library.shortlist(day: "2025-12-23", profile: "cv") == Data("{}".utf8))
        #expect(try library.rating(of: papers[2].id, profile: "cv") == .dislike)
        let orphans = try fixture.database().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM ratings WHERE profile NOT IN (SELECT name FROM profiles)")
        }
        #expect(orphans == 0)
    }

    @Test func renameRefusesAnUnknownProfileAndATakenName() throws {
        let (_, library, _) = try ratedLibrary()
        #expect(throws: LibraryError.unknownProfile("nope")) { try library.renameProfile("nope", to: "x") }
        #expect(throws: LibraryError.profileExists("nlp")) { try library.renameProfile("vision", to: "nlp") }
        #expect(try library.ratings(profile: "vision").count == 3, "a refused rename changes nothing")
        #expect(LibraryError.profileExists("nlp").description.contains("arxrec profile delete nlp"))
    }

    @Test func deleteRemovesTheProfileItsRatingsAndShortlistsOnly() throws {
        let (_, library, papers) = try ratedLibrary()
        #expect(try library.deleteProfile("vision") == 3)
        #expect(try library.profiles().map(\.name) == ["nlp"])
        #expect(try library.ratings(profile: "nlp").count == 1)
        #expect(try library.shortlist(day: "2025-12-23", profile: "vision") == nil)
        #expect(try library.stats().papers == papers.count, "papers stay")
        #expect(throws: LibraryError.unknownProfile("vision")) { try library.deleteProfile("vision") }
    }

    @Test func resetRemovesRatingsAndRestoreBringsThemBackWithTheirTimes() throws {
        let (_, library, _) = try ratedLibrary()
        let before = try library.ratings(profile: "vision")

        let removed = try library.resetProfile("vision")

        #expect(removed == before)
        #expect(try library.ratings(profile: "vision").isEmpty)
        #expect(try library.profiles().map(\.name).contains("vision"), "the profile stays")
        try library.restoreRatings(removed, profile: "vision")
        #expect(try library.ratings(profile: "vision") == before)
        #expect(throws: LibraryError.unknownProfile("nope")) { try library.resetProfile("nope") }
    }

    @Test func latestShortlistIsTheOneStoredLast() throws {
        let (_, library, _) = try ratedLibrary()
        #expect(try library.latestShortlist(profile: "nlp") == nil)
        try library.saveShortlist(day: "2025-12-30", profile: "vision", json: Data("[30]".utf8))
        try library.saveShortlist(day: "2025-12-02", profile: "vision", json: Data("[2]".utf8))
        let latest = try #require(try library.latestShortlist(profile: "vision"))
        #expect(latest.day == "2025-12-02" && latest.json == Data("[2]".utf8), "shown last, not the latest day")
    }

    @Test func plainProfileNamesAreWhatEveryCommandAccepts() {
        for name in ["default", "vision", "cs.CV", "nlp-2025", "视觉"] { #expect(Library.isValidProfileName(name)) }
        for name in ["", "a b", "<script>", "x/y", String(repeating: "p", count: 65), "a\u{0}"] {
            #expect(!Library.isValidProfileName(name))
        }
    }
}
