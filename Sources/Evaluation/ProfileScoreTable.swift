import Recommender

/// Every score the profile task gave, term by term: one row per user, held-out positive and candidate of
/// its day (`evaluate --dump-scores FILE`).
///
/// Why: a blend weight is tuned on a fixed set of profiles and days, yet a 500-user `evaluate` run takes
/// minutes; with each term of ``Profile/score(_:)`` written out, any blend of them can be ranked again
/// offline in seconds (`Scripts/blend-grid.py`) and only the winner re-measured through `evaluate`.
public struct ProfileScoreTable: Sendable {
    /// One candidate of one held-out positive's day, as one user's profile scored it.
    public struct Row: Sendable {
        /// The user's index in the task's seeded draw (its prefix is the same for any `--users`).
        public var user: Int32
        /// The held-out positive's index among the user's.
        public var heldOut: Int32
        /// The candidate's index into ``ProfileScoreTable/ids``.
        public var paper: Int32
        public var isPositive: Bool
        /// ``Profile/Score``'s terms as `blend` weighs them: `score` = `linear` + nearestWeight ·
        /// (`nearest` − hubnessWeight · `hubness`) + topicalWeight · `topical`.
        public var linear: Float
        public var nearest: Float
        public var hubness: Float
        public var topical: Float
        public var score: Float

        init(user: Int, heldOut: Int, paper: Int, isPositive: Bool, score: Profile.Score) {
            self.user = Int32(clamping: user)
            self.heldOut = Int32(clamping: heldOut)
            self.paper = Int32(clamping: paper)
            self.isPositive = isPositive
            linear = score.linear
            nearest = score.nearest
            hubness = score.hubness
            topical = score.topical
            self.score = score.value
        }
    }

    /// How the candidates were read: the file's `reading` column.
    public enum Reading: String, Sendable {
        case english
        /// Only their Chinese text, translated (`evaluate --crosslang`).
        case chinese
    }

    public var reading: Reading
    public var rows: [Row]
    /// The evaluated papers' ids, by index.
    public var ids: [String]

    /// The file's first line: tab-separated columns, one row per line after it.
    public static let header = "reading\tuser\theld_out\tpaper\tpositive\tlinear\tnearest\thubness\ttopical\tscore"

    /// Rows `range` as lines of the file (each ending in a newline). Floats are written in their shortest
    /// form that reads back as the same `Float`, so the file recombines exactly.
    public func lines(_ range: Range<Int>) -> String {
        var text = ""
        for row in rows[range] {
            text += "\(reading.rawValue)\t\(row.user)\t\(row.heldOut)\t\(ids[Int(row.paper)])\t\(row.isPositive ? 1 : 0)\t"
            text += "\(row.linear)\t\(row.nearest)\t\(row.hubness)\t\(row.topical)\t\(row.score)\n"
        }
        return text
    }
}
