/// The leading dimensions of a row that a *prefix* first pass scores: the cheapest pass of a whole-library
/// scan, over a copy of only these dimensions in 8 bits (``Int8RowLayout`` of ``dimension`` values).
///
/// Why the leading ones: the dense view's dimensions are ordered by singular value, and its weights are the
/// singular values cubed, so the first dimensions carry most of every row's length and of every score; a
/// prefix score ranks the library well enough that the few thousand best rows contain the exact top k
/// (measured: Benchmarks/README.md, "Prefix first pass").
///
/// Why a ladder of widths, each twice the one before: a paper's own row keeps most of its length in the
/// leading 32 dimensions, but a short search text often spreads its length further, and a pass that cannot
/// see a third of the query misses true neighbours. Such a query reads the narrowest copy that sees it, at
/// a fraction of the bytes of the full 8-bit rows, instead of the full rows (run 12, Benchmarks/README.md).
public enum Int8Prefix: CaseIterable, Sendable {
    /// The leading 32 dimensions: a seventh of the full 8-bit rows' bytes at 256 dimensions.
    case narrow
    /// The leading 64 dimensions, for queries the narrow copy cannot see well enough.
    case wide
    /// The leading 128 dimensions (half of the default model's), for queries the wide copy cannot see.
    case half

    /// Leading dimensions kept.
    public var dimension: Int {
        switch self {
        case .narrow: 32
        case .wide: 64
        case .half: 128
        }
    }

    /// The prefixes a model of `dimension` dimensions keeps copies of: those narrower than its rows. A prefix
    /// as wide as the row would be the full copy again, at the same bytes.
    public static func kept(forDimension dimension: Int) -> [Int8Prefix] {
        allCases.filter { $0.dimension < dimension }
    }

    /// The layout of this prefix's rows (of a model that keeps it: ``kept(forDimension:)``).
    public var layout: Int8RowLayout { Int8RowLayout(dimension: dimension) }

    /// A prefix copy is scanned for a query only when its leading dimensions hold at least this share of
    /// the query's squared length; a query no prefix sees well enough gets the full pass. The rest of the
    /// query's length is what a prefix pass cannot see.
    ///
    /// Why a share of its own for each width: what a prefix pass misstates of a row's score is the product
    /// of the query's unseen part and the row's, and the wider the prefix, the less of a row it leaves
    /// unseen (a paper's row keeps at least 0.64 of its squared length in the leading 32 dimensions, 0.78 in
    /// 64 and 0.90 in 128, for 99 % of the corpus's rows), so a wider copy can take a query it sees less of.
    /// Each share is the lowest, rounded up to 0.05, at which the copy found every true neighbour of every
    /// query it took, keeping `TwoStageScan.prefixCandidates` rows, among 1,439 real queries (papers' rows,
    /// titles and 1,140 short search texts) at 1 M and 2.7 M rows (Benchmarks/README.md, run 13). At the
    /// single 0.7 of before, the narrow copy lost some or all of the neighbours of 17 short texts at 2.7 M
    /// and the wide copy of 4, while the half copy missed one neighbour of one query, whatever the share (the
    /// lowest seen was 0.52). On 717 other queries at 2.7 M the plan's recall@10 is 0.9989 with these shares
    /// against 0.9891 with 0.7 (the same float prefixes), and 0.9987 through the shipped 8-bit stages
    /// (`scan-bench`): the wide copy still loses most neighbours of a rare short text, which only a bound per
    /// row would rule out.
    public var minimumQueryShare: Float {
        switch self {
        case .narrow: 0.9
        case .wide: 0.85
        case .half: 0.5
        }
    }

    /// This prefix pass's query: the leading ``dimension`` values of `query`, or `nil` when they hold less
    /// than ``minimumQueryShare`` of its squared length (or it is zero).
    public func query(_ query: [Float]) -> Int8ScanQuery? {
        let leading = Array(query.prefix(dimension))
        let total = query.reduce(Float(0)) { $0 + $1 * $1 }
        let share = leading.reduce(Float(0)) { $0 + $1 * $1 }
        guard total > 0, share >= minimumQueryShare * total else { return nil }
        return Int8ScanQuery(leading, layout: layout)
    }

    /// A prefix pass is trusted when the best ``trustedRows`` rows of the 8-bit pass after it all come from
    /// this share of its ranking (the first quarter of the rows it keeps); otherwise the next wider prefix
    /// copy that sees the query is scanned, and its result used. The widest is trusted as it is.
    ///
    /// Why: a prefix pass misses true neighbours when the dimensions it cannot see move the scores most, and
    /// then the neighbours it does keep sit near its cut too. Measured with numpy on `scan-bench`'s rows at
    /// 2.7 M (float prefixes keeping 8,192; Benchmarks/README.md, run 13), over the 2,156 queries of run 13:
    /// the exact top 10 of the kept rows sit at prefix rank ~50 (median) and ~1,000 (99th percentile) on the
    /// narrow and wide copies, while 30 of the 35 queries these copies failed at the old single gate of 0.7
    /// had a neighbour deeper than 2,048 (so a quarter would have sent on 26 of the 28 narrow failures and 4 of
    /// the 7 wide ones, moving 6.7 % and 2.0 % of those copies' queries). With the gates of
    /// ``minimumQueryShare`` it moves 0.1–0.5 % of each copy's queries, and the one failure left (wide, a
    /// neighbour at rank 6,082) among them.
    public static let trustedDepthShare = 0.25

    /// How many of the best rows ``trustedDepthShare`` checks: the ten a search or `similar` shows, which is
    /// what the measurement behind it checked (deeper rows of a longer list sit deeper in any ranking).
    public static let trustedRows = 10

    /// Whether a prefix pass (`coarse`) can be trusted with the 8-bit pass after it (`fine`): each of the
    /// best `count` rows of `fine` is among the first `depth` of `coarse`'s ranking (or past the prefix copy,
    /// where the prefix pass did not rank it). See ``trustedDepthShare``.
    public static func isTrusted(_ fine: Int8FirstPass.Result, after coarse: Int8FirstPass.Result, count: Int, depth: Int) -> Bool {
        let deep = Set(coarse.ranked.dropFirst(depth))
        return !fine.ranked.prefix(count).contains { deep.contains($0) }
    }
}
