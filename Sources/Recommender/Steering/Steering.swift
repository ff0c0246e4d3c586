import Foundation
public import Library

/// What a reader asked the daily list to keep: a score bar and keyword and category filters, all applied
/// to the candidates before maximal marginal relevance picks the list, so a filtered-out or
/// below-the-bar paper never takes a place (and a thin day stays short instead of being padded).
public struct Steering: Sendable, Equatable {
    /// Where the bar comes from.
    public enum Threshold: Sendable, Equatable {
        /// Learned from the profile's own scores on a noise sample of the library (``ScoreBar``).
        case learned
        /// A fixed score.
        case fixed(Float)
        /// No bar: the list always fills (the behaviour before issue 18).
        case off
    }

    public var threshold: Threshold
    /// Keep only papers whose title or abstract mentions at least one of these (none: keep all).
    public var include: [KeywordTerm]
    /// Drop papers whose title or abstract mentions any of these.
    public var exclude: [KeywordTerm]
    /// Keep only papers listed in one of these categories (`cs.CL`) or archives (`cs`); none: keep all.
    public var categories: [String]

    public init(threshold: Threshold = .learned, include: [KeywordTerm] = [], exclude: [KeywordTerm] = [], categories: [String] = []) {
        self.threshold = threshold
        self.include = include
        self.exclude = exclude
        self.categories = categories
    }

    /// No bar and no filter: every candidate competes (`serve`, `evaluate`).
    public static let none = Steering(threshold: .off)

    /// Whether `paper` passes the keyword and category filters (the bar is applied to its score later).
    public func admits(_ paper: StoredPaper) -> Bool {
        if !categories.isEmpty, !paper.categories.contains(where: inCategories) { return false }
        guard !include.isEmpty || !exclude.isEmpty else { return true }
        let text = KeywordTerm.SearchableText(paper)
        if !include.isEmpty, !include.contains(where: { $0.occurs(in: text) }) { return false }
        return !exclude.contains { $0.occurs(in: text) }
    }

    /// `cs.CL` matches `cs.CL`; an archive alone (`cs`, `math`) matches every category of it.
    private func inCategories(_ category: String) -> Bool {
        categories.contains { wanted in
            wanted.caseInsensitiveCompare(category) == .orderedSame
                || (!wanted.contains(".") && category.lowercased().hasPrefix(wanted.lowercased() + "."))
        }
    }
}
