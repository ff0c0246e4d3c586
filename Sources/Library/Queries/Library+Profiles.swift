public import ArxivFormats
public import Foundation
import GRDB

/// A profile with how many papers it likes and dislikes: one line of `arxrec profile list`.
public struct ProfileListing: Sendable, Codable, Hashable {
    public var name: String
    public var created: Date
    public var likes: Int
    public var dislikes: Int
}

extension Library {
    /// Every profile, by name, with its rating counts (one query, whatever the number of profiles).
    public func profileListings() throws -> [ProfileListing] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.name, p.created_at,
                       COALESCE(SUM(CASE WHEN r.value = 1 THEN 1 ELSE 0 END), 0) AS likes,
                       COALESCE(SUM(CASE WHEN r.value = -1 THEN 1 ELSE 0 END), 0) AS dislikes
                FROM profiles p LEFT JOIN ratings r ON r.profile = p.name
                GROUP BY p.name ORDER BY p.name
                """)
        }.map { row in
            ProfileListing(name: row["name"], created: row["created_at"], likes: row["likes"], dislikes: row["dislikes"])
        }
    }

    /// `profile`'s current rating of `id`, or `nil` when it has none.
    public func rating(of id: ArxivID, profile: String) throws -> Rating? {
        let value = try read { db in
            try Int.fetchOne(
                db, sql: "SELECT value FROM ratings WHERE profile = ? AND base_id = ?", arguments: [profile, id.base])
        }
        return value.flatMap(Rating.init(rawValue:))
    }

    /// Gives profile `old` the name `new`, with its ratings, settings and stored shortlists, in one transaction.
    /// - Throws: ``LibraryError/unknownProfile(_:)`` when `old` does not exist, ``LibraryError/profileExists(_:)``
    ///   when `new` does.
    public func renameProfile(_ old: String, to new: String) throws {
        try Self.validateProfileName(new)
        try write { db in
            guard let row = try ProfileRow.fetchOne(db, key: old) else { throw LibraryError.unknownProfile(old) }
            guard old != new else { return }
            guard try !ProfileRow.exists(db, key: new) else { throw LibraryError.profileExists(new) }
            // The rows that name the profile are moved before the old name goes (its delete would cascade).
            try ProfileRow(name: new, createdAt: row.createdAt, settings: row.settings).insert(db)
            try db.execute(sql: "UPDATE ratings SET profile = ? WHERE profile = ?", arguments: [new, old])
            try db.execute(sql: "UPDATE shortlists SET profile = ? WHERE profile = ?", arguments: [new, old])
            _ = try ProfileRow.deleteOne(db, key: old)
        }
    }

    /// Deletes `name` with its ratings and stored shortlists; returns how many ratings went with it.
    /// - Throws: ``LibraryError/unknownProfile(_:)`` when there is no such profile.
    @discardableResult
    public func deleteProfile(_ name: String) throws -> Int {
        try write { db in
            guard try ProfileRow.exists(db, key: name) else { throw LibraryError.unknownProfile(name) }
            let ratings = try RatingRow.filter(RatingRow.Columns.profile == name).fetchCount(db)
            // ratings and shortlists reference profiles ON DELETE CASCADE.
            _ = try ProfileRow.deleteOne(db, key: name)
            return ratings
        }
    }

    /// Removes every rating of `name` and keeps the profile (its settings, its name); returns the
    /// ratings removed, so a caller can put them back.
    /// - Throws: ``LibraryError/unknownProfile(_:)`` when there is no such profile.
    public func resetProfile(_ name: String) throws -> [RatingRecord] {
        let removed = try write { db in
            guard try ProfileRow.exists(db, key: name) else { throw LibraryError.unknownProfile(name) }
            let rows = try Self.ratingRows(of: name, in: db)
            try RatingRow.filter(RatingRow.Columns.profile == name).deleteAll(db)
            return rows
        }
        return try ratingRecords(removed)
    }
}

extension Library {
    /// Puts back ratings that ``resetProfile(_:)`` removed, with their original times, in one transaction
    /// (creating the profile when it was deleted meanwhile); ratings of papers no longer in the library are skipped.
    public func restoreRatings(_ ratings: [RatingRecord], profile: String) throws {
        try Self.validateProfileName(profile)
        let now = Date()
        try write { db in
            try ensureProfile(profile, in: db, now: now)
            for rating in ratings where try PaperRecord.exists(db, key: rating.id.base) {
                try RatingRow(profile: profile, baseID: rating.id.base, value: rating.value.rawValue, ratedAt: rating.ratedAt)
                    .upsert(db)
            }
        }
    }

}
