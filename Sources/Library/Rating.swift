public import ArxivFormats
public import Foundation

/// A user's verdict on a paper; stored as +1 / −1.
public enum Rating: Int, Sendable, Codable, CaseIterable {
    case like = 1
    case dislike = -1
}

/// One stored rating of one profile.
public struct RatingRecord: Sendable, Codable, Hashable {
    /// The rated paper (version-less: a rating is about the paper, not a version).
    public var id: ArxivID
    public var value: Rating
    public var ratedAt: Date
}

/// A named profile (a topic of interest) with its settings as JSON text.
public struct ProfileRecord: Sendable, Codable, Hashable {
    public var name: String
    public var created: Date
}
