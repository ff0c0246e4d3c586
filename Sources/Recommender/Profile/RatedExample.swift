public import LinearAlgebra

/// A rated paper as the profile learner sees it: its id, its content and linear views and (when the profile
/// uses it) its topical-view vector.
public struct RatedExample: Sendable {
    public enum Label: Sendable { case like, dislike }
    public var id: String
    /// The content view (nearest-liked term).
    public var content: SparseVector
    /// The view the linear part learns from (``ProfileVector/linear``).
    public var linear: SparseVector
    /// Empty when the profile does not use the topical view.
    public var topical: [Float]
    public var label: Label

    public init(id: String, features: ProfileVector, label: Label) {
        self.id = id
        self.content = features.content
        self.linear = features.linear
        self.topical = features.topical
        self.label = label
    }
}
