public import Foundation
import GRDB

extension Library {
    /// Stores (or replaces) the shortlist JSON of `profile` for `day` (`YYYY-MM-DD`), so a second
    /// run for the same day overwrites rather than duplicates. The newest stored list of a profile is
    /// the one `arxrec rate N` numbers from (``latestShortlist(profile:)``).
    public func saveShortlist(day: String, profile: String, json: Data) throws {
        try Self.validateDay(day)
        try Self.validateProfileName(profile)
        let now = Date()
        try write { db in
            try ensureProfile(profile, in: db, now: now)
            // Deleted and inserted rather than updated, so the newest save also has the highest rowid, which
            // orders saves made within one clock tick.
            _ = try ShortlistRow.deleteOne(db, key: ["day": day, "profile": profile])
            try ShortlistRow(day: day, profile: profile, json: json, createdAt: now).insert(db)
        }
    }

    /// The stored shortlist JSON of `profile` for `day`, or `nil`.
    public func shortlist(day: String, profile: String) throws -> Data? {
        try Self.validateDay(day)
        return try read { db in try ShortlistRow.fetchOne(db, key: ["day": day, "profile": profile])?.json }
    }

    /// The shortlist stored last for `profile` (by `shortlist` or `daily`), whatever its day, or `nil`.
    public func latestShortlist(profile: String) throws -> (day: String, json: Data)? {
        try read { db in
            try ShortlistRow.filter(Column("profile") == profile)
                .order(Column("created_at").desc, Column.rowID.desc).fetchOne(db)
        }.map { ($0.day, $0.json) }
    }
}
