import LinearAlgebra

/// A rated paper as the profile learner sees it: its id and its sparse-view vector.
public struct RatedExample: Sendable {
    public enum Label: Sendable { case like, dislike }
    public var id: String
    public var vector: SparseVector
    public var label: Label

    public init(id: String, vector: SparseVector, label: Label) {
        self.id = id
        self.vector = vector
        self.label = label
    }
}
