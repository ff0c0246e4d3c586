import Foundation

/// The weak negatives a long-running process (`arxrec serve`) used last, kept in memory so that each page
/// does not load the cache file (its 16 MB factor and the 2,000 papers' vectors) again.
///
/// It holds exactly what ``Recommender/weakNegatives(excluding:)`` would return from its disk cache, and is
/// trusted under the same rule (``WeakNegativesCache/isFresh(ids:drawnFrom:libraryPapers:rated:wanted:)``):
/// a rating of one of its papers, a library more than doubled, or other settings make it draw or load anew.
public final class WeakNegativesMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (negatives: WeakNegatives, libraryPapers: Int)?

    public init() {}

    /// The kept sample if it still serves a library of `libraryPapers` papers with `rated` rated ones.
    func negatives(for settings: ProfileSettings, libraryPapers: Int, rated: Set<String>) -> WeakNegatives? {
        lock.lock()
        defer { lock.unlock() }
        guard let kept, kept.negatives.matches(settings),
              WeakNegativesCache.isFresh(
                ids: kept.negatives.ids, drawnFrom: kept.libraryPapers, libraryPapers: libraryPapers, rated: rated,
                wanted: settings.weakNegativeCount)
        else { return nil }
        return kept.negatives
    }

    /// Keeps `negatives`, drawn when the library had `libraryPapers` papers.
    func keep(_ negatives: WeakNegatives, drawnFrom libraryPapers: Int) {
        lock.lock()
        defer { lock.unlock() }
        kept = (negatives, libraryPapers)
    }
}
