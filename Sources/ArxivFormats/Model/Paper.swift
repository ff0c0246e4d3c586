public import Foundation

/// One arXiv paper as any source describes it: the unit every parser emits and the library stores.
///
/// A source may know only part of a paper (the Chinese digest knows a translated title and
/// abstract, the first author and the id), so everything but ``id`` and ``title`` is optional or
/// may be empty. ``language`` says which language ``title``/``abstract`` are in; when a source gives
/// a translation next to English metadata, the translation goes in ``translatedTitle`` /
/// ``translatedAbstract`` with ``translationLanguage``.
///
/// Every text field holds clean text, whoever sets it: the initializer and every assignment apply
/// the one text rule (``Swift/StringProtocol/collapsingWhitespace``: control characters and runs of
/// whitespace become one space, the ends are trimmed); author names and categories that end up
/// empty are dropped, and a category listed twice is kept once. So no parser can hand the store a
/// NUL that SQLite would cut the text at, or an escape sequence that would reach a terminal, and
/// the parsers need not collapse their text themselves. The id's version is ≥ 1 by construction
/// (``ArxivID``), as the `papers.version` CHECK constraint requires.
public struct Paper: Hashable, Sendable {
    /// The id, with the version the source named (if any).
    public var id: ArxivID
    public var title: String { didSet { title = title.collapsingWhitespace } }
    public var abstract: String { didSet { abstract = abstract.collapsingWhitespace } }
    /// Author names in order, as the source spells them.
    public var authors: [String] { didSet { authors = Self.names(authors) } }
    /// arXiv categories, primary first (e.g. `["cs.CV", "cs.AI"]`).
    public var categories: [String] { didSet { categories = Self.terms(categories) } }
    /// First-version (submission/announcement) date, when known.
    public var published: Date?
    /// Last update date, when known.
    public var updated: Date?
    /// BCP-47-ish language code of ``title`` and ``abstract``: `en`, `zh`, …
    public var language: String { didSet { language = language.collapsingWhitespace } }
    /// The source format this record came from.
    public var source: PaperSource
    /// A translation of ``title`` (e.g. the digest's Chinese title beside the API's English one).
    public var translatedTitle: String? { didSet { translatedTitle = translatedTitle?.collapsingWhitespace } }
    /// A translation of ``abstract``.
    public var translatedAbstract: String? { didSet { translatedAbstract = translatedAbstract?.collapsingWhitespace } }
    /// The language of the translation, e.g. `zh`.
    public var translationLanguage: String? { didSet { translationLanguage = translationLanguage?.collapsingWhitespace } }

    public init(
        id: ArxivID, title: String, abstract: String, authors: [String] = [], categories: [String] = [],
        published: Date? = nil, updated: Date? = nil, language: String = "en", source: PaperSource,
        translatedTitle: String? = nil, translatedAbstract: String? = nil, translationLanguage: String? = nil
    ) {
        self.id = id
        self.title = title.collapsingWhitespace
        self.abstract = abstract.collapsingWhitespace
        self.authors = Self.names(authors)
        self.categories = Self.terms(categories)
        self.published = published
        self.updated = updated
        self.language = language.collapsingWhitespace
        self.source = source
        self.translatedTitle = translatedTitle?.collapsingWhitespace
        self.translatedAbstract = translatedAbstract?.collapsingWhitespace
        self.translationLanguage = translationLanguage?.collapsingWhitespace
    }

    /// Author names under the text rule, empty ones dropped.
    private static func names(_ names: [String]) -> [String] {
        names.map(\.collapsingWhitespace).filter { !$0.isEmpty }
    }

    /// Categories under the text rule, empty ones dropped, each kept once where it first appears.
    private static func terms(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        return terms.map(\.collapsingWhitespace).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The primary category (the first listed), if any.
    public var primaryCategory: String? { categories.first }

    /// The text the embedding model reads: title and abstract only — never authors or categories,
    /// which the evaluation measures and which would leak into it.
    public var embeddingText: String { title + ". " + abstract }
}

extension Paper: Codable {
    /// Decodes through ``init(id:title:abstract:authors:categories:published:updated:language:source:translatedTitle:translatedAbstract:translationLanguage:)``,
    /// so a decoded paper keeps the text rule too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(ArxivID.self, forKey: .id), title: try container.decode(String.self, forKey: .title),
            abstract: try container.decode(String.self, forKey: .abstract),
            authors: try container.decode([String].self, forKey: .authors),
            categories: try container.decode([String].self, forKey: .categories),
            published: try container.decodeIfPresent(Date.self, forKey: .published),
            updated: try container.decodeIfPresent(Date.self, forKey: .updated),
            language: try container.decode(String.self, forKey: .language),
            source: try container.decode(PaperSource.self, forKey: .source),
            translatedTitle: try container.decodeIfPresent(String.self, forKey: .translatedTitle),
            translatedAbstract: try container.decodeIfPresent(String.self, forKey: .translatedAbstract),
            translationLanguage: try container.decodeIfPresent(String.self, forKey: .translationLanguage))
    }
}

/// Where a ``Paper`` record came from.
public enum PaperSource: String, Hashable, Sendable, Codable, CaseIterable {
    case digest
    case atom
    case rss
    case oai
    case snapshot
}
