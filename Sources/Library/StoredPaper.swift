public import ArxivFormats
public import Foundation

/// A paper as the library holds it: the merge of every record ingested for its id.
public struct StoredPaper: Sendable, Codable, Hashable, Identifiable {
    /// The base id with the latest version known for the main text.
    public var id: ArxivID
    /// Main title, English whenever English is known (see ``language``).
    public var title: String
    public var abstract: String
    public var authors: [String]
    public var categories: [String]
    public var primaryCategory: String?
    public var published: Date?
    public var updated: Date?
    /// The UTC day (`YYYY-MM-DD`) of the first publication date the library learned for the paper;
    /// the day ``Library/papers(listedOn:)`` files it under. It does not move when later records arrive.
    public var listedOn: String?
    /// Language of ``title`` and ``abstract``.
    public var language: String
    /// The source format of the main text.
    public var source: PaperSource
    /// A translation kept beside the main text (the digest's Chinese when English is known).
    public var translatedTitle: String?
    public var translatedAbstract: String?
    public var translationLanguage: String?
    /// The paper's row in the vector file, or `nil` when it has none yet.
    public var vectorRow: Int?

    /// What the embedder read for ``vectorRow``: title and abstract, never authors or categories.
    public var embeddingText: String { title + ". " + abstract }

    init(_ record: PaperRecord) throws(LibraryError) {
        do {
            id = try ArxivID(base: record.baseID, version: record.version)
        } catch {
            throw .corruptRow(table: "papers", key: record.baseID, reason: error.description)
        }
        guard let source = PaperSource(rawValue: record.source) else {
            throw .corruptRow(table: "papers", key: record.baseID, reason: "unknown source '\(record.source)'")
        }
        title = record.title
        abstract = record.abstract
        authors = record.authors
        categories = record.categories
        primaryCategory = record.primaryCategory
        published = record.published
        updated = record.updated
        listedOn = record.listedOn
        language = record.language
        self.source = source
        translatedTitle = record.titleTranslated
        translatedAbstract = record.abstractTranslated
        translationLanguage = record.translationLanguage
        vectorRow = record.vectorRow
    }
}
