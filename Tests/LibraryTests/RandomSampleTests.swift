import ArxivFormats
import Foundation
import GRDB
@testable import Library
import TestSupport
import Testing

/// The sample ``Library/randomPaperIDs(count:seed:excluding:)`` draws from a library of 50,000 papers or
/// more by probing rowids (the path every shortlist takes on a large library), called directly on a
/// 2,000-paper library to keep the test fast; `QueryTests` covers the whole-library path.
@Suite struct RandomSampleTests {
    static let libraryPapers = 2_000

    private func probed(_ library: Library, count: Int, seed: UInt64, excluding: Set<String> = []) throws -> [ArxivID]? {
        try library.read { db in try library.probedSample(db, count: count, seed: seed, excluding: excluding) }
    }

    private func library() throws -> (LibraryFixture, Library, [Paper]) {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let papers = try NumberedPapers.make(Self.libraryPapers)
        try library.ingest(papers, source: "numbered")
        return (fixture, library, papers)
    }

    @Test func aProbedSampleIsSeededDistinctAndHonoursExclusions() throws {
        let (_, library, papers) = try library()
        let excluded = Set(papers.prefix(300).map(\.id.base))

        let sample = try #require(try probed(library, count: 100, seed: 7, excluding: excluded))

        #expect(sample.count == 100 && Set(sample).count == 100)
        #expect(sample.allSatisfy { !excluded.contains($0.base) })
        #expect(sample.allSatisfy { $0.version == 1 })
        #expect(try probed(library, count: 100, seed: 7, excluding: excluded) == sample)
        #expect(try probed(library, count: 100, seed: 8, excluding: excluded) != sample)
    }

    @Test func probesAreSpreadEvenlyOverTheLibrary() throws {
        let (_, library, papers) = try library()
        let position = Dictionary(uniqueKeysWithValues: papers.enumerated().map { ($0.element.id.base, $0.offset) })
        // 40 samples of 100 = 4,000 draws over 10 tenths of the library: 400 expected in each.
        var tenths = [Int](repeating: 0, count: 10)
        for seed in 0 ..< 40 {
            for id in try #require(try probed(library, count: 100, seed: UInt64(seed))) {
                guard let index = position[id.base] else { Issue.record("\(id) is not in the library"); continue }
                tenths[index * 10 / papers.count] += 1
            }
        }
        // χ² with 9 degrees of freedom stays under 27.9 in 99.9 % of uniform draws; a sample drawn from
        // one end of the library (the first ids, the newest rows) is far above it.
        let chiSquared = tenths.reduce(0.0) { $0 + pow(Double($1) - 400, 2) / 400 }
        #expect(chiSquared < 27.9, "draws per tenth: \(tenths)")
    }

    @Test func gapsLeftByDeletedPapersAreStepped() throws {
        let (fixture, library, _) = try library()
        // Delete all but every 20th paper: probes mostly land in gaps and take the next paper.
        try fixture.database().write { try $0.execute(sql: "DELETE FROM papers WHERE rowid % 20 <> 0") }
        let remaining = Set(try fixture.database().read { try String.fetchAll($0, sql: "SELECT base_id FROM papers") })
        #expect(remaining.count == 100)

        // Probing steps over the gaps to real, distinct papers; asking for more than there are exhausts the probes.
        let sample = try #require(try probed(library, count: 20, seed: 3))
        #expect(sample.count == 20 && Set(sample).count == 20)
        #expect(sample.allSatisfy { remaining.contains($0.base) })
        #expect(try probed(library, count: 150, seed: 3) == nil)
        // randomPaperIDs then reads the whole library: every paper, once.
        let whole = try library.randomPaperIDs(count: 150, seed: 3, excluding: [])
        #expect(whole.count == 100 && Set(whole.map(\.base)) == remaining)
    }
}
