import ArxivFormats
import Library

/// What the web page changed, per profile, newest last, so that Undo can put the previous state back:
/// a rating's earlier value (or none), or every rating a reset removed.
///
/// Kept in memory for as long as the server runs: undo is for the click just made, not an archive.
actor RatingHistory {
    enum Change: Sendable, Equatable {
        case rating(id: ArxivID, title: String, before: Rating?, after: Rating?)
        case reset(removed: [RatingRecord])
    }

    /// Changes kept per profile.
    static let depth = 100

    private var changes: [String: [Change]] = [:]

    func record(_ change: Change, profile: String) {
        var list = changes[profile, default: []]
        list.append(change)
        if list.count > Self.depth { list.removeFirst(list.count - Self.depth) }
        changes[profile] = list
    }

    /// The change Undo would revert.
    func last(profile: String) -> Change? { changes[profile]?.last }

    /// Takes the last change off the list.
    func popLast(profile: String) -> Change? { changes[profile]?.popLast() }
}
