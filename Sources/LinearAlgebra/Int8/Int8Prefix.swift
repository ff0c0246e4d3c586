/// The leading dimensions of a row that a *prefix* first pass scores: the cheapest pass of a whole-library
/// scan, over a copy of only these dimensions in 8 bits (``Int8RowLayout`` of ``dimension`` values), a
/// seventh of the bytes of the full 8-bit rows at 256 dimensions.
///
/// Why the leading ones: the dense view's dimensions are ordered by singular value, and its weights are the
/// singular values cubed, so the first dimensions carry most of every row's length and of every score; a
/// prefix score ranks the library well enough that the few thousand best rows contain the exact top k
/// (measured: Benchmarks/README.md, "Prefix first pass").
public enum Int8Prefix {
    /// Leading dimensions kept (or all of them, for a smaller model).
    public static let dimension = 32

    /// The layout of the prefix rows of a model of `dimension` dimensions.
    public static func layout(forDimension dimension: Int) -> Int8RowLayout {
        Int8RowLayout(dimension: min(Self.dimension, dimension))
    }
}
