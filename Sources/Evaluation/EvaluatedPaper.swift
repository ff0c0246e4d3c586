import ArxivFormats
import Foundation
import Library
import Recommender

/// What the tasks need to know of one evaluated paper besides its vectors: who wrote it, its primary
/// category and its announcement day. Authors are interned to integers so the user simulation
/// compares numbers, not strings.
struct EvaluatedPaper: Sendable {
    let id: String
    /// Indices into the evaluation's author-name table, each author once.
    let authors: [Int32]
    let primaryCategory: String?
    /// Days since 1970-01-01 of the announcement (`listedOn`), nil when the library has no date.
    let day: Int?

    /// Interns the authors of `papers`, returning the papers and the name of every author index.
    static func make(_ papers: [StoredPaper]) -> (papers: [EvaluatedPaper], authorNames: [String]) {
        intern(papers.map { paper in
            let day = paper.listedOn.flatMap(Day.init).map { Self.dayNumber($0.date) }
                ?? paper.published.map(Self.dayNumber)
            return (paper.id.base, paper.authors, paper.primaryCategory, day)
        })
    }

    /// ``make(_:)`` for papers read from a corpus file (no library), dated by their first version.
    static func make(_ papers: [Paper]) -> (papers: [EvaluatedPaper], authorNames: [String]) {
        intern(papers.map { ($0.id.base, $0.authors, $0.primaryCategory, $0.published.map(Self.dayNumber)) })
    }

    private static func intern(_ papers: [(id: String, authors: [String], primaryCategory: String?, day: Int?)])
        -> (papers: [EvaluatedPaper], authorNames: [String])
    {
        var index: [String: Int32] = [:]
        var names: [String] = []
        let evaluated = papers.map { paper -> EvaluatedPaper in
            var authors: [Int32] = []
            for name in paper.authors {
                let key = index[name] ?? {
                    let new = Int32(names.count)
                    index[name] = new
                    names.append(name)
                    return new
                }()
                if !authors.contains(key) { authors.append(key) }
            }
            return EvaluatedPaper(id: paper.id, authors: authors, primaryCategory: paper.primaryCategory, day: paper.day)
        }
        return (evaluated, names)
    }

    static func dayNumber(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }
}
