import Foundation

/// One arXiv paper as any source describes it: the unit every parser emits and the library stores.
///
/// A source may know only part of a paper (the Chinese digest knows a translated title and
/// abstract, the first author and the id), so everything but ``id`` and ``title`` is optional or
/// may be empty. ``language`` says which language ``title``/``abstract`` are in; when a source gives
/// a translation next to English metadata, the translation goes in ``translatedTitle`` /
/// ``translatedAbstract`` with ``translationLanguage``.
public struct Paper: Hashable, Sendable, Codable {
    /// The id, with the version the source named (if any).
    public var id: ArxivID
    public var title: String
    public var abstract: String
    /// Author names in order, as the source spells them.
    public var authors: [String]
    /// arXiv categories, primary first (e.g. `["cs.CV", "cs.AI"]`).
    public var categories: [String]
    /// First-version (submission/announcement) date, when known.
    public var published: Date?
    /// Last update date, when known.
    public var updated: Date?
    /// BCP-47-ish language code of ``title`` and ``abstract``: `en`, `zh`, …
    public var language: String
    /// The source format this record came from.
    public var source: PaperSource
    /// A translation of ``title`` (e.g. the digest's Chinese title beside the API's English one).
    public var translatedTitle: String?
    /// A translation of ``abstract``.
    public var translatedAbstract: String?
    /// The language of the translation, e.g. `zh`.
    public var translationLanguage: String?

    public init(
        id: ArxivID, title: String, abstract: String, authors: [String] = [], categories: [String] = [],
        published: Date? = nil, updated: Date? = nil, language: String = "en", source: PaperSource,
        translatedTitle: String? = nil, translatedAbstract: String? = nil, translationLanguage: String? = nil
    ) {
        self.id = id
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.categories = categories
        self.published = published
        self.updated = updated
        self.language = language
        self.source = source
        self.translatedTitle = translatedTitle
        self.translatedAbstract = translatedAbstract
        self.translationLanguage = translationLanguage
    }

    /// The primary category (the first listed), if any.
    public var primaryCategory: String? { categories.first }

    /// The text the embedding model reads: title and abstract only — never authors or categories,
    /// which the evaluation measures and which would leak into it.
    public var embeddingText: String { title + ". " + abstract }
}

/// Where a ``Paper`` record came from.
public enum PaperSource: String, Hashable, Sendable, Codable, CaseIterable {
    case digest
    case atom
    case rss
    case oai
    case snapshot
}
