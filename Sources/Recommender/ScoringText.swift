public import Library

/// Which of a paper's texts is scored, and in which language.
///
/// English metadata wins whenever the library has it, because profiles are mostly built from English
/// papers; a paper known only through a translation (a Chinese digest row) is scored on that text and
/// the output says so — scores are never compared across languages silently.
public struct ScoringText: Sendable, Equatable {
    public let text: String
    public let language: String

    public init(_ paper: StoredPaper) {
        text = paper.embeddingText
        language = paper.language
    }

    /// Whether the score came from a non-English text.
    public var isTranslation: Bool { language != "en" }

    /// Whether the scored text is Chinese (a model with a term table reads it as English buckets).
    public var isChinese: Bool { language == "zh" }
}
