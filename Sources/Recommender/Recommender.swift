import ArxivFormats
public import Library
import LinearAlgebra
public import TextEmbedding

/// The three jobs users come for, over one library and one embedding model: learn a profile from
/// ratings, rank a day's candidates into a shortlist, and find similar papers.
///
/// Each job is an extension in its own folder: `Profile/Recommender+Profiles.swift` (ratings → profile),
/// `WeakNegatives/Recommender+WeakNegatives.swift` (the unrated sample every ridge shares),
/// `Shortlist/Recommender+Shortlist.swift` and `Steering/` (a day ranked, filtered and explained),
/// `Similar/Recommender+Similar.swift` (`similar` and `search`), `CrossLanguage/` (Chinese rows).
public struct Recommender: Sendable {
    public let library: Library
    public let model: EmbeddingModel
    public var settings: ProfileSettings
    /// Seed of the weak-negative sample, so a profile is the same on every run over the same library.
    public var negativeSeed: UInt64 = 0x6172_7872_6563
    /// Set by a long-running process to keep the weak negatives in memory between profiles (see
    /// ``WeakNegativesMemo``); `nil` for a command, which fits once.
    public var weakNegativesMemo: WeakNegativesMemo?

    public init(library: Library, model: EmbeddingModel, settings: ProfileSettings = .standard) {
        self.library = library
        self.model = model.keepingCalibrationViews(in: CalibrationViewsCache(directory: library.directory, modelID: model.id))
        self.settings = settings
    }

    var featureCount: Int { model.definition.bucketCount }
}
