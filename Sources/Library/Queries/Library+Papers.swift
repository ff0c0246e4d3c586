import ArxivFormats
import Foundation
import GRDB

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

    /// The papers listed on `day` (`YYYY-MM-DD`: the UTC day of the first publication date the
    /// library learned for each), by id.
    public func papers(listedOn day: String) throws -> [StoredPaper] {
        try Self.validateDay(day)
        return try read { db in
            try PaperRecord.filter(PaperRecord.Columns.listedOn == day).order(PaperRecord.Columns.baseID).fetchAll(db)
        }.map { try StoredPaper($0) }
    }

    /// The papers whose main text is in `language` (e.g. `zh`: digest rows with no English metadata
    /// yet), by id — the candidates a same-language comparison can use.
    public func papers(language: String) throws -> [StoredPaper] {
        try read { db in
            try PaperRecord.filter(PaperRecord.Columns.language == language).order(PaperRecord.Columns.baseID).fetchAll(db)
        }.map { try StoredPaper($0) }
    }

    /// Every day that has papers, ascending.
    public func listingDays() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT listed_on FROM papers WHERE listed_on IS NOT NULL ORDER BY listed_on")
        }
    }

    /// A deterministic sample of `count` library papers not in `excluding` (base ids): the same
    /// library content and seed give the same ids, in the same order. Fewer when the library has fewer.
    ///
    /// - Complexity: O(n) in the library's size (one pass over the sorted ids, a partial shuffle).
    public func randomPaperIDs(count: Int, seed: UInt64, excluding: Set<String>) throws -> [ArxivID] {
        guard count > 0 else { return [] }
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT base_id, version FROM papers ORDER BY base_id")
        }
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

/// A seeded 64-bit generator (SplitMix64): the same seed gives the same sequence on every platform,
/// which `SystemRandomNumberGenerator` does not.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
