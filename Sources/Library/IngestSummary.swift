public import Foundation

/// What one ``Library/ingest(_:source:run:)`` call did, one count per incoming record.
public struct IngestSummary: Sendable, Codable, Hashable {
    /// Records whose id was new to the library.
    public var inserted = 0
    /// Records that changed a stored paper (newer version, new text, a translation, metadata).
    public var updated = 0
    /// Records that said nothing new (re-ingesting a file gives only these).
    public var unchanged = 0

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }

    /// Records counted.
    public var total: Int { inserted + updated + unchanged }

    public static func + (lhs: IngestSummary, rhs: IngestSummary) -> IngestSummary {
        IngestSummary(inserted: lhs.inserted + rhs.inserted, updated: lhs.updated + rhs.updated,
                      unchanged: lhs.unchanged + rhs.unchanged)
    }

    public static func += (lhs: inout IngestSummary, rhs: IngestSummary) { lhs = lhs + rhs }
}

/// How an ingest run ended.
public enum IngestRunStatus: String, Sendable, Codable, CaseIterable {
    /// Started and not finished: still going, or killed.
    case running
    /// Every record was ingested.
    case succeeded
    /// Some records were skipped as malformed; the rest were ingested.
    case partial
    /// The run stopped on an error.
    case failed
}

/// One row of the ingest log.
public struct IngestRunRecord: Sendable, Codable, Hashable {
    public var id: Int64
    public var source: String
    public var startedAt: Date
    public var finishedAt: Date?
    /// Counts of the batches ingested with this run's id; committed with the papers themselves.
    public var summary: IngestSummary
    public var skipped: Int
    public var status: IngestRunStatus
}

/// Library totals, for `arxrec stats`; encodes as
/// `{"papers":N,"vectors":N,"ratings":N,"profiles":N,"model":"<id>","dimension":D}`.
public struct LibraryStats: Sendable, Codable, Hashable {
    public var papers: Int
    /// Papers whose vector row is present in the current model's vector file.
    public var vectors: Int
    public var ratings: Int
    public var profiles: Int
    public var model: String
    public var dimension: Int

    public init(papers: Int, vectors: Int, ratings: Int, profiles: Int, model: String, dimension: Int) {
        self.papers = papers
        self.vectors = vectors
        self.ratings = ratings
        self.profiles = profiles
        self.model = model
        self.dimension = dimension
    }
}
