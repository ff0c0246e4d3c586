/// One fitted paper: its texts in one or more languages — the English title and abstract, and the
/// Chinese text of the same paper when there is one (a digest row, a structured summary). Never authors or
/// categories, which the evaluation measures.
public struct FitDocument: Sendable, Equatable {
    /// The paper's texts; the first is its main text (English when known), which the centering mean is
    /// taken over.
    public var texts: [String]

    public init(texts: [String]) {
        self.texts = texts
    }

    /// A paper with its English text and, when known, its Chinese text.
    public init(english: String, chinese: String?) {
        texts = [english] + (chinese.map { [$0] } ?? [])
    }
}
