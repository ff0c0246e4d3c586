import LinearAlgebra
import Recommender

/// Author-simulated users of the profile task (issue 9's protocol).
///
/// An author (exact name string) with at least ``minimumPapers`` evaluated papers is a candidate user;
/// up to ``maximumUsers`` are drawn with the seed. Each user's papers, sorted by (day, id), split into the
/// earliest ⌈``likedShare`` · n⌉ — the likes the profile learns from — and the later ones, each a held-out
/// positive hidden in a "day" of ``dayPapers`` papers: itself plus random papers not by that author
/// announced within ±``windowDays`` of it.
public struct UserSimulation: Sendable {
    public var minimumPapers = 6
    public var maximumUsers = 300
    public var likedShare = 0.6
    /// Candidates per held-out positive, the positive included.
    public var dayPapers = 200
    public var windowDays = 30

    public init() {}

    /// One simulated user: indices into the evaluated papers.
    public struct User: Sendable, Equatable {
        public let author: String
        public let liked: [Int]
        public let heldOut: [HeldOut]
    }

    /// A held-out positive and the papers it is hidden among.
    public struct HeldOut: Sendable, Equatable {
        public let positive: Int
        public let negatives: [Int]
    }

    /// How a user's papers become likes and held-out positives.
    enum Split {
        /// The earliest ``likedShare`` are liked, the rest held out; any dated paper is a candidate.
        case share
        /// Papers announced before `cutDay` (days since 1970) are liked, the later ones held out — only
        /// those in `candidates`, which are also the only papers a day is filled with (`evaluate --crosslang`:
        /// the test period's papers that have a Chinese text). A user needs ``minimumLikes`` likes and one
        /// held-out positive.
        case cut(day: Int, candidates: Set<Int>)
    }

    /// Likes a user of a ``Split/cut`` split needs.
    public var minimumLikes = 3

    /// Draws the users. Papers without a day take no part (they can be neither liked nor held out).
    func users(papers: [EvaluatedPaper], authorNames: [String], seed: UInt64, split: Split = .share) -> [User] {
        var papersByAuthor = [[Int]](repeating: [], count: authorNames.count)
        for (index, paper) in papers.enumerated() where paper.day != nil {
            for author in paper.authors { papersByAuthor[Int(author)].append(index) }
        }
        func divide(_ own: [Int]) -> (liked: [Int], heldOut: [Int]) {
            switch split {
            case .share:
                let likedCount = Int((Double(own.count) * likedShare).rounded(.up))
                return (Array(own[..<likedCount]), Array(own[likedCount...]))
            case .cut(let cutDay, let candidates):
                return (own.filter { (papers[$0].day ?? 0) < cutDay },
                        own.filter { (papers[$0].day ?? 0) >= cutDay && candidates.contains($0) })
            }
        }
        func isEligible(_ author: Int) -> Bool {
            guard papersByAuthor[author].count >= minimumPapers else { return false }
            guard case .cut = split else { return true }
            let (liked, heldOut) = divide(papersByAuthor[author])
            return liked.count >= minimumLikes && !heldOut.isEmpty
        }
        let eligible = (0 ..< authorNames.count)
            .filter(isEligible)
            .sorted { authorNames[$0] < authorNames[$1] }
        let chosen = SeededSample.indices(count: maximumUsers, from: eligible.count, seed: seed ^ EvaluationCorpus.Stream.users)
            .map { eligible[$0] }

        // Papers by day, for the ±window candidate pools.
        let dated = papers.indices.filter { index in
            guard papers[index].day != nil else { return false }
            if case .cut(_, let candidates) = split { return candidates.contains(index) }
            return true
        }
            .sorted { (papers[$0].day ?? 0, $0) < (papers[$1].day ?? 0, $1) }
        let days = dated.map { papers[$0].day ?? 0 }
        var generator = SeededGenerator(seed: seed ^ EvaluationCorpus.Stream.days)
        var pool: [Int] = []

        return chosen.map { author in
            let own = papersByAuthor[author].sorted {
                (papers[$0].day ?? 0, papers[$0].id) < (papers[$1].day ?? 0, papers[$1].id)
            }
            let (liked, positives) = divide(own)
            let heldOut = positives.map { positive -> HeldOut in
                let day = papers[positive].day ?? 0
                let lower = days.partitioningIndex { $0 >= day - windowDays }
                let upper = days.partitioningIndex { $0 > day + windowDays }
                pool.removeAll(keepingCapacity: true)
                for k in lower ..< upper {
                    let candidate = dated[k]
                    if !papers[candidate].authors.contains(Int32(author)) { pool.append(candidate) }
                }
                let negatives = SeededSample.draw(dayPapers - 1, from: &pool, using: &generator)
                return HeldOut(positive: positive, negatives: negatives)
            }
            return User(author: authorNames[author], liked: liked, heldOut: heldOut)
        }
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate that is false then true
    /// along the array (binary search).
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
