public import Recommender

/// The figures of one evaluation run, in the JSON schema of issue 9:
/// `{"papers":N, "similar":{"P@10_primary":x, "queries":1000}, "profile":{"users":U, "positives":P,
/// "MRR":x, "Recall@10":x, "nDCG@10":x}, "seconds":t}` plus the model and the time of each phase.
public struct EvaluationReport: Codable, Sendable, Equatable {
    public var papers: Int
    /// The embedding model's id (fitted on the evaluated papers unless one was given).
    public var model: String
    /// Whether the model was fitted on the evaluated papers (`true`) or given.
    public var fitted: Bool
    public var seed: UInt64
    public var similar: Similar
    public var profile: ProfileFigures
    /// Wall-clock seconds of the whole run, fitting and ingest included.
    public var seconds: Double
    /// Seconds per phase: read (the corpus, when run by `arxrec evaluate`), fit, ingest, similar, profile.
    public var phases: [String: Double]

    public struct Similar: Codable, Sendable, Equatable {
        public var precision: Double
        public var queries: Int
        /// The sparse re-rank applied to the dense top `depth` (depth 0: none).
        public var reRank: SimilarReRank

        enum CodingKeys: String, CodingKey {
            case precision = "P@10_primary"
            case queries
            case reRank = "rerank"
        }
    }

    public struct ProfileFigures: Codable, Sendable, Equatable {
        /// The profile model (`blend`, `ridge`, `centroid`, `nearest`).
        public var model: String
        public var users: Int
        public var positives: Int
        public var meanReciprocalRank: Double
        public var recall: Double
        public var nDCG: Double
        /// The standard error of ``nDCG`` with users as clusters
        /// (``RankingAccumulator/nDCGStandardError(users:)``): how far another draw of users may move it.
        public var nDCGStandardError: Double
        /// The settings the profiles were learned with.
        public var settings: ProfileSettings

        enum CodingKeys: String, CodingKey {
            case model, users, positives, settings
            case meanReciprocalRank = "MRR"
            case recall = "Recall@10"
            case nDCG = "nDCG@10"
            case nDCGStandardError = "nDCG@10_stderr"
        }
    }
}
