public import ArxivFormats
import Foundation
import GRDB

extension Library {
    /// The profile used when the user names none.
    public static let defaultProfile = "default"

    /// Records `rating` of `id` for `profile` (created when new), replacing an earlier rating.
    /// Committed before it returns: a rating is never lost to a later crash.
    /// - Throws: ``LibraryError/unknownPaper(_:)`` when the paper is not in the library.
    public func rate(_ id: ArxivID, _ rating: Rating, profile: String) throws {
        try rate([id], rating, profile: profile)
    }

    /// Records `rating` of every paper of `ids` for `profile` in one transaction: all of them or, when
    /// one is missing from the library (or the process is killed), none. `import-likes` relies on it.
    /// - Throws: ``LibraryError/unknownPaper(_:)`` naming the first paper not in the library.
    public func rate(_ ids: [ArxivID], _ rating: Rating, profile: String) throws {
        try Self.validateProfileName(profile)
        let now = Date()
        try write { db in
            for id in ids {
                guard try PaperRecord.exists(db, key: id.base) else { throw LibraryError.unknownPaper(id.base) }
            }
            try ensureProfile(profile, in: db, now: now)
            for id in ids {
                try RatingRow(profile: profile, baseID: id.base, value: rating.rawValue, ratedAt: now).upsert(db)
            }
        }
    }

    /// Removes `profile`'s rating of `id`; `false` when there was none.
    @discardableResult
    public func clearRating(_ id: ArxivID, profile: String) throws -> Bool {
        try Self.validateProfileName(profile)
        return try write { db in
            try RatingRow.deleteOne(db, key: ["profile": profile, "base_id": id.base])
        }
    }

    /// `profile`'s ratings, oldest first.
    public func ratings(profile: String) throws -> [RatingRecord] {
        try ratingRecords(try read { db in try Self.ratingRows(of: profile, in: db) })
    }

    /// `profile`'s rating rows, oldest first.
    static func ratingRows(of profile: String, in db: Database) throws -> [RatingRow] {
        try RatingRow.filter(RatingRow.Columns.profile == profile)
            .order(RatingRow.Columns.ratedAt, RatingRow.Columns.baseID).fetchAll(db)
    }

    func ratingRecords(_ rows: [RatingRow]) throws -> [RatingRecord] {
        try rows.map { row in
            guard let value = Rating(rawValue: row.value) else {
                throw LibraryError.corruptRow(table: "ratings", key: "\(row.profile)/\(row.baseID)", reason: "value \(row.value)")
            }
            return RatingRecord(id: try storedID(row.baseID, version: nil), value: value, ratedAt: row.ratedAt)
        }
    }

    /// Every profile, by name.
    public func profiles() throws -> [ProfileRecord] {
        try read { db in try ProfileRow.order(Column("name")).fetchAll(db) }
            .map { ProfileRecord(name: $0.name, created: $0.createdAt) }
    }

    /// Creates `name` with empty settings unless it exists.
    public func createProfile(_ name: String) throws {
        try Self.validateProfileName(name)
        let now = Date()
        try write { db in try ensureProfile(name, in: db, now: now) }
    }

    func ensureProfile(_ name: String, in db: Database, now: Date) throws {
        try db.execute(
            sql: "INSERT INTO profiles (name, created_at, settings) VALUES (?, ?, '{}') ON CONFLICT(name) DO NOTHING",
            arguments: [name, now])
    }

    /// The one rule for profile names, wherever they come from (`--profile`, `config.json`): 1–64
    /// letters, digits, `-`, `_` or `.`. Names become file names (`shortlists/<day>-<profile>.md`), so
    /// separators, control characters and spaces are out.
    public static func isValidProfileName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Throws ``LibraryError/invalidProfileName(_:)`` unless ``isValidProfileName(_:)``.
    public static func validateProfileName(_ name: String) throws(LibraryError) {
        guard isValidProfileName(name) else { throw .invalidProfileName(name) }
    }
}
