/// The leading dimensions of a row that a *prefix* first pass scores: the cheapest pass of a whole-library
/// scan, over a copy of only these dimensions in 8 bits (``Int8RowLayout`` of ``dimension`` values).
///
/// Why the leading ones: the dense view's dimensions are ordered by singular value, and its weights are the
/// singular values cubed, so the first dimensions carry most of every row's length and of every score; a
/// prefix score ranks the library well enough that the few thousand best rows contain the exact top k
/// (measured: Benchmarks/README.md, "Prefix first pass").
///
/// Why two widths: a paper's own row keeps most of its length in the leading 32 dimensions, but a short
/// search text often spreads its length further, and a pass that cannot see a third of the query misses
/// true neighbours. Such a query reads the wide copy, twice the bytes of the narrow one and a quarter of the
/// full 8-bit rows, instead of the full rows (run 12, Benchmarks/README.md).
public enum Int8Prefix: CaseIterable, Sendable {
    /// The leading 32 dimensions: a seventh of the full 8-bit rows' bytes at 256 dimensions.
    case narrow
    /// The leading 64 dimensions, for queries the narrow copy cannot see well enough.
    case wide

    /// Leading dimensions kept (or all of them, for a smaller model).
    public var dimension: Int {
        switch self {
        case .narrow: 32
        case .wide: 64
        }
    }

    /// The layout of this prefix's rows for a model of `dimension` dimensions.
    public func layout(forDimension dimension: Int) -> Int8RowLayout {
        Int8RowLayout(dimension: min(self.dimension, dimension))
    }
}
