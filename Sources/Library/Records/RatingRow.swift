import Foundation
import GRDB

/// One row of `ratings`.
struct RatingRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ratings"
    var profile: String
    var baseID: String
    var value: Int
    var ratedAt: Date

    enum CodingKeys: String, CodingKey {
        case profile, baseID = "base_id", value, ratedAt = "rated_at"
    }

    enum Columns {
        static let profile = Column(CodingKeys.profile)
        static let baseID = Column(CodingKeys.baseID)
        static let ratedAt = Column(CodingKeys.ratedAt)
    }
}

/// One row of `profiles`.
struct ProfileRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "profiles"
    var name: String
    var createdAt: Date
    /// A column of schema v1 that no version has written: always `{}`, kept (and copied by a rename) so
    /// that no migration has to rebuild the table.
    var settings: String

    enum CodingKeys: String, CodingKey {
        case name, createdAt = "created_at", settings
    }
}

/// One row of `shortlists`.
struct ShortlistRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "shortlists"
    var day: String
    var profile: String
    var json: Data
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case day, profile, json, createdAt = "created_at"
    }
}

/// One row of `ingest_runs`.
struct IngestRunRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "ingest_runs"
    var id: Int64?
    var source: String
    var startedAt: Date
    var finishedAt: Date?
    var inserted: Int
    var updated: Int
    var unchanged: Int
    var skipped: Int
    var status: String

    enum CodingKeys: String, CodingKey {
        case id, source, startedAt = "started_at", finishedAt = "finished_at"
        case inserted, updated, unchanged, skipped, status
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
