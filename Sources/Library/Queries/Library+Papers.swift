public import ArxivFormats
import Foundation
import GRDB
import LinearAlgebra

extension Library {
    /// The stored paper with `id`'s base id (the version of `id` is ignored), or `nil`.
    public func paper(_ id: ArxivID) throws -> StoredPaper? {
        try read { db in try PaperRecord.fetchOne(db, key: id.base) }.map { try StoredPaper($0) }
    }

    /// The stored papers among `ids`, in the order of `ids`; ids not in the library are left out.
    public func papers(_ ids: [ArxivID]) throws -> [StoredPaper] {
        let bases = ids.map(\.base)
        let records = try read { db in
            try chunked(Array(Set(bases))).flatMap { try PaperRecord.fetchAll(db, keys: $0) }
        }
        let byID = Dictionary(records.map { ($0.baseID, $0) }, uniquingKeysWith: { first, _ in first })
        return try bases.compactMap { byID[$0] }.map { try StoredPaper($0) }
    }

    /// How many of `ids`' base ids (each counted once) are in the library: primary-key seeks that read no
    /// paper's text, for a cache that only needs to know its papers are still there.
    public func countStored(_ ids: [ArxivID]) throws -> Int {
        let bases = Array(Set(ids.map(\.base)))
        return try read { db in
            try chunked(bases).reduce(0) { $0 + (try PaperRecord.filter(keys: $1).fetchCount(db)) }
        }
    }

    /// The papers listed on `day` (`YYYY-MM-DD`: the UTC day of the first publication date the
    /// library learned for each), by id.
    ///
    /// Sorted here, not by SQL: with `ORDER BY base_id` and planner statistics saying a day holds a large
    /// share of the papers, SQLite walks the whole primary-key index to skip the sort (`QueryPlanTests`).
    public func papers(listedOn day: String) throws -> [StoredPaper] {
        try Self.validateDay(day)
        return try read { db in
            try PaperRecord.filter(PaperRecord.Columns.listedOn == day).fetchAll(db)
        }.sorted { $0.baseID < $1.baseID }.map { try StoredPaper($0) }
    }

    /// The papers whose main text is in `language` (e.g. `zh`: digest rows with no English metadata
    /// yet), by id — the candidates a same-language comparison can use.
    public func papers(language: String) throws -> [StoredPaper] {
        try read { db in
            try PaperRecord.filter(PaperRecord.Columns.language == language).order(PaperRecord.Columns.baseID).fetchAll(db)
        }.map { try StoredPaper($0) }
    }

    /// Every day that has papers, ascending.
    /// - Complexity: one index seek per day (``PaperQueries/listingDays``), not a pass over the papers.
    public func listingDays() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: PaperQueries.listingDays) }
    }

    /// The newest day that has papers (`nil` for an empty library): one index seek.
    public func newestListingDay() throws -> String? {
        try read { db in try String.fetchOne(db, sql: PaperQueries.newestListingDay) }
    }

    /// A deterministic sample of `count` library papers not in `excluding` (base ids): the same
    /// library content and seed give the same ids, in the same order. Fewer when the library has fewer.
    ///
    /// A library of ``minimumPapersToProbe`` papers or more, with room for the sample many times over, is
    /// sampled by probing random rowids (``probedSample(_:count:seed:excluding:)``): the cost grows with
    /// `count`, not with the library, which keeps a shortlist's weak negatives and noise sample cheap on
    /// all of arXiv. A smaller library is read whole and partly shuffled.
    public func randomPaperIDs(count: Int, seed: UInt64, excluding: Set<String>) throws -> [ArxivID] {
        guard count > 0 else { return [] }
        return try read { db in
            let (wanted, overflow) = count.addingReportingOverflow(excluding.count)
            let (room, tooMany) = wanted.multipliedReportingOverflow(by: Self.probingRoom)
            let papers = try paperCount(db)
            if !overflow, !tooMany, papers >= max(room, Self.minimumPapersToProbe),
               let sample = try probedSample(db, count: count, seed: seed, excluding: excluding) {
                return sample
            }
            return try wholeLibrarySample(db, count: count, seed: seed, excluding: excluding)
        }
    }

    /// Below this many papers reading every id costs a few tens of milliseconds, and the exact shuffle is
    /// kept: `arxrec evaluate`'s library (the 40,717-paper corpus) draws the samples its published figures
    /// were measured with.
    static let minimumPapersToProbe = 50_000
    /// How many times `count + excluded` papers the library must hold for probing: then at most a quarter
    /// of the probes hit a paper already drawn or excluded, so probing stays near `count` seeks.
    static let probingRoom = 4
    /// Probes per wanted paper before probing gives up (rowids with long gaps left by deleted papers) and
    /// the whole library is read instead.
    static let probesPerPaper = 8

    /// Draws rowids uniformly in `1...max(rowid)` and takes the first paper at or after each, skipping
    /// repeats and `excluding`. arxrec never deletes papers, so rowids are dense and the sample is uniform
    /// without replacement; after deletions a paper right after a gap is drawn a little more often.
    /// `nil` when the probes run out first.
    /// - Complexity: O(count · log n): one rowid seek per probe.
    func probedSample(_ db: Database, count: Int, seed: UInt64, excluding: Set<String>) throws -> [ArxivID]? {
        guard let last = try Int64.fetchOne(db, sql: PaperQueries.lastRowID), last >= 1 else { return [] }
        let probe = try db.cachedStatement(sql: PaperQueries.paperAtOrAfterRowID)
        var generator = SplitMix64(seed: seed)
        var seen = Set<Int64>()
        var sample: [ArxivID] = []
        sample.reserveCapacity(count)
        let (probes, overflow) = count.multipliedReportingOverflow(by: Self.probesPerPaper)
        for _ in 0 ..< (overflow ? Int.max : probes) {
            let target = 1 + Int64(generator.next() % UInt64(last))
            guard let row = try Row.fetchOne(probe, arguments: [target]) else { continue }
            let rowID: Int64 = row["rowid"]
            let base: String = row["base_id"]
            guard seen.insert(rowID).inserted, !excluding.contains(base) else { continue }
            sample.append(try storedID(base, version: row["version"]))
            if sample.count == count { return sample }
        }
        return nil
    }

    /// Every id in order, then a seeded partial shuffle: exact and uniform, and O(n) — for libraries too
    /// small to probe.
    func wholeLibrarySample(_ db: Database, count: Int, seed: UInt64, excluding: Set<String>) throws -> [ArxivID] {
        let rows = try Row.fetchAll(db, sql: "SELECT base_id, version FROM papers ORDER BY base_id")
        var candidates = rows.compactMap { row -> (String, Int?)? in
            let base: String = row["base_id"]
            return excluding.contains(base) ? nil : (base, row["version"])
        }
        var generator = SplitMix64(seed: seed)
        let picked = min(count, candidates.count)
        for i in 0..<picked {
            let j = i + Int(generator.next() % UInt64(candidates.count - i))
            candidates.swapAt(i, j)
        }
        return try candidates[0..<picked].map { base, version in try storedID(base, version: version) }
    }

    /// Rebuilds an ``ArxivID`` from stored columns; a failure means the row was written by something else.
    func storedID(_ base: String, version: Int?) throws -> ArxivID {
        do {
            return try ArxivID(base: base, version: version)
        } catch {
            throw LibraryError.corruptRow(table: "papers", key: base, reason: error.description)
        }
    }

    /// Splits keys so one `IN (…)` never exceeds SQLite's bound-parameter limit.
    func chunked<T>(_ values: [T], size: Int = 500) -> [[T]] {
        stride(from: 0, to: values.count, by: size).map { Array(values[$0..<min($0 + size, values.count)]) }
    }

    static func validateDay(_ day: String) throws {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]), (1...31).contains(day)
        else { throw LibraryError.invalidDay(day) }
    }
}
